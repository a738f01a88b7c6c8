import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { LESSON_UID } from '../uids';

type MediaFile = {
  url?: string | null;
  hash?: string | null;
  mime?: string | null;
  name?: string | null;
  previewUrl?: string | null;
  formats?: Record<string, { url?: string | null; mime?: string | null; name?: string | null } | null> | null;
};

/** An image a lesson body (Strapi blocks) embeds: what its `image` node says about the upload file. */
export type BodyImage = MediaFile;

const MAX_BLOCK_DEPTH = 32;

/** Every `image` node of a Strapi blocks value (any depth), as the upload file it embeds. Anything malformed is skipped. */
export function bodyImagesOf(body: unknown): BodyImage[] {
  const images: BodyImage[] = [];
  const walk = (nodes: unknown, depth: number) => {
    if (!Array.isArray(nodes) || depth > MAX_BLOCK_DEPTH) return;
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null) continue;
      const { type, image, children } = node as Record<string, unknown>;
      if (type === 'image' && typeof image === 'object' && image !== null) images.push(image as BodyImage);
      walk(children, depth + 1);
    }
  };
  walk(body, 0);
  return images;
}

const UPLOAD_FILE_UID = 'plugin::upload.file';
const FILE_FIELDS = ['url', 'hash', 'mime', 'name', 'previewUrl', 'formats'];

/**
 * The upload files (as stored in the media library) that these body images embed, matched by
 * URL or hash. An image whose (local) file is no longer in the library is returned as the body has it.
 */
export async function uploadFilesOf(strapi: Core.Strapi, images: BodyImage[]): Promise<MediaFile[]> {
  const urls = [...new Set(images.map((i) => i.url).filter((u): u is string => typeof u === 'string' && u.length > 0))];
  const hashes = [...new Set(images.map((i) => i.hash).filter((h): h is string => typeof h === 'string' && h.length > 0))];
  if (!urls.length && !hashes.length) return [];
  const or: Record<string, unknown>[] = [];
  if (urls.length) or.push({ url: { $in: urls } });
  if (hashes.length) or.push({ hash: { $in: hashes } });
  const files = (await strapi.db.query(UPLOAD_FILE_UID).findMany({ select: FILE_FIELDS, where: { $or: or } })) as MediaFile[];
  const known = new Set(files.flatMap((f) => [f.url, f.hash]).filter(Boolean));
  // Only local paths of files gone from the library: a remote URL is trusted when the library has it.
  const missing = images.filter(
    (i) => !known.has(i.url) && !known.has(i.hash) && typeof i.url === 'string' && i.url.startsWith('/') && !i.url.startsWith('//')
  );
  return [...files, ...missing];
}

/** A `?file=` value (a URL, a path or a file hash) names this file or one of its formats: the one to serve, or null. */
export function matchFile(file: MediaFile, wanted: string): { url: string; mime: string; name: string } | null {
  const wantedName = requestedFileName(wanted.split('?')[0]!);
  const variants = [
    { url: file.url, mime: file.mime, name: file.name },
    ...Object.values(file.formats ?? {}).map((f) => ({ url: f?.url, mime: f?.mime ?? file.mime, name: f?.name ?? file.name })),
  ];
  for (const variant of variants) {
    if (typeof variant.url !== 'string' || !variant.url) continue;
    const isOriginal = variant.url === file.url;
    const hit =
      variant.url === wanted ||
      (isOriginal && typeof file.hash === 'string' && file.hash !== '' && file.hash === wanted) ||
      (Boolean(wantedName) && variant.url.startsWith('/') && requestedFileName(variant.url.split('?')[0]!) === wantedName);
    if (hit) return { url: variant.url, mime: variant.mime || 'application/octet-stream', name: variant.name || 'file' };
  }
  return null;
}

/** How long the set of locked files is trusted without a write (covers writes made by other Strapi instances). */
const CACHE_TTL_MS = 60_000;

/**
 * The last path segment of a request path, the way a static file server would resolve it:
 * percent-decoded, dot segments and repeated slashes collapsed, lower-cased. undefined when
 * the path cannot be decoded.
 */
export function requestedFileName(requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  return path.posix.basename(path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`)).toLowerCase();
}

/** File names (lower-cased) behind every URL of an uploaded file: the original, its formats, its preview. */
export function fileNamesOf(file: MediaFile): string[] {
  const urls = [file.url, file.previewUrl, ...Object.values(file.formats ?? {}).map((f) => f?.url)];
  return urls
    .filter((url): url is string => typeof url === 'string' && url.startsWith('/'))
    .map((url) => requestedFileName(url.split('?')[0]))
    .filter((name): name is string => Boolean(name));
}

/**
 * Lesson media are the paid part of a lesson: the files must not be served from /uploads to
 * anyone who guesses or keeps their URL. This service knows which uploaded files are lesson
 * media or images in the body of a lesson that is not a free preview (any lesson, draft or
 * published, any locale), caches the set and drops it on every lesson or
 * upload write. The storefront server gets the bytes from the token-guarded
 * GET /api/community/lessons/:documentId/media instead.
 */
const lessonMedia = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { names: Promise<Set<string>>; loadedAt: number } | undefined;

  async function load(): Promise<Set<string>> {
    const lessons = (await strapi.db.query(LESSON_UID).findMany({
      select: ['id', 'free_preview', 'body'],
      populate: { media: { select: ['url', 'previewUrl', 'formats'] } },
    })) as { media?: MediaFile | null; free_preview?: boolean | null; body?: unknown }[];
    const names = new Set<string>();
    const bodyImages: BodyImage[] = [];
    for (const lesson of lessons) {
      if (lesson.media) for (const name of fileNamesOf(lesson.media)) names.add(name);
      // Images in the body of a paid lesson (any version, any locale) are as paid as its media; free previews' stay public.
      if (lesson.free_preview !== true) bodyImages.push(...bodyImagesOf(lesson.body));
    }
    for (const image of bodyImages) for (const name of fileNamesOf(image)) names.add(name);
    for (const file of await uploadFilesOf(strapi, bodyImages)) for (const name of fileNamesOf(file)) names.add(name);
    return names;
  }

  return {
    /** Lower-cased names of the files that are the media of some lesson or an image in a paid lesson's body. */
    lockedFileNames(): Promise<Set<string>> {
      if (!cache || Date.now() - cache.loadedAt > CACHE_TTL_MS) {
        const names = load();
        const entry = { names, loadedAt: Date.now() };
        cache = entry;
        names.catch(() => {
          if (cache === entry) cache = undefined; // retry on the next request
        });
      }
      return cache.names;
    },

    /** Forget the set; the next request reloads it. */
    invalidate(): void {
      cache = undefined;
    },
  };
};

export default lessonMedia;
