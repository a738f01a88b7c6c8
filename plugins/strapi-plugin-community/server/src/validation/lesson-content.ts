import { z } from 'zod';

/** Strapi document ids: 24 lower-case letters and digits today; accept a little more, never path characters. */
export const documentIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'not a document id');

export const lessonContentParams = z.object({ documentId: documentIdSchema });

/** A locale code as Strapi's i18n writes them (en, zh-CN, zh-Hant-TW); whether it is configured is checked against the CMS. */
export const localeCodeSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'not a locale code');

export const lessonContentQuery = z.object({ locale: localeCodeSchema.optional() });

/**
 * `?file=` of the media route: an image of the lesson body, named by its URL ("/uploads/x_ab12.png"
 * or the provider's absolute URL) or its hash. Printable characters only, no backslashes.
 */
export const lessonFileSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(2048, 'too long')
  .regex(/^[^\u0000-\u001f\u007f\\]+$/, 'not a file URL or hash');

export const lessonMediaQuery = lessonContentQuery.extend({ file: lessonFileSchema.optional() });
