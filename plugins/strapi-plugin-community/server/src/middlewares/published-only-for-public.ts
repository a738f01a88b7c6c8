import type { Modules } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/**
 * Strapi lets any content-API caller ask for drafts (`?status=draft`, GraphQL `status: DRAFT`).
 * Unpublished work must stay private, so content-API reads are forced to `published`
 * unless the caller holds an API token (a server the operators trust).
 */
export const publishedOnlyForPublic = (): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    if (READ_ACTIONS.has(ctx.action) && isUntrustedContentApiRequest()) {
      (ctx.params as { status?: string }).status = 'published';
    }
    return next();
  };
};

function isUntrustedContentApiRequest(): boolean {
  const request = strapi.requestContext.get();
  if (!request) return false; // code inside the server (bootstrap, jobs, the outbox)
  const routeType = request.state?.route?.info?.type;
  if (routeType !== 'content-api') return false; // admin panel requests carry their own RBAC
  return request.state?.auth?.strategy?.name !== 'api-token';
}
