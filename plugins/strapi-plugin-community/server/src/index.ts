/**
 * Community content plugin: the table of contents.
 * Courses, lessons, split-price lesson bundles, instructors and interest tags (content types);
 * draft safety for public readers; locked lesson content for the storefront server only;
 * scheduled publishing; bundle pricing; and the catalog outbox that delivers sellable
 * documents (courses, bundles) to commerce.
 */
import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

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
  middlewares: {},
};
