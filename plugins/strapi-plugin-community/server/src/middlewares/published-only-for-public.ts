import type { Core, Modules } from '@strapi/strapi';
import { API_TOKEN_STRATEGY } from '../uids';
import {
  DOCUMENT_FILTERS,
  assertNoLocalizationSort,
  publishedPopulateFilters,
  publishedRelationFilters,
  type GetModel,
} from '../services/published-relations';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/**
 * Strapi lets any content-API caller ask for drafts (`?status=draft`, GraphQL `status: DRAFT`).
 * Unpublished work must stay private, so content-API reads are forced to `published`
 * unless the caller holds an API token (a server the operators trust). Applies to every
 * content type, so new ones are covered without being listed. Filters through relations
 * (`localizations` above all) would still match draft rows, so they are narrowed to
 * published ones too, in populates as well, and sorting through `localizations` is refused
 * (services/published-relations.ts).
 */
export const publishedOnlyForPublic = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const getModel = ((uid: string) => strapi.getModel(uid as any)) as GetModel;
  return async (ctx, next) => {
    if (READ_ACTIONS.has(ctx.action) && isUntrustedContentApiRequest()) {
      const params = ctx.params as { status?: string; filters?: unknown; populate?: unknown; sort?: unknown };
      params.status = 'published';
      if (params.sort) assertNoLocalizationSort(params.sort);
      if (params.filters) params.filters = publishedRelationFilters(params.filters, ctx.uid, getModel, DOCUMENT_FILTERS);
      if (params.populate) params.populate = publishedPopulateFilters(params.populate, ctx.uid, getModel);
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
