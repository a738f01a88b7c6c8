import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { populateDepth } from '../services/populate-depth';
import { populateDepthLimitConfig } from '../validation/populate-depth-limit';

/**
 * A global (Koa) middleware: REST `populate` fans out multiplicatively (every course's lessons'
 * course's lessons…), and Strapi has no bound on its depth: 7 levels returned 9.8 MB. A
 * content-API request whose `populate` reaches deeper than `maxDepth` relation levels is refused
 * with 400 before routing, whoever asks. `api.rest.maxLimit` still bounds each list.
 */
export const populateDepthLimit = (config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { maxDepth } = populateDepthLimitConfig.parse(config ?? {});
  const prefix = lowerPath(String(strapi.config.get('api.rest.prefix', '/api'))).replace(/\/+$/, '');
  return async (ctx: any, next: () => Promise<unknown>) => {
    const path = lowerPath(ctx.path);
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return next();
    const populate = ctx.query?.populate;
    if (populate === undefined) return next();
    const depth = populateDepth(populate);
    if (depth > maxDepth) {
      throw new errors.ValidationError(`populate reaches ${depth} relation levels; at most ${maxDepth} are allowed`, { depth, maxDepth });
    }
    return next();
  };
};

/** Routes match case-insensitively; an escaped letter only makes the guard look closer. */
function lowerPath(path: string): string {
  try {
    return decodeURIComponent(path).toLowerCase();
  } catch {
    return path.toLowerCase();
  }
}
