import type { Core, Modules } from '@strapi/strapi';
import { LESSON_UID, SELLABLE_UIDS } from '../uids';

/** Actions that can change what commerce should offer. Draft-only saves cannot. */
const OFFER_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

/** Sellable documents, and lessons (a course's and a bundle's offer lists their published lessons). */
const TRACKED_UIDS = new Set<string>([...SELLABLE_UIDS, LESSON_UID]);

type Ref = { uid: string; documentId: string };

/**
 * Writes every change to a sellable document into the catalog outbox, after the change
 * succeeded, together with the sellable documents whose offer depends on it: a course's
 * bundles (a bundle is withdrawn while its course is unpublished) and, for a lesson, its
 * course and the bundles holding it. The outbox delivers the documents' state at delivery
 * time, so recording the same document twice is harmless and a delivery missed while
 * commerce was down is retried until it lands.
 */
export const recordCatalogChange = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    if (!TRACKED_UIDS.has(ctx.uid) || !OFFER_ACTIONS.has(ctx.action)) return next();

    const params = ctx.params as { documentId?: string; status?: string };
    const touchesPublished =
      ctx.action === 'publish' ||
      ctx.action === 'unpublish' ||
      ctx.action === 'delete' ||
      params.status === 'published';
    if (!touchesPublished) return next();

    const sync = strapi.plugin('community').service('catalogSync');
    // Links are read before the change too: a delete removes them, an update may move them.
    const before: Ref[] = params.documentId ? await sync.relatedSellables(ctx.uid, params.documentId) : [];
    const result = await next();

    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const after: Ref[] = ctx.action === 'delete' ? [] : await sync.relatedSellables(ctx.uid, documentId);
    const own: Ref[] = SELLABLE_UIDS.includes(ctx.uid) ? [{ uid: ctx.uid, documentId }] : [];
    const targets = new Map([...own, ...before, ...after].map((ref) => [`${ref.uid} ${ref.documentId}`, ref]));
    for (const ref of targets.values()) await sync.markChanged(ref.uid, ref.documentId);
    return result;
  };
};
