import type { LessonBundle } from '../bundles/bundle-schema';
import type { Course, InterestTag } from './course-schema';

/**
 * CMS content is localized with Strapi i18n. The DEFAULT-locale (zh-CN) version of a document is
 * its canonical one: it is what commerce sells (price, lessons, published state) and it is the
 * structure pages are built from. A translation only replaces the texts, field by field; what
 * has no translation (a course, a lesson, a tag, an empty summary) stays in zh-CN rather than
 * disappearing. Relations in Strapi link versions of the same locale, so a translated course
 * without translated lessons has no lessons of its own: the zh-CN list is the one that counts.
 */
export function localizeCourse(base: Course, translated: Course | null | undefined): Course {
  if (!translated || translated.id !== base.id) return base;
  const lessonTitles = new Map(translated.lessons.map((lesson) => [lesson.id, lesson.title]));
  const tagNames = new Map(translated.tags.map((tag) => [tag.slug, tag.name]));
  const instructor =
    base.instructor && translated.instructor?.id === base.instructor.id
      ? {
          ...base.instructor,
          name: translated.instructor.name || base.instructor.name,
          title: translated.instructor.title ?? base.instructor.title,
          bio: translated.instructor.bio ?? base.instructor.bio,
        }
      : base.instructor;
  return {
    ...base,
    title: translated.title || base.title,
    summary: translated.summary ?? base.summary,
    body: isEmptyBody(translated.body) ? base.body : translated.body,
    instructor,
    tags: base.tags.map((tag) => ({ ...tag, name: tagNames.get(tag.slug) || tag.name })),
    lessons: base.lessons.map((lesson) => ({ ...lesson, title: lessonTitles.get(lesson.id) || lesson.title })),
  };
}

/** Base courses (their order and set) with the translations that exist. */
export function localizeCourses(base: readonly Course[], translated: readonly Course[]): Course[] {
  const byId = new Map(translated.map((course) => [course.id, course]));
  return base.map((course) => localizeCourse(course, byId.get(course.id)));
}

/** Tag names in the page locale, matched by slug (slugs are shared by all locales). */
export function localizeTags(base: readonly InterestTag[], translated: readonly InterestTag[]): InterestTag[] {
  const names = new Map(translated.map((tag) => [tag.slug, tag.name]));
  return base.map((tag) => ({ ...tag, name: names.get(tag.slug) || tag.name }));
}

/** Bundle names in the page locale, matched by document id. */
export function localizeBundles(base: readonly LessonBundle[], names: ReadonlyMap<string, string>): LessonBundle[] {
  return base.map((bundle) => ({ ...bundle, name: names.get(bundle.id) || bundle.name }));
}

function isEmptyBody(body: unknown): boolean {
  return body == null || (Array.isArray(body) && body.length === 0);
}
