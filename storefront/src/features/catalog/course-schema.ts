import { z } from 'astro/zod';

/** One lesson as the CMS GraphQL API returns it. */
export const lessonSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  position: z.number().int(),
  free_preview: z.boolean().nullable().transform((value) => value === true),
});

/** One course as the CMS GraphQL API returns it (field names are the contract). */
export const courseSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  slug: z.string().nullable(),
  summary: z.string().nullable(),
  // Null means "not for sale".
  price_fen: z.number().int().nonnegative().nullable(),
  lessons: z.array(lessonSchema),
});

export const coursesResponseSchema = z.object({
  communityCourses: z.array(courseSchema),
});

export type CmsCourse = z.infer<typeof courseSchema>;

export interface Lesson {
  id: string;
  title: string;
  position: number;
  freePreview: boolean;
}

export interface Course {
  id: string;
  title: string;
  slug: string;
  summary: string | null;
  priceFen: number | null;
  lessons: Lesson[];
}

/**
 * Maps the CMS shape to ours. Courses without a slug cannot be linked to, so they are
 * dropped (null). Lessons are re-sorted defensively: order matters to buyers.
 */
export function toCourse(raw: CmsCourse): Course | null {
  const slug = raw.slug?.trim();
  if (!slug) return null;
  return {
    id: raw.documentId,
    title: raw.title,
    slug,
    summary: raw.summary?.trim() || null,
    priceFen: raw.price_fen,
    lessons: [...raw.lessons]
      .sort((a, b) => a.position - b.position)
      .map((lesson) => ({
        id: lesson.documentId,
        title: lesson.title,
        position: lesson.position,
        freePreview: lesson.free_preview,
      })),
  };
}

/** Medusa product handle of the product that sells a course (set by the catalog sync). */
export function courseProductHandle(documentId: string): string {
  return `course-${documentId.toLowerCase()}`;
}
