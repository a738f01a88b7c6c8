import type { Core } from '@strapi/strapi';
import { GRAPHQL_LIMITS, LIST_LIMITS, apolloServerLimits } from '../src/graphql/limits';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  community: {
    enabled: true,
    // Strapi loads the plugin's BUILT server entry (dist/); turbo builds the plugin before this app.
    resolve: '../plugins/strapi-plugin-community',
    config: {
      commerceUrl: env('COMMERCE_URL', 'http://localhost:9000'),
      commerceApiKey: env('COMMERCE_API_KEY', ''),
      syncIntervalMs: env.int('CATALOG_SYNC_INTERVAL_MS', 5000),
      maxBackoffMs: env.int('CATALOG_SYNC_MAX_BACKOFF_MS', 60000),
    },
  },
  graphql: {
    config: {
      // The landing page loads from a CDN; keep the endpoint API-only.
      landingPage: false,
      playgroundAlways: false,
      ...LIST_LIMITS,
      depthLimit: GRAPHQL_LIMITS.depthLimit,
      // Cost (aliases × nested page sizes), aliases and tokens: src/graphql/limits.ts. The same
      // rules also run before authentication (src/middlewares/graphql-limits.ts), so an abusive
      // document never reaches the database.
      apolloServer: apolloServerLimits(),
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml', 'application/x-sh', 'application/x-msdownload'],
      },
    },
  },
});

export default config;
