import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clientAddressKey } from '../services/client-address';
import { loginRateLimitConfig } from '../validation/login-rate-limit';

/**
 * A global (Koa) middleware. Strapi limits admin logins per email (and users-permissions per
 * email and address), so one address trying a different email each time is never slowed down.
 * This counts every POST to the password routes per client address (IPv6 per /64), across
 * emails and whether the password was right, and answers 429 with Retry-After once an address
 * used up its attempts for the window. Behind a reverse proxy, set `proxy` in config/server.ts
 * so `ctx.ip` is the client's and not the proxy's (otherwise every client shares one count).
 */
export const loginRateLimit = (config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { max, windowMinutes, paths } = loginRateLimitConfig.parse(config ?? {});
  const windowMs = windowMinutes * 60_000;
  const watched = new Set(paths.map(normalise));
  return async (ctx: any, next: () => Promise<unknown>) => {
    const path = normalise(ctx.path);
    if (ctx.method !== 'POST' || !watched.has(path)) return next();
    const store = strapi.plugin('community').service('loginAttempts').store;
    const { count, resetAt } = await store.increment(`${path} ${clientAddressKey(ctx.ip)}`, windowMs);
    if (count > max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
      ctx.set('Retry-After', String(retryAfterSeconds));
      throw new errors.RateLimitError(
        `Too many login attempts from this address: at most ${max} in ${windowMinutes} minutes. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds, max, windowMinutes }
      );
    }
    return next();
  };
};

/** The router matches paths case-insensitively and with a trailing slash: count those too. */
function normalise(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep it as sent
  }
  return decoded.toLowerCase().replace(/\/+$/, '') || '/';
}
