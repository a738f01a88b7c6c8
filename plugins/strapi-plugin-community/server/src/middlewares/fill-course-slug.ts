import type { Core, Modules } from '@strapi/strapi';
import { BUNDLE_UID, COURSE_UID, INTEREST_TAG_UID } from '../uids';
import { slugify } from '../services/slugify';
import { getDefaultLocale } from '../services/locales';

type SlugRule = { uid: string; source: 'title' | 'name'; prefix: string };

/** Content types whose `slug` (uid) is filled from another field, and the prefix of a random slug. */
export const SLUG_RULES: readonly SlugRule[] = [
  { uid: COURSE_UID, source: 'title', prefix: 'course' },
  { uid: BUNDLE_UID, source: 'name', prefix: 'bundle' },
  { uid: INTEREST_TAG_UID, source: 'name', prefix: 'tag' },
];

/** Writes after which the locales of a document may hold different slugs. */
const SLUG_SYNC_ACTIONS = new Set(['create', 'update', 'publish', 'discardDraft']);

/**
 * The document service does not fill `uid` fields (only the admin's "regenerate" button does),
 * and titles are usually Chinese, which the admin's generator reduces to nothing.
 * Fill a unique slug on create and whenever it is cleared (courses, bundles, interest tags).
 *
 * Slugs belong to the DOCUMENT, not to a locale: storefront URLs and commerce handles must not
 * change with the language. Strapi's i18n always treats `uid` fields as localized, so this
 * middleware keeps them equal: after every write, each non-default-locale version takes the
 * slug of the default-locale version in the same state (draft / published). A slug typed into a
 * translation is therefore overwritten; change it in zh-CN.
 */
export const fillCourseSlug = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    const rule = SLUG_RULES.find((r) => r.uid === ctx.uid);
    if (!rule || !SLUG_SYNC_ACTIONS.has(ctx.action)) {
      return next();
    }
    const params = ctx.params as {
      data?: Record<string, unknown> & { slug?: string | null };
      documentId?: string;
      locale?: string;
    };
    const data = params.data;
    const defaultLocale = await getDefaultLocale(strapi);
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : defaultLocale;

    if (data && (ctx.action === 'create' || ctx.action === 'update')) {
      const canonical =
        params.documentId && locale !== defaultLocale ? await documentSlug(strapi, rule.uid, params.documentId, defaultLocale) : null;
      if (canonical) {
        // A translation of a document that has a default-locale version: same slug.
        data.slug = canonical;
      } else {
        const wantsSlug = ctx.action === 'create' ? !data.slug : data.slug === '' || data.slug === null;
        const source = data[rule.source];
        if (wantsSlug && typeof source === 'string' && source) {
          data.slug = await uniqueSlug(strapi, rule.uid, slugify(source, rule.prefix), params.documentId);
        }
      }
    }
    const result = await next();

    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await syncSlugs(strapi, rule.uid, documentId, defaultLocale);
    return result;
  };
};

type SlugRow = { id: number; locale: string | null; slug: string | null; publishedAt: string | Date | null };

/** The slug of a document's default-locale version, the draft's when there is one (it is the newest). */
async function documentSlug(strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<string | null> {
  const rows = (await strapi.db.query(uid as typeof COURSE_UID).findMany({
    where: { documentId, locale },
    select: ['id', 'locale', 'slug', 'publishedAt'],
  })) as SlugRow[];
  const row = rows.find((r) => r.publishedAt == null) ?? rows[0];
  return row?.slug || null;
}

/** Gives every other-locale row of the document the default-locale slug of the same state. */
async function syncSlugs(strapi: Core.Strapi, uid: string, documentId: string, defaultLocale: string): Promise<void> {
  const query = strapi.db.query(uid as typeof COURSE_UID);
  const rows = (await query.findMany({ where: { documentId }, select: ['id', 'locale', 'slug', 'publishedAt'] })) as SlugRow[];
  const canonical = rows.filter((r) => r.locale === defaultLocale);
  const draft = canonical.find((r) => r.publishedAt == null);
  const published = canonical.find((r) => r.publishedAt != null);
  for (const row of rows) {
    if (row.locale === defaultLocale) continue;
    const wanted = (row.publishedAt == null ? draft ?? published : published ?? draft)?.slug;
    if (wanted && row.slug !== wanted) await query.update({ where: { id: row.id }, data: { slug: wanted } });
  }
}

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string, ownDocumentId?: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const clash = await strapi.db.query(uid as typeof COURSE_UID).findOne({
      where: { slug: candidate, ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}) },
    });
    if (!clash) return candidate;
  }
}
