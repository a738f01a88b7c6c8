import { isCourseLevel, type CourseLevel } from './course-schema';

export interface CatalogFilters {
  tag: string | null;
  level: CourseLevel | null;
}

// Strapi uid slugs: letters, digits and - _ . ~
const TAG_PATTERN = /^[\w.~-]{1,100}$/;

/**
 * The catalog filters of a URL (?tag=…&level=…). Values that cannot be valid are ignored
 * rather than refused, so an old or mistyped share link still shows courses.
 */
export function parseCatalogQuery(params: URLSearchParams): CatalogFilters {
  const tag = params.get('tag')?.trim() ?? '';
  const level = params.get('level')?.trim() ?? '';
  return {
    tag: TAG_PATTERN.test(tag) ? tag : null,
    level: isCourseLevel(level) ? level : null,
  };
}
