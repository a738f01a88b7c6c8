import type { Core } from '@strapi/strapi';
import { publishedOnlyForPublic } from './middlewares/published-only-for-public';
import { fillCourseSlug } from './middlewares/fill-course-slug';
import { recordCatalogChange } from './middlewares/record-catalog-change';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Document-service middlewares see every read and write, whatever the source (REST, GraphQL, admin, code).
  strapi.documents.use(publishedOnlyForPublic());
  strapi.documents.use(fillCourseSlug(strapi));
  strapi.documents.use(recordCatalogChange(strapi));
};
