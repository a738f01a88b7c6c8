/**
 * Community content plugin: the table of contents.
 * Courses, lessons, split-price lesson bundles, instructors and interest tags (content types);
 * draft safety for public readers (relation and `localizations` filters included); locked lesson
 * content for the storefront server only; scheduled publishing; bundle pricing; the catalog
 * outbox that delivers sellable documents (courses, bundles) to commerce; and two global
 * middlewares the app lists in its config/middlewares.ts: a REST populate depth limit and a
 * per-address login rate limit.
 */
import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import middlewares from './middlewares';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares,
};
