import type { Modules } from '@strapi/strapi';
import { API_TOKEN_STRATEGY } from '../uids';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/**
 * Strapi lets any content-API caller ask for drafts (`?status=draft`, GraphQL `status: DRAFT`).
 * Unpublished work must stay private, so content-API reads are forced to `published`
 * unless the caller holds an API token (a server the operators trust). Applies to every
 * content type, so new ones are covered without being listed.
 */
export const publishedOnlyForPublic = (): Modules.Documents.Middleware.Middleware => {
  return async (ctx, next) => {
    if (READ_ACTIONS.has(ctx.action) && isUntrustedContentApiRequest()) {
      (ctx.params as { status?: string }).status = 'published';
    }
    return next();
  };
};

export function isUntrustedContentApiRequest(): boolean {
  const request = strapi.requestContext.get();
  if (!request) return false; // code inside the server (bootstrap, jobs, the outbox)
  const routeType = request.state?.route?.info?.type;
  if (routeType !== 'content-api') return false; // admin panel requests carry their own RBAC
  // Strapi 5 names the content-API token strategy 'content-api-token' (Strapi 4: 'api-token').
  const strategy = request.state?.auth?.strategy?.name;
  return strategy !== API_TOKEN_STRATEGY;
}
