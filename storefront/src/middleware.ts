import { TRUST_PROXY } from 'astro:env/server';
import { defineMiddleware, sequence } from 'astro:middleware';
import type { APIContext } from 'astro';
import { CUSTOMER_COOKIE, customerCookieOptions, shouldRefresh } from './features/account/session-cookie';
import { actionBodyProblem, actionProblemResponse, isActionRequest } from './features/security/action-body';
import { securityHeaders, withHeaders } from './features/security/security-headers';
import { servedOverHttps } from './features/security/served-over-https';
import { splitLocale } from './i18n/locales';
import { getCustomer, refreshCustomerToken, type Customer } from './lib/commerce.server';
import { isUpstreamError } from './lib/upstream-error';

// Three base64url parts: anything else in the cookie is not a token we issued.
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Whether the browser reached us over HTTPS (X-Forwarded-Proto counts only with TRUST_PROXY). */
function isHttps(context: APIContext): boolean {
  return servedOverHttps({
    protocol: context.url.protocol,
    forwardedProto: context.request.headers.get('x-forwarded-proto'),
    trustProxy: TRUST_PROXY,
  });
}

/**
 * Security headers on every response that passes through here, completing the CSP Astro
 * computed for pages. (Static files are served by the Node adapter before any middleware.)
 */
const securityHeadersMiddleware = defineMiddleware(async (context, next) => {
  const response = await next();
  return withHeaders(
    response,
    securityHeaders({ https: isHttps(context), csp: response.headers.get('content-security-policy') }),
  );
});

/**
 * Bodies of action posts that Astro's parser would choke on (malformed JSON: a 500) or should
 * not read at all are answered here with a 4xx, before the session is even looked at.
 */
const actionBodiesMiddleware = defineMiddleware(async (context, next) => {
  if (!isActionRequest(context.request.method, context.url)) return next();
  const problem = await actionBodyProblem(context.request);
  return problem ? actionProblemResponse(problem) : next();
});

/**
 * Per request: the locale (first path segment) and the signed-in customer (from the
 * httpOnly cookie, validated lazily and at most once). Responses to signed-in members
 * are never cached by shared caches.
 */
const sessionMiddleware = defineMiddleware(async (context, next) => {
  const { locals, cookies } = context;
  locals.locale = splitLocale(context.url.pathname).locale;

  // Secure on HTTPS, also behind a TLS-terminating proxy (TRUST_PROXY).
  const secure = isHttps(context);
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

export const onRequest = sequence(securityHeadersMiddleware, actionBodiesMiddleware, sessionMiddleware);
