const PLACEHOLDER_ORIGIN = 'http://storefront.invalid';

// After signing in, going "back" to these would loop or sign the member out again.
const AUTH_PAGES = /^\/(?:(?:zh-TW|en)\/)?account\/(?:login|register|logout|forgot-password|reset-password)\/?$/;

// A path of this site: "/" alone, or "/" followed by anything but "/" or "\" (a browser
// reads "//host" and "/\host" as another site).
const SITE_PATH = /^\/(?:$|[^/\\])/;

// Printable ASCII without spaces: what the URL serialiser leaves after percent-encoding, and
// all a Location header may carry.
const SERIALISED = /^[\x21-\x7e]+$/;

/**
 * Whether a serialised path is one the browser resolves, on any origin, to that origin and to
 * exactly this path (nothing left for it to normalise).
 */
function isSitePath(path: string): boolean {
  if (!SITE_PATH.test(path) || !SERIALISED.test(path) || path.includes('\\')) return false;
  const url = new URL(path, PLACEHOLDER_ORIGIN);
  return url.origin === PLACEHOLDER_ORIGIN && `${url.pathname}${url.search}${url.hash}` === path;
}

/**
 * Where to send a member after signing in (?next=…). Only same-site relative paths are
 * allowed ("/courses/x?y#z"); absolute URLs, protocol-relative "//host", backslash tricks
 * ("/\\host"), control characters and the auth pages themselves fall back.
 *
 * The checks on the raw string are not enough: the URL parser resolves dot segments, also
 * percent-encoded ones, so "/%2e%2e//evil.example" or "/a/..//evil.example" come out as
 * "//evil.example". What is returned (and sent as Location) is therefore checked again
 * after normalisation.
 */
export function safeNextPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const next = value.trim();
  if (!next.startsWith('/') || next.length > 2000) return fallback;
  if (next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  if (AUTH_PAGES.test(url.pathname)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isSitePath(path) ? path : fallback;
}
