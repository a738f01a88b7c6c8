import { defineMiddleware } from 'astro:middleware';
import { CUSTOMER_COOKIE, customerCookieOptions, shouldRefresh } from './features/account/session-cookie';
import { splitLocale } from './i18n/locales';
import { getCustomer, refreshCustomerToken, type Customer } from './lib/commerce.server';
import { isUpstreamError } from './lib/upstream-error';

// Three base64url parts: anything else in the cookie is not a token we issued.
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Per request: the locale (first path segment) and the signed-in customer (from the
 * httpOnly cookie, validated lazily and at most once). Responses to signed-in members
 * are never cached by shared caches.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { locals, cookies } = context;
  locals.locale = splitLocale(context.url.pathname).locale;

  const secure = context.url.protocol === 'https:';
  let token = cookies.get(CUSTOMER_COOKIE)?.value || null;
  const hadCookie = token !== null;
  if (token && !JWT_SHAPE.test(token)) token = null;

  let customer: Promise<Customer | null> | undefined;
  locals.setCustomerToken = (value) => {
    token = value;
    locals.customerToken = value;
    customer = undefined;
    if (value) cookies.set(CUSTOMER_COOKIE, value, customerCookieOptions(value, { secure }));
    else cookies.delete(CUSTOMER_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  };
  locals.getCustomer = () => {
    customer ??= (async () => {
      if (!token) return null;
      const found = await getCustomer(token);
      // Expired or revoked: sign out quietly.
      if (!found) locals.setCustomerToken(null);
      return found;
    })();
    return customer;
  };

  if (hadCookie && !token) locals.setCustomerToken(null);
  locals.customerToken = token;

  // Sliding sign-in: past half its lifetime, swap the token for a fresh one (best effort).
  if (token && shouldRefresh(token)) {
    try {
      const fresh = await refreshCustomerToken(token);
      locals.setCustomerToken(fresh);
    } catch (error) {
      if (!isUpstreamError(error)) throw error;
      console.warn(`[session] token refresh skipped: ${error.toLogLine()}`);
    }
  }

  const response = await next();
  if (hadCookie || locals.customerToken) {
    try {
      response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Immutable headers (a Response.redirect from somewhere): nothing to add.
    }
  }
  return response;
});
