import type { Core, Modules } from '@strapi/strapi';
import { BUNDLE_UID, COURSE_UID, INTEREST_TAG_UID } from '../uids';
import { slugify } from '../services/slugify';

type SlugRule = { uid: string; source: 'title' | 'name'; prefix: string };

/** Content types whose `slug` (uid) is filled from another field, and the prefix of a random slug. */
export const SLUG_RULES: readonly SlugRule[] = [
  { uid: COURSE_UID, source: 'title', prefix: 'course' },
  { uid: BUNDLE_UID, source: 'name', prefix: 'bundle' },
  { uid: INTEREST_TAG_UID, source: 'name', prefix: 'tag' },
];

/**
 * The document service does not fill `uid` fields (only the admin's "regenerate" button does),
 * and titles are usually Chinese, which the admin's generator reduces to nothing.
 * Fill a unique slug on create and whenever it is cleared (courses, bundles, interest tags).
 */
export const fillCourseSlug = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    const rule = SLUG_RULES.find((r) => r.uid === ctx.uid);
    if (!rule || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = ctx.params as { data?: Record<string, unknown> & { slug?: string | null }; documentId?: string };
    const data = params.data;
    if (!data) return next();
    const wantsSlug = ctx.action === 'create' ? !data.slug : data.slug === '' || data.slug === null;
    const source = data[rule.source];
    if (wantsSlug && typeof source === 'string' && source) {
      data.slug = await uniqueSlug(strapi, rule.uid, slugify(source, rule.prefix), params.documentId);
    }
    return next();
  };
};

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string, ownDocumentId?: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const clash = await strapi.db.query(uid as typeof COURSE_UID).findOne({
      where: { slug: candidate, ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}) },
    });
    if (!clash) return candidate;
  }
}
