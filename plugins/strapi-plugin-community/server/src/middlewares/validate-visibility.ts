import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { COURSE_UID, LESSON_UID } from '../uids';
import { visibilitySchema } from '../validation/visibility';

const GATED_UIDS = new Set<string>([COURSE_UID, LESSON_UID]);

/**
 * Checks visibility on every write, whatever the source. A partial update is checked against
 * the stored values, so switching to "plans" without plans fails too.
 */
export const validateVisibility = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    if (!GATED_UIDS.has(ctx.uid) || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!data || (!('visibility' in data) && !('visible_to_plans' in data))) return next();

    let stored: Record<string, unknown> = {};
    if (ctx.action === 'update' && params.documentId) {
      stored = (await strapi.db.query(ctx.uid as typeof COURSE_UID).findOne({
        where: { documentId: params.documentId },
        select: ['visibility', 'visible_to_plans'],
      })) ?? {};
    }
    const parsed = visibilitySchema.safeParse({
      visibility: data.visibility ?? stored.visibility ?? undefined,
      visible_to_plans: 'visible_to_plans' in data ? data.visible_to_plans : stored.visible_to_plans ?? undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new errors.ValidationError(`${issue.path.join('.') || 'visibility'}: ${issue.message}`);
    }
    return next();
  };
};
