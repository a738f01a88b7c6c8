import type { Core, Modules } from '@strapi/strapi';
import { COURSE_UID } from '../uids';
import { slugify } from '../services/slugify';

/**
 * The document service does not fill `uid` fields (only the admin's "regenerate" button does),
 * and titles are usually Chinese, which the admin's generator reduces to nothing.
 * Fill a unique slug on create and whenever it is cleared.
 */
export const fillCourseSlug = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    if (ctx.uid !== COURSE_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = ctx.params as { data?: { title?: string; slug?: string | null }; documentId?: string };
    const data = params.data;
    if (!data) return next();
    const wantsSlug = ctx.action === 'create' ? !data.slug : data.slug === '' || data.slug === null;
    if (wantsSlug && data.title) {
      data.slug = await uniqueSlug(strapi, slugify(data.title), params.documentId);
    }
    return next();
  };
};

async function uniqueSlug(strapi: Core.Strapi, base: string, ownDocumentId?: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const clash = await strapi.db.query(COURSE_UID).findOne({
      where: { slug: candidate, ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}) },
    });
    if (!clash) return candidate;
  }
}
