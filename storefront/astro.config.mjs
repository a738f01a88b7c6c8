// @ts-check
import node from '@astrojs/node';
import { defineConfig, envField } from 'astro/config';
import { ACTION_BODY_LIMIT_BYTES } from './src/features/security/action-body.ts';
import { CSP_DIRECTIVES } from './src/features/security/security-headers.ts';
import { defaultLocale, locales } from './src/i18n/locales.ts';

// Extra public hostnames (comma-separated) baked in at build time, e.g. "shop.example.com".
// Without them the origin check rejects form POSTs: the Node adapter only trusts Host
// (and X-Forwarded-Host) for hostnames listed in security.allowedDomains.
const extraHosts = (process.env.STOREFRONT_ALLOWED_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim())
  .filter(Boolean);

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  i18n: {
    defaultLocale,
    locales: [...locales],
    routing: { prefixDefaultLocale: false },
  },
  security: {
    checkOrigin: true,
    // Any port: ports are not pinned, so local runs on random ports keep working.
    allowedDomains: [
      { hostname: 'localhost' },
      { hostname: '127.0.0.1' },
      ...extraHosts.map((hostname) => ({ hostname })),
    ],
    // Our action forms post a few hundred bytes; src/middleware.ts enforces the same limit.
    actionBodySizeLimit: ACTION_BODY_LIMIT_BYTES,
  },
  // Our CSS is small: inlining saves a round trip on slow mobile networks.
  build: { inlineStylesheets: 'always' },
  experimental: {
    // Content-Security-Policy header on every server-rendered page, with the SHA-256 of each
    // script and stylesheet Astro inlines (no 'unsafe-inline' for scripts). The middleware
    // adds the security headers Astro does not send (src/features/security/security-headers.ts).
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
    },
  },
  env: {
    schema: {
      // "secret" (not "public") so the values are read from process.env at run time
      // instead of being frozen into the bundle at build time.
      CMS_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:1337',
      }),
      MEDUSA_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:9000',
      }),
      MEDUSA_PUBLISHABLE_KEY: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        default: '',
      }),
      // Strapi API token (type custom, permission plugin::community.lesson.content) for locked lesson content, server to server only.
      CMS_API_TOKEN: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        default: '',
      }),
      // "true" when a reverse proxy terminates TLS and sets X-Forwarded-Proto: only then is that
      // header believed (Secure session cookie, HSTS). Anyone can send it to an exposed server.
      TRUST_PROXY: envField.boolean({
        context: 'server',
        access: 'secret',
        default: false,
      }),
      // Shared with commerce (npm start generates it): sent as x-storefront-key next to the
      // member's address (x-client-ip), so commerce's sign-in limits count each member's address
      // instead of the storefront's. Server to server only.
      STOREFRONT_SHARED_SECRET: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        default: '',
      }),
      UPSTREAM_TIMEOUT_MS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        gt: 0,
        default: 8000,
      }),
    },
  },
});
