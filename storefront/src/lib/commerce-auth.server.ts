import { retryAfterSeconds } from '@community/contracts';
import { MEDUSA_URL, STOREFRONT_SHARED_SECRET, UPSTREAM_TIMEOUT_MS } from 'astro:env/server';
import { forwardedClientHeaders, type MemberAddress } from '../features/security/client-address';
import { RateLimitedError } from './rate-limited-error';
import { UpstreamError } from './upstream-error';
import { withTimeout } from './with-timeout';

/** When commerce sends no Retry-After with its 429 (it always does): its sign-in lock. */
const DEFAULT_RETRY_AFTER_SECONDS = 15 * 60;

let warnedNoSecret = false;

/**
 * Headers for a commerce call made on a member's behalf: their address and the shared secret
 * that makes commerce believe it (see forwardedClientHeaders). Use on every call that commerce
 * rate-limits per address (sign-in, registration, codes, password reset).
 */
export function commerceClientHeaders(member: MemberAddress | null | undefined): Record<string, string> {
  if (!STOREFRONT_SHARED_SECRET && !warnedNoSecret) {
    warnedNoSecret = true;
    console.warn('[rate-limit] STOREFRONT_SHARED_SECRET is not set: commerce counts every member under the storefront\'s own address');
  }
  return forwardedClientHeaders(member, STOREFRONT_SHARED_SECRET);
}

/**
 * POST to one of commerce's rate-limited auth routes for a member: the parsed JSON (null for
 * an empty body). Plain fetch instead of the SDK, whose errors drop the response headers and
 * body: a 429 becomes a RateLimitedError with commerce's Retry-After; any other failure an
 * UpstreamError with the status (4xx: refused) and commerce's message as its cause.
 */
export async function postAuth(path: string, body: unknown, member: MemberAddress | null | undefined, what: string): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await withTimeout(
      fetch(new URL(path, MEDUSA_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...commerceClientHeaders(member) },
        body: JSON.stringify(body),
      }),
      UPSTREAM_TIMEOUT_MS,
      what,
    );
    text = await withTimeout(response.text(), UPSTREAM_TIMEOUT_MS, what);
  } catch (error) {
    throw new UpstreamError('commerce', `${what} failed`, { cause: error });
  }
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new UpstreamError('commerce', `${what}: response is not JSON`, { status: response.status });
  }
  if (response.status === 429) {
    throw new RateLimitedError(what, retryAfterSeconds(response.headers.get('retry-after'), data) ?? DEFAULT_RETRY_AFTER_SECONDS);
  }
  if (!response.ok) {
    const message = (data as { message?: unknown } | null)?.message;
    throw new UpstreamError('commerce', `${what} failed`, {
      status: response.status,
      cause: new Error(typeof message === 'string' ? message : response.statusText),
    });
  }
  return data;
}
