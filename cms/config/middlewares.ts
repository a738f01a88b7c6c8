import type { Core } from '@strapi/strapi';
import { corsOrigins } from '../src/validation/cors-origins';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Strapi's default ('*' with credentials) echoes any Origin, /admin/access-token included.
      origin: corsOrigins(env('CMS_CORS_ORIGINS'), env('PUBLIC_URL') || `http://localhost:${env.int('PORT', 1337)}`),
      credentials: true,
    },
  },
  // Per client address on the password routes, whatever email is tried (Strapi limits per email).
  { name: 'plugin::community.login-rate-limit', config: { max: 20, windowMinutes: 15, paths: ['/admin/login', '/api/auth/local'] } },
  'strapi::poweredBy',
  'strapi::query',
  // REST populate deeper than 3 relation levels answers 400 (reads ctx.query as strapi::query parses it).
  { name: 'plugin::community.populate-depth-limit', config: { maxDepth: 3 } },
  'strapi::body',
  // Abusive GraphQL documents are refused here, before authentication reads the database.
  'global::graphql-limits',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
