import type { Core, Modules } from '@strapi/strapi';
import { SELLABLE_UIDS } from '../uids';

/** Actions that can change what commerce should offer. Draft-only saves cannot. */
const OFFER_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * Writes every change to a sellable document into the catalog outbox, after the change
 * succeeded. The outbox delivers the document's state at delivery time, so recording
 * the same document twice is harmless and a delivery missed while commerce was down
 * is retried until it lands.
 */
export const recordCatalogChange = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    const result = await next();
    if (!SELLABLE_UIDS.includes(ctx.uid) || !OFFER_ACTIONS.has(ctx.action)) return result;

    const params = ctx.params as { documentId?: string; status?: string };
    const touchesPublished =
      ctx.action === 'publish' ||
      ctx.action === 'unpublish' ||
      ctx.action === 'delete' ||
      params.status === 'published';
    if (!touchesPublished) return result;

    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) {
      await strapi.plugin('community').service('catalogSync').markChanged(ctx.uid, documentId);
    }
    return result;
  };
};
