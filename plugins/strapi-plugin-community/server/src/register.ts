import type { Core } from '@strapi/strapi';
import { publishedOnlyForPublic } from './middlewares/published-only-for-public';
import { fillCourseSlug } from './middlewares/fill-course-slug';
import { recordCatalogChange } from './middlewares/record-catalog-change';
import { validateVisibility } from './middlewares/validate-visibility';
import { lessonMediaGuard } from './middlewares/lesson-media-guard';
import { registerGraphqlPublishedOnly } from './middlewares/graphql-published-only';
import { LESSON_UID } from './uids';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Document-service middlewares see every read and write, whatever the source (REST, GraphQL, admin, code).
  strapi.documents.use(publishedOnlyForPublic(strapi));
  // GraphQL relations bypass the document service: narrow them to published versions as well.
  registerGraphqlPublishedOnly(strapi);
  strapi.documents.use(fillCourseSlug(strapi));
  strapi.documents.use(validateVisibility(strapi));
  strapi.documents.use(recordCatalogChange(strapi));
  // A lesson write may attach or detach media: the set of locked files is rebuilt on next use.
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid === LESSON_UID && !READ_ACTIONS.has(ctx.action)) {
      strapi.plugin('community').service('lessonMedia').invalidate();
    }
    return result;
  });

  // First in the Koa chain, before the static file servers: lesson media are never served from /uploads.
  strapi.server.use(lessonMediaGuard(strapi));
};
