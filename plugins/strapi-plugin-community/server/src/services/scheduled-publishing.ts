import type { Core } from '@strapi/strapi';
import { SCHEDULED_UIDS } from '../uids';

export const PUBLISH_DUE_JOB = 'community-publish-due';

export type PublishDueReport = {
  published: { uid: string; documentId: string }[];
  failed: { uid: string; documentId: string; error: string }[];
};

/**
 * Scheduled publishing without Strapi's paid Releases: courses, lessons and bundles carry a
 * `publish_at`. Every minute the drafts that are due get published and their `publish_at`
 * cleared. A draft that cannot be published (e.g. a required field is empty) keeps its
 * `publish_at`, is logged and is tried again on the next run.
 *
 * `publish_at` is shared by a document's locales (i18n: not localized), so a due document is
 * published in every locale it has a draft in.
 */
const scheduledPublishing = ({ strapi }: { strapi: Core.Strapi }) => {
  let running: Promise<PublishDueReport> | undefined;

  return {
    /** Publishes every draft whose publish_at ≤ now. Lessons go first, so courses and bundles published in the same run see them. */
    async publishDue(now: Date = new Date()): Promise<PublishDueReport> {
      const report: PublishDueReport = { published: [], failed: [] };
      for (const uid of SCHEDULED_UIDS) {
        const documents = strapi.documents(uid as typeof SCHEDULED_UIDS[number]);
        const rows = (await documents.findMany({
          status: 'draft',
          locale: '*',
          filters: { publish_at: { $notNull: true, $lte: now.toISOString() } },
          fields: ['documentId', 'publish_at', 'locale'],
          sort: ['publish_at:asc'],
        } as any)) as unknown as { documentId: string; publish_at: string; locale: string | null }[];
        // One entry per document (its locales share publish_at).
        const due = [...new Map(rows.map((row) => [row.documentId, row])).values()];
        for (const { documentId, publish_at, locale } of due) {
          const lookup = locale ? { documentId, locale } : { documentId };
          try {
            // Clearing it in one locale clears it in all (i18n copies non-localized fields).
            await documents.update({ ...lookup, data: { publish_at: null } } as any);
            await documents.publish({ documentId, locale: '*' } as any);
            report.published.push({ uid, documentId });
            strapi.log.info(`[community] scheduled publishing: published ${uid} ${documentId} (due ${publish_at})`);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await documents.update({ ...lookup, data: { publish_at } } as any).catch(() => undefined);
            report.failed.push({ uid, documentId, error: message });
            strapi.log.error(`[community] scheduled publishing: could not publish ${uid} ${documentId} (due ${publish_at}): ${message}`);
          }
        }
      }
      return report;
    },

    /** Registers the every-minute job (Strapi cron; runs of a slow pass never overlap). */
    start(): void {
      strapi.cron.add({
        [PUBLISH_DUE_JOB]: {
          task: async () => {
            if (running) return;
            running = this.publishDue(new Date()).finally(() => {
              running = undefined;
            });
            await running;
          },
          options: { rule: '0 * * * * *' },
        },
      });
    },

    async stop(): Promise<void> {
      strapi.cron.remove(PUBLISH_DUE_JOB);
      await running?.catch(() => undefined);
    },
  };
};

export default scheduledPublishing;
