import { z } from 'astro/zod';

/** GET /api/community/lessons/:documentId/content (CMS, API token only). */
export const lessonContentResponseSchema = z.object({
  data: z.object({
    documentId: z.string().min(1),
    body: z.unknown().optional(),
    media: z
      .object({
        url: z.string().min(1),
        mime: z.string().nullish(),
        name: z.string().nullish(),
      })
      .nullish(),
  }),
});

export interface LessonMedia {
  /** As the CMS gives it: relative to the CMS (possibly a token-guarded API URL) or absolute. */
  url: string;
  mime: string | null;
  name: string | null;
}

/** The paid part of a lesson. Server-side only until access has been checked. */
export interface LessonContent {
  id: string;
  /** Strapi blocks. */
  body: unknown;
  media: LessonMedia | null;
}
