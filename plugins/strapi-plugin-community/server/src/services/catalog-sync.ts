import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { COURSE_UID, SELLABLE_UIDS, SYNC_STATE_UID } from '../uids';
import { postCatalogDocument, type CatalogDocumentPayload } from './commerce-client';

export type SyncStateRow = {
  id: number;
  target_uid: string;
  target_document_id: string;
  state: 'pending' | 'synced' | 'failed' | 'not_for_sale';
  attempts: number;
  change_seq: number;
  next_attempt_at: string | null;
  last_error: string | null;
  reason: string | null;
  commerce_product_id: string | null;
  synced_at: string | null;
};

export const NO_PRICE_REASON = 'No price set: the course is published but not offered for sale (未设置价格，暂不开售)';

/**
 * The catalog outbox. Each sellable document has one row; a change marks it pending and
 * the worker delivers the document's CURRENT state to commerce, retrying with back-off
 * while commerce is unreachable. Delivering current state (not the event) makes every
 * delivery idempotent and lets later changes supersede earlier ones.
 */
const catalogSync = ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const rows = () => strapi.db.query(SYNC_STATE_UID);
  const config = () => strapi.config.get('plugin::community') as PluginConfig;

  async function buildPayload(uid: string, documentId: string): Promise<CatalogDocumentPayload> {
    if (uid !== COURSE_UID) throw new Error(`${uid} is not sellable`);
    const published = await strapi.documents(COURSE_UID).findOne({ documentId, status: 'published' });
    if (!published) {
      return { document_id: documentId, kind: 'course', state: 'archived', price_fen: null, cms_updated_at: new Date().toISOString() };
    }
    const course = published as unknown as { slug: string; title: string; summary: string | null; price_fen: number | null; updatedAt: string };
    return {
      document_id: documentId,
      kind: 'course',
      state: course.price_fen == null ? 'archived' : 'published',
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      price_fen: course.price_fen,
      cms_updated_at: new Date(course.updatedAt).toISOString(),
    };
  }

  async function deliver(row: SyncStateRow): Promise<void> {
    const { target_uid: uid, target_document_id: documentId } = row;
    let payload: CatalogDocumentPayload | undefined;
    try {
      payload = await buildPayload(uid, documentId);
      const result = await postCatalogDocument(config(), payload);
      const notForSale = payload.state === 'archived' && payload.title !== undefined;
      // Only settle the row if no newer change arrived while we were delivering.
      await rows().updateMany({
        where: { id: row.id, change_seq: row.change_seq },
        data: {
          state: notForSale ? 'not_for_sale' : 'synced',
          reason: notForSale ? NO_PRICE_REASON : null,
          attempts: 0,
          last_error: null,
          next_attempt_at: null,
          commerce_product_id: result.product_id,
          synced_at: new Date(),
        },
      });
      strapi.log.info(`[community] catalog: ${uid} ${documentId} delivered (${payload.state}, product ${result.product_id ?? 'none'})`);
    } catch (error) {
      const attempts = row.attempts + 1;
      const delay = Math.min(config().maxBackoffMs, 1000 * 2 ** Math.min(attempts, 16));
      const message = error instanceof Error ? error.message : String(error);
      await rows().updateMany({
        where: { id: row.id, change_seq: row.change_seq },
        data: { state: 'failed', attempts, last_error: message.slice(0, 1000), next_attempt_at: new Date(Date.now() + delay) },
      });
      strapi.log.warn(`[community] catalog: delivery of ${uid} ${documentId} failed (attempt ${attempts}): ${message}; retrying in ${Math.round(delay / 1000)}s`);
    }
  }

  async function deliverDueNow(): Promise<void> {
    const due = (await rows().findMany({
      where: { state: { $in: ['pending', 'failed'] }, next_attempt_at: { $lte: new Date() } },
      orderBy: { next_attempt_at: 'asc' },
      limit: 50,
    })) as SyncStateRow[];
    for (const row of due) await deliver(row);
  }

  return {
    /** Records that a sellable document changed; delivery follows at once and is retried until it lands. */
    async markChanged(uid: string, documentId: string): Promise<void> {
      const existing = (await rows().findOne({ where: { target_uid: uid, target_document_id: documentId } })) as SyncStateRow | null;
      const data = { state: 'pending', attempts: 0, last_error: null, next_attempt_at: new Date() };
      if (existing) {
        await rows().update({ where: { id: existing.id }, data: { ...data, change_seq: existing.change_seq + 1 } });
      } else {
        await rows().create({ data: { ...data, target_uid: uid, target_document_id: documentId, change_seq: 1 } });
      }
      setImmediate(() => void this.deliverDue());
    },

    /** Delivers every due row; concurrent calls share one pass. */
    deliverDue(): Promise<void> {
      running ??= deliverDueNow()
        .catch((error) => {
          strapi.log.error(`[community] catalog outbox pass failed: ${error}`);
        })
        .finally(() => {
          running = undefined;
        });
      return running!;
    },

    /** Marks every sellable document pending, so the next pass re-sends the whole catalog. */
    async reconcileAll(): Promise<number> {
      let count = 0;
      for (const uid of SELLABLE_UIDS) {
        const documents = await strapi.documents(uid as typeof COURSE_UID).findMany({ fields: ['documentId'], status: 'draft' });
        for (const { documentId } of documents) {
          await this.markChanged(uid, documentId);
          count += 1;
        }
      }
      return count;
    },

    async getState(uid: string, documentId: string): Promise<SyncStateRow | null> {
      return (await rows().findOne({ where: { target_uid: uid, target_document_id: documentId } })) as SyncStateRow | null;
    },

    start(): void {
      timer = setInterval(() => void this.deliverDue(), config().syncIntervalMs);
      timer.unref();
      void this.deliverDue();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};

export default catalogSync;
