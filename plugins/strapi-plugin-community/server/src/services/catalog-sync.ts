import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { BUNDLE_UID, COURSE_UID, LESSON_UID, SELLABLE_UIDS, SYNC_STATE_UID } from '../uids';
import {
  amountToFen,
  catalogHandle,
  catalogVisibility,
  withdrawnCourseVisibility,
  type BundleCatalogPayload,
  type CatalogDocumentPayload,
  type CourseCatalogPayload,
} from '@community/contracts';
import { CommerceUnavailableError, fetchCommerceProduct, postCatalogDocument, type CommerceProduct } from './commerce-client';
import { getDefaultLocale } from './locales';

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
export const MEMBERS_ONLY_REASON = 'Members only: included in membership, not sold on its own (会员专享，不单独售卖)';
export const BUNDLE_NO_PRICE_REASON = 'No price set: the bundle is published but not offered for sale (未设置价格，暂不开售)';
export const BUNDLE_NO_COURSE_REASON = 'The bundle belongs to no course, so it is not offered (课程包未关联课程，暂不开售)';
export const BUNDLE_COURSE_UNPUBLISHED_REASON =
  "The bundle's course is not published, so the bundle is not offered (课程未发布，课程包暂不开售)";
export const BUNDLE_NO_LESSONS_REASON = 'None of the bundle’s lessons is published, so it is not offered (课程包内没有已发布的课时，暂不开售)';

/** A sellable document and the state commerce should hold for it. */
export type CatalogOffer = {
  payload: CatalogDocumentPayload;
  /** Why a published document is withdrawn (shown in the editor's panel); null when offered or not published. */
  notForSaleReason: string | null;
};

export type DriftProblem = 'missing_product' | 'wrong_status' | 'wrong_price' | 'check_failed';

export type DriftEntry = {
  uid: string;
  documentId: string;
  problem: DriftProblem;
  /** What exactly differs (or why it could not be checked). */
  detail: string;
};

export type ReconcileReport = {
  /** Sellable documents looked at (every course and bundle, plus outbox rows of deleted ones). */
  checked: number;
  /** Of those, how many could be compared with commerce. */
  compared: number;
  /** Documents put back in the outbox (every drift entry). */
  queued: number;
  drift: DriftEntry[];
  commerce: { url: string; reachable: boolean; error: string | null };
};

type Ref = { uid: string; documentId: string };

/**
 * The catalog outbox. Each sellable document has one row; a change marks it pending and
 * the worker delivers the document's CURRENT state to commerce, retrying with back-off
 * while commerce is unreachable. Delivering current state (not the event) makes every
 * delivery idempotent and lets later changes supersede earlier ones.
 *
 * Relations are read from the documents' DRAFT versions (Strapi keeps those links stable
 * across unpublish/republish of either side) and then narrowed to what is published.
 *
 * Documents are localized (i18n): commerce gets ONE product per document, built from the
 * DEFAULT-locale version (zh-CN): its title, its price, its published state. Every read below
 * names that locale explicitly; a publish or unpublish in any locale re-queues the document
 * (middlewares/record-catalog-change.ts), and the delivery then reads the default locale again.
 */
const catalogSync = ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const rows = () => strapi.db.query(SYNC_STATE_UID);
  const config = () => strapi.config.get('plugin::community') as PluginConfig;
  const docs = (uid: string) => strapi.documents(uid as typeof COURSE_UID);

  type PublishedLesson = { documentId: string; visibility?: unknown; visible_to_plans?: unknown };

  /** Which of these lessons are published (with their published visibility), in position order. */
  async function publishedLessons(lessonDocumentIds: string[], locale: string): Promise<PublishedLesson[]> {
    if (lessonDocumentIds.length === 0) return [];
    return (await strapi.documents(LESSON_UID).findMany({
      status: 'published',
      locale,
      filters: { documentId: { $in: lessonDocumentIds } },
      fields: ['documentId', 'position', 'visibility', 'visible_to_plans'],
      sort: ['position:asc', 'documentId:asc'],
    })) as unknown as PublishedLesson[];
  }

  /** Which of these lessons are published, in position order. */
  async function publishedLessonIds(lessonDocumentIds: string[], locale: string): Promise<string[]> {
    return (await publishedLessons(lessonDocumentIds, locale)).map((l) => l.documentId);
  }

  async function isPublished(uid: string, documentId: string, locale: string): Promise<boolean> {
    return Boolean(await docs(uid).findOne({ documentId, status: 'published', locale, fields: ['documentId'] }));
  }

  async function courseOffer(documentId: string, now: string): Promise<CatalogOffer> {
    const locale = await getDefaultLocale(strapi);
    const course = (await strapi.documents(COURSE_UID).findOne({ documentId, status: 'published', locale })) as unknown as {
      slug: string;
      title: string;
      summary: string | null;
      price_fen: number | null;
      visibility: 'public' | 'members' | 'plans' | null;
      visible_to_plans: unknown;
    } | null;
    if (!course) {
      // Withdrawn: membership opens nothing of it (buyers keep their entitlements).
      const payload: CourseCatalogPayload = {
        document_id: documentId,
        kind: 'course',
        state: 'archived',
        price_fen: null,
        lesson_document_ids: [],
        ...withdrawnCourseVisibility(),
        cms_updated_at: now,
      };
      return { payload, notForSaleReason: null };
    }
    const lessons = (await strapi.documents(LESSON_UID).findMany({
      status: 'draft',
      locale,
      filters: { course: { documentId } },
      fields: ['documentId'],
    })) as unknown as { documentId: string }[];
    const published = await publishedLessons(lessons.map((l) => l.documentId), locale);
    // Delivered for sale or not: commerce decides lesson-access from this (members-only courses have no price).
    const payload: CourseCatalogPayload = {
      document_id: documentId,
      kind: 'course',
      state: course.price_fen == null ? 'archived' : 'published',
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      price_fen: course.price_fen,
      lesson_document_ids: published.map((l) => l.documentId),
      ...catalogVisibility(course, published),
      cms_updated_at: now,
    };
    const membersOnly = course.visibility === 'members' || course.visibility === 'plans';
    const notForSaleReason = course.price_fen != null ? null : membersOnly ? MEMBERS_ONLY_REASON : NO_PRICE_REASON;
    return { payload, notForSaleReason };
  }

  async function bundleOffer(documentId: string, now: string): Promise<CatalogOffer> {
    const locale = await getDefaultLocale(strapi);
    const [published, draft] = await Promise.all([
      strapi.documents(BUNDLE_UID).findOne({ documentId, status: 'published', locale }),
      strapi.documents(BUNDLE_UID).findOne({
        documentId,
        status: 'draft',
        locale,
        populate: { course: { fields: ['documentId'] }, lessons: { fields: ['documentId'] } },
      }),
    ]);
    const links = draft as unknown as { course: { documentId: string } | null; lessons: { documentId: string }[] | null } | null;
    const courseDocumentId = links?.course?.documentId ?? null;
    if (!published) {
      const payload: BundleCatalogPayload = {
        document_id: documentId,
        kind: 'bundle',
        state: 'archived',
        price_fen: null,
        course_document_id: courseDocumentId,
        lesson_document_ids: [],
        validity_days: null,
        cms_updated_at: now,
      };
      return { payload, notForSaleReason: null };
    }
    const bundle = published as unknown as { slug: string; name: string; price_fen: number | null; validity_days: number | null };
    const lessonIds = await publishedLessonIds((links?.lessons ?? []).map((l) => l.documentId), locale);
    let notForSaleReason: string | null = null;
    if (bundle.price_fen == null) notForSaleReason = BUNDLE_NO_PRICE_REASON;
    else if (!courseDocumentId) notForSaleReason = BUNDLE_NO_COURSE_REASON;
    else if (!(await isPublished(COURSE_UID, courseDocumentId, locale))) notForSaleReason = BUNDLE_COURSE_UNPUBLISHED_REASON;
    else if (lessonIds.length === 0) notForSaleReason = BUNDLE_NO_LESSONS_REASON;
    const payload: BundleCatalogPayload = {
      document_id: documentId,
      kind: 'bundle',
      state: notForSaleReason ? 'archived' : 'published',
      slug: bundle.slug,
      title: bundle.name,
      summary: null,
      price_fen: bundle.price_fen,
      course_document_id: courseDocumentId,
      lesson_document_ids: lessonIds,
      validity_days: bundle.validity_days ?? null,
      cms_updated_at: now,
    };
    return { payload, notForSaleReason };
  }

  /**
   * The state commerce should hold for a document, read now. `cms_updated_at` is the time of
   * reading: deliveries carry current state, so a later read is always the newer truth (a
   * bundle's state also depends on its course and lessons, whose edits do not touch its updatedAt).
   */
  async function buildOffer(uid: string, documentId: string): Promise<CatalogOffer> {
    const now = new Date().toISOString();
    if (uid === COURSE_UID) return courseOffer(documentId, now);
    if (uid === BUNDLE_UID) return bundleOffer(documentId, now);
    throw new Error(`${uid} is not sellable`);
  }

  async function deliver(row: SyncStateRow): Promise<void> {
    const { target_uid: uid, target_document_id: documentId } = row;
    try {
      const { payload, notForSaleReason } = await buildOffer(uid, documentId);
      const result = await postCatalogDocument(config(), payload);
      // Only settle the row if no newer change arrived while we were delivering.
      await rows().updateMany({
        where: { id: row.id, change_seq: row.change_seq },
        data: {
          state: notForSaleReason ? 'not_for_sale' : 'synced',
          reason: notForSaleReason,
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

  /** Compares what commerce holds with what the CMS says it should; null when they agree. */
  function compare(offer: CatalogOffer, product: CommerceProduct | null): { problem: DriftProblem; detail: string } | null {
    const { payload } = offer;
    const offered = payload.state === 'published' && payload.price_fen !== null;
    const handle = catalogHandle(payload.kind, payload.document_id);
    if (!product) {
      return offered ? { problem: 'missing_product', detail: `commerce has no product ${handle}; the CMS offers it at ${payload.price_fen} fen` } : null;
    }
    const sold = product.status === 'published';
    if (offered !== sold) {
      return {
        problem: 'wrong_status',
        detail: `product ${product.id} is "${product.status}" in commerce; the CMS says it should be ${offered ? 'published' : 'withdrawn (draft)'}`,
      };
    }
    if (!offered) return null;
    const prices = (product.variants ?? []).flatMap((v) => v.prices ?? []).filter((p) => p.currency_code?.toLowerCase() === 'cny');
    const fen = prices.map((p) => amountToFen(p.amount));
    if (!fen.includes(payload.price_fen!)) {
      return {
        problem: 'wrong_price',
        detail: `product ${product.id} costs ${fen.length ? fen.map((f) => `${f} fen`).join(', ') : 'nothing in CNY'}; the CMS price is ${payload.price_fen} fen`,
      };
    }
    return null;
  }

  return {
    /** The payload the outbox would deliver for this document now (exported for tests and reconcile). */
    async buildPayload(uid: string, documentId: string): Promise<CatalogDocumentPayload> {
      return (await buildOffer(uid, documentId)).payload;
    },

    buildOffer,

    /** Records that a sellable document changed; delivery follows at once and is retried until it lands. */
    async markChanged(uid: string, documentId: string): Promise<void> {
      // Joins the caller's transaction (an editor's publish runs in one): the row and the delivery
      // follow the change's fate. Delivering before the commit could send, or roll back past, a
      // state that never existed.
      await strapi.db.transaction(async ({ onCommit }) => {
        const existing = (await rows().findOne({ where: { target_uid: uid, target_document_id: documentId } })) as SyncStateRow | null;
        const data = { state: 'pending', attempts: 0, last_error: null, next_attempt_at: new Date() };
        if (existing) {
          await rows().update({ where: { id: existing.id }, data: { ...data, change_seq: existing.change_seq + 1 } });
        } else {
          await rows().create({ data: { ...data, target_uid: uid, target_document_id: documentId, change_seq: 1 } });
        }
        onCommit(() => setImmediate(() => void this.deliverDue()));
      });
    },

    /**
     * Sellable documents whose offer depends on this document: a course's bundles (their state
     * follows the course); a lesson's course and the bundles holding it (their lesson lists).
     */
    async relatedSellables(uid: string, documentId: string): Promise<Ref[]> {
      const locale = await getDefaultLocale(strapi);
      const bundlesWhere = async (filters: any) =>
        ((await strapi.documents(BUNDLE_UID).findMany({ status: 'draft', locale, filters, fields: ['documentId'] })) as unknown as { documentId: string }[]).map(
          (b) => ({ uid: BUNDLE_UID as string, documentId: b.documentId })
        );
      if (uid === COURSE_UID) return bundlesWhere({ course: { documentId } });
      if (uid === LESSON_UID) {
        const lesson = (await strapi.documents(LESSON_UID).findOne({
          documentId,
          status: 'draft',
          locale,
          fields: ['documentId'],
          populate: { course: { fields: ['documentId'] } },
        })) as unknown as { course?: { documentId: string } | null } | null;
        const course = lesson?.course?.documentId;
        return [...(course ? [{ uid: COURSE_UID as string, documentId: course }] : []), ...(await bundlesWhere({ lessons: { documentId } }))];
      }
      return [];
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

    /**
     * Drift report: compares every sellable document with the product commerce holds for it
     * (missing product, wrong status, wrong price) and queues each one that differs or could not
     * be checked. Commerce being unreachable is reported once in `commerce` and per document as
     * `check_failed`, without waiting on it again for every document.
     */
    async reconcileAll(): Promise<ReconcileReport> {
      const refs = new Map<string, Ref>();
      for (const uid of SELLABLE_UIDS) {
        // Every locale: a document may (unusually) exist only in a non-default locale; it is then not offered.
        const documents = (await docs(uid).findMany({ fields: ['documentId'], status: 'draft', locale: '*' })) as unknown as { documentId: string }[];
        for (const { documentId } of documents) refs.set(`${uid} ${documentId}`, { uid, documentId });
      }
      // Deleted documents are gone from the CMS but may still be on sale: their outbox rows remember them.
      const known = (await rows().findMany({ select: ['target_uid', 'target_document_id'] })) as SyncStateRow[];
      for (const row of known) {
        if (SELLABLE_UIDS.includes(row.target_uid)) {
          refs.set(`${row.target_uid} ${row.target_document_id}`, { uid: row.target_uid, documentId: row.target_document_id });
        }
      }

      const report: ReconcileReport = {
        checked: 0,
        compared: 0,
        queued: 0,
        drift: [],
        commerce: { url: config().commerceUrl, reachable: true, error: null },
      };
      for (const ref of refs.values()) {
        report.checked += 1;
        if (report.commerce.error) {
          report.drift.push({ ...ref, problem: 'check_failed', detail: report.commerce.error });
          continue;
        }
        try {
          const offer = await buildOffer(ref.uid, ref.documentId);
          const product = await fetchCommerceProduct(config(), catalogHandle(offer.payload.kind, ref.documentId));
          report.compared += 1;
          const difference = compare(offer, product);
          if (difference) report.drift.push({ ...ref, ...difference });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof CommerceUnavailableError) {
            report.commerce = { ...report.commerce, reachable: false, error: message };
          }
          report.drift.push({ ...ref, problem: 'check_failed', detail: message });
        }
      }
      for (const entry of report.drift) {
        await this.markChanged(entry.uid, entry.documentId);
        report.queued += 1;
      }
      if (report.drift.length > 0) {
        strapi.log.warn(`[community] reconcile: ${report.drift.length} of ${report.checked} sellable documents differ from commerce or could not be checked; queued`);
      }
      return report;
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
