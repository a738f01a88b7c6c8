import type { Core } from '@strapi/strapi';

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
      defaultLimit: 25,
      maxLimit: 200,
      depthLimit: 8,
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
