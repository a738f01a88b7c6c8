import type { Core } from '@strapi/strapi';
import { requestedFileName } from '../services/lesson-media';

/**
 * A server (Koa) middleware, first in the chain: answers 404 to GET/HEAD of any path whose file
 * name is the media of a lesson, whatever route would serve it (/uploads/x, /./uploads/x,
 * /%75ploads/x…). Fails closed for upload paths if the set of locked files cannot be loaded.
 */
export const lessonMediaGuard = (strapi: Core.Strapi) => {
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const name = requestedFileName(ctx.path);
    if (name === undefined) {
      ctx.status = 400;
      return;
    }
    if (!name) return next();
    let locked: Set<string>;
    try {
      locked = await strapi.plugin('community').service('lessonMedia').lockedFileNames();
    } catch (error) {
      if (!/uploads/i.test(ctx.path)) return next();
      strapi.log.error(`[community] lesson media guard cannot tell locked files apart, refusing ${ctx.path}: ${error}`);
      ctx.status = 503;
      return;
    }
    if (locked.has(name)) {
      ctx.status = 404;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
      return;
    }
    return next();
  };
};
