import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const appDir = path.resolve(__dirname, '..');

/**
 * Boots the real CMS (built config and plugin, real Postgres) listening on `port`.
 * `strapi.destroy()` removes every process listener, vitest's IPC channel included,
 * so the listeners are put back afterwards.
 */
/** The Strapi secrets and switches every test boot uses (in-process or as a child process). */
export const TEST_STRAPI_ENV = {
  NODE_ENV: 'test',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt',
  TRANSFER_TOKEN_SALT: 'test-transfer',
  JWT_SECRET: 'test-jwt',
  ENCRYPTION_KEY: 'test-encryption-key',
  STRAPI_TELEMETRY_DISABLED: 'true',
};

export async function bootStrapi(env: Record<string, string>): Promise<{ strapi: Core.Strapi; url: string; stop(): Promise<void> }> {
  Object.assign(process.env, { ...TEST_STRAPI_ENV, HOST: '127.0.0.1', ...env });
  // First Node's own 'newListener'/'removeListener' hooks of the IPC channel: without them the
  // restored 'message' listener no longer refs the channel, the fork may exit while vitest still
  // talks to it, and the run dies with "Channel closed" (leaving the test Postgres running).
  const saved = new Map(
    (
      ['newListener', 'removeListener', 'internalMessage', 'message', 'disconnect', 'exit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const
    ).map((event) => [event, process.listeners(event as any)] as const)
  );
  // ESM import of @strapi/strapi trips over lodash/fp; the CommonJS entry loads fine.
  const { createStrapi } = createRequire(__filename)('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  await strapi.listen();
  const address = strapi.server.httpServer.address() as { port: number };
  return {
    strapi,
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      await strapi.destroy();
      for (const [event, listeners] of saved) {
        for (const listener of listeners) {
          if (!process.listeners(event as any).includes(listener)) process.on(event as any, listener as any);
        }
      }
    },
  };
}
