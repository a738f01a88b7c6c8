import { z } from 'zod';

/** Strapi document ids: 24 lower-case letters and digits today; accept a little more, never path characters. */
export const documentIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'not a document id');

export const lessonContentParams = z.object({ documentId: documentIdSchema });

/** A locale code as Strapi's i18n writes them (en, zh-CN, zh-Hant-TW); whether it is configured is checked against the CMS. */
export const localeCodeSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'not a locale code');

export const lessonContentQuery = z.object({ locale: localeCodeSchema.optional() });
