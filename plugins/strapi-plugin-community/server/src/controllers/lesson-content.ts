import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { API_TOKEN_STRATEGY, LESSON_UID } from '../uids';
import { lessonContentParams, lessonMediaQuery } from '../validation/lesson-content';
import { bodyImagesOf, matchFile, uploadFilesOf } from '../services/lesson-media';
import { getDefaultLocale, getLocaleCodes } from '../services/locales';
import { parseByteRange } from '../services/byte-range';

type LockedLesson = {
  documentId: string;
  locale: string;
  body: unknown;
  media: { url: string; mime: string; name: string; size?: number } | null;
};

/** Where the storefront server fetches a lesson's media (relative to the CMS base URL). */
export const lessonMediaPath = (documentId: string) => `/api/community/lessons/${documentId}/media`;

/**
 * The paid part of a lesson, for the storefront server only. Route auth (routes/content-api.ts)
 * admits only API tokens holding `plugin::community.lesson.content`; the check below is a second
 * lock in case a route is ever declared without it.
 *
 * GET /api/community/lessons/:documentId/content[?locale=en] → { data: { documentId, locale, body, media: { url, mime, name } | null } }
 * GET /api/community/lessons/:documentId/media[?locale=en]   → the file's bytes (Range requests supported)
 * GET /api/community/lessons/:documentId/media?file=<url|hash> → an image embedded in the lesson's
 *   body (any published locale of it), or one of its formats; 404 for any other file
 *
 * `locale` must be one of the CMS's locales (400 otherwise); when the lesson has no published
 * version in it, the default locale's (zh-CN) is served instead, and `data.locale` says which.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async content(ctx: any) {
    if (ctx.state?.auth?.strategy?.name !== API_TOKEN_STRATEGY) throw new errors.ForbiddenError();
    const parsed = lessonContentParams.safeParse(ctx.params);
    if (!parsed.success) throw new errors.ValidationError(parsed.error.issues.map((i) => i.message).join('; '));
    const { documentId } = parsed.data;
    const isMedia = String(ctx.state.route?.path ?? '').endsWith('/media');
    const query = lessonMediaQuery.safeParse({ locale: ctx.query?.locale, ...(isMedia ? { file: ctx.query?.file } : {}) });
    if (!query.success) {
      throw new errors.ValidationError(query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    const defaultLocale = await getDefaultLocale(strapi);
    const requested = query.data.locale ?? defaultLocale;
    if (requested !== defaultLocale && !(await getLocaleCodes(strapi)).includes(requested)) {
      throw new errors.ValidationError(`locale: ${requested} is not one of the CMS locales`);
    }

    const findLesson = async (locale: string) =>
      (await strapi.documents(LESSON_UID).findOne({
        documentId,
        status: 'published',
        locale,
        fields: ['documentId', 'body', 'locale'],
        populate: { media: true },
      } as any)) as unknown as LockedLesson | null;
    let lesson = await findLesson(requested);
    if (!lesson && requested !== defaultLocale) lesson = await findLesson(defaultLocale);
    if (!lesson) throw new errors.NotFoundError('Lesson not found');

    ctx.set('Cache-Control', 'private, no-store');
    if (isMedia && query.data.file !== undefined) {
      const file = await bodyFile(strapi, documentId, query.data.file);
      if (!file) throw new errors.NotFoundError('This lesson has no such file');
      await sendFile(strapi, ctx, file);
      return;
    }
    if (isMedia) {
      if (!lesson.media) throw new errors.NotFoundError('This lesson has no media');
      await sendFile(strapi, ctx, lesson.media);
      return;
    }
    ctx.body = {
      data: {
        documentId,
        locale: lesson.locale,
        body: lesson.body ?? null,
        media: lesson.media ? { url: lessonMediaPath(documentId), mime: lesson.media.mime, name: lesson.media.name } : null,
      },
    };
  },
});

/**
 * The file `wanted` names, only when an image block of a published version (any locale) of the
 * lesson embeds it: a lesson's token-guarded route never serves another lesson's or any other file.
 */
async function bodyFile(strapi: Core.Strapi, documentId: string, wanted: string) {
  const versions = (await strapi.db.query(LESSON_UID).findMany({
    select: ['body'],
    where: { documentId, publishedAt: { $notNull: true } },
  })) as { body?: unknown }[];
  const images = versions.flatMap((version) => bodyImagesOf(version.body));
  for (const file of await uploadFilesOf(strapi, images)) {
    const match = matchFile(file, wanted);
    if (match) return match;
  }
  return null;
}

async function sendFile(strapi: Core.Strapi, ctx: any, file: NonNullable<LockedLesson['media']>): Promise<void> {
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);

  if (/^https?:\/\//i.test(file.url)) {
    // A remote upload provider (S3, OSS…): relay its answer, Range included.
    const upstream = await fetch(file.url, { headers: ctx.get('range') ? { range: ctx.get('range') } : {} });
    if (!upstream.ok || !upstream.body) throw new errors.NotFoundError('Media unavailable');
    ctx.status = upstream.status;
    for (const header of ['content-type', 'content-length', 'content-range']) {
      const value = upstream.headers.get(header);
      if (value) ctx.set(header, value);
    }
    ctx.body = Readable.fromWeb(upstream.body as any);
    return;
  }

  const root = path.resolve(strapi.dirs.static.public);
  const filePath = path.resolve(root, `.${decodeURIComponent(file.url.split('?')[0])}`);
  if (!filePath.startsWith(root + path.sep)) throw new errors.NotFoundError('Media unavailable');
  const stat = await fs.promises.stat(filePath).catch(() => null);
  if (!stat?.isFile()) throw new errors.NotFoundError('Media unavailable');

  ctx.type = file.mime;
  const range = parseByteRange(ctx.get('range') || undefined, stat.size);
  if (range === 'unsatisfiable') {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${stat.size}`);
    ctx.body = '';
    return;
  }
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
    ctx.body = fs.createReadStream(filePath, range);
    ctx.length = range.end - range.start + 1;
    return;
  }
  ctx.status = 200;
  ctx.body = fs.createReadStream(filePath);
  ctx.length = stat.size;
}
