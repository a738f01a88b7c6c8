const PLACEHOLDER_ORIGIN = 'http://storefront.invalid';

// After signing in, going "back" to these would loop or sign the member out again.
const AUTH_PAGES = /^\/(?:(?:zh-TW|en)\/)?account\/(?:login|register|logout)\/?$/;

/**
 * Where to send a member after signing in (?next=…). Only same-site relative paths are
 * allowed ("/courses/x?y#z"); absolute URLs, protocol-relative "//host", backslash tricks
 * ("/\\host"), control characters and the auth pages themselves fall back.
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
  return `${url.pathname}${url.search}${url.hash}`;
}
