/**
 * Community content plugin: the table of contents.
 * Courses and lessons (content types), draft safety for public readers, and the
 * catalog outbox that delivers sellable documents to commerce.
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
