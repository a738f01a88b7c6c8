import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { LESSON_UID } from '../uids';

type MediaFile = {
  url?: string | null;
  previewUrl?: string | null;
  formats?: Record<string, { url?: string | null } | null> | null;
};

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
 * media (any lesson, draft or published), caches the set and drops it on every lesson or
 * upload write. The storefront server gets the bytes from the token-guarded
 * GET /api/community/lessons/:documentId/media instead.
 */
const lessonMedia = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { names: Promise<Set<string>>; loadedAt: number } | undefined;

  async function load(): Promise<Set<string>> {
    const lessons = (await strapi.db.query(LESSON_UID).findMany({
      select: ['id'],
      populate: { media: { select: ['url', 'previewUrl', 'formats'] } },
    })) as { media?: MediaFile | null }[];
    const names = new Set<string>();
    for (const lesson of lessons) {
      if (lesson.media) for (const name of fileNamesOf(lesson.media)) names.add(name);
    }
    return names;
  }

  return {
    /** Lower-cased names of the files that are the media of some lesson. */
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
