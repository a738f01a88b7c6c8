import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { syncStateParams } from '../validation/sync-state';

const catalogSync = (strapi: Core.Strapi) => strapi.plugin('community').service('catalogSync');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /community/sync-states/:uid/:documentId — where this document stands with commerce. */
  async findOne(ctx: any) {
    const parsed = syncStateParams.safeParse(ctx.params);
    if (!parsed.success) throw new errors.ValidationError(parsed.error.issues.map((i) => i.message).join('; '));
    const state = await catalogSync(strapi).getState(parsed.data.uid, parsed.data.documentId);
    ctx.body = { data: state };
  },

  /**
   * POST /community/reconcile — drift report: every sellable document compared with commerce
   * ({ checked, compared, queued, drift: [{ uid, documentId, problem, detail }], commerce }); what differs is re-sent.
   */
  async reconcile(ctx: any) {
    ctx.body = { data: await catalogSync(strapi).reconcileAll() };
  },
});
