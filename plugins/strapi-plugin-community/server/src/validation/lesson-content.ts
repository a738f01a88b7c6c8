import { z } from 'zod';

/** Strapi document ids: 24 lower-case letters and digits today; accept a little more, never path characters. */
export const documentIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'not a document id');

export const lessonContentParams = z.object({ documentId: documentIdSchema });
