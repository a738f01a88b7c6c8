import { loginRateLimit } from './login-rate-limit';
import { populateDepthLimit } from './populate-depth-limit';

/**
 * Global (Koa) middlewares the app lists in its config/middlewares.ts as `plugin::community.<name>`.
 * The document-service middlewares next to them are registered in register.ts instead.
 */
export default {
  'login-rate-limit': loginRateLimit,
  'populate-depth-limit': populateDepthLimit,
};
