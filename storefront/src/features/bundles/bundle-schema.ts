import { z } from 'astro/zod';

/** One lesson bundle (拆分课程包) as the CMS GraphQL API returns it. */
export const bundleSchema = z.object({
  documentId: z.string().min(1),
  name: z.string(),
  slug: z.string().nullish(),
  // Null means "not for sale".
  price_fen: z.number().int().nonnegative().nullable(),
  validity_days: z.number().int().nullish(),
  lessons: z.array(z.object({ documentId: z.string().min(1), position: z.number().int().nullish() }).nullable()),
});

export const bundlesResponseSchema = z.object({
  communityLessonBundles: z.array(bundleSchema.nullable()),
});

export type CmsBundle = z.infer<typeof bundleSchema>;

export interface LessonBundle {
  id: string;
  name: string;
  slug: string;
  priceFen: number | null;
  /** Days of access after purchase; null: no expiry. */
  validityDays: number | null;
  /** In course order. */
  lessonIds: string[];
}

/**
 * Maps the CMS shape to ours, keeping only lessons that belong to the course (in course
 * order). Bundles without lessons sell nothing and are dropped (null).
 */
export function toBundle(raw: CmsBundle, courseLessonIds: readonly string[]): LessonBundle | null {
  const inBundle = new Set(raw.lessons.map((lesson) => lesson?.documentId).filter(Boolean));
  const lessonIds = courseLessonIds.filter((id) => inBundle.has(id));
  if (lessonIds.length === 0) return null;
  return {
    id: raw.documentId,
    name: raw.name,
    slug: raw.slug?.trim() || raw.documentId.toLowerCase(),
    priceFen: raw.price_fen,
    validityDays: raw.validity_days && raw.validity_days > 0 ? raw.validity_days : null,
    lessonIds,
  };
}
