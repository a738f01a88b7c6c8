/**
 * The Content-Security-Policy directives Astro writes in front of the `script-src` and
 * `style-src` it computes itself (`experimental.csp` in astro.config.mjs). Astro hashes every
 * script and stylesheet it inlines into a page, so neither needs 'unsafe-inline': an injected
 * <script> cannot run. Astro only sends the header with pages it renders; see completePolicy.
 */
export const CSP_DIRECTIVES = [
  // Whatever is not named below (fetch, fonts, frames, media, workers): this site only.
  // Lesson media reach the browser through the storefront's own proxy.
  "default-src 'self'",
  // Course covers, avatars and the images of free lessons come straight from the CMS, whose
  // host is a run-time setting (or a cloud bucket), so images may come from anywhere.
  'img-src *',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  // Nobody may frame the shop (clickjacking of the buy and sign-in buttons).
  "frame-ancestors 'none'",
] as const;

/**
 * Course cards colour their cover with a per-course hue in a style attribute, which hashes
 * cannot allow (only with 'unsafe-hashes' and one hash per value). Style attributes cannot
 * run or load scripts, and <style> elements stay hash-only. Astro's config refuses this
 * directive, so the middleware appends it to the policy Astro computed.
 */
export const STYLE_ATTRIBUTE_DIRECTIVE = "style-src-attr 'unsafe-inline'";

/** Where Astro sent no policy (redirects, endpoints, the dev server): no framing, at least. */
export const FALLBACK_POLICY = "frame-ancestors 'none'";

/**
 * A year. No includeSubDomains or preload: putting every subdomain on HTTPS-only is the
 * domain owner's call, not the shop's.
 */
export const HSTS = 'max-age=31536000';

/** The policy to send: Astro's (for pages) with the style-attribute allowance, or the fallback. */
export function completePolicy(astroPolicy: string | null): string {
  const policy = astroPolicy?.trim();
  if (!policy) return FALLBACK_POLICY;
  if (/(?:^|;)\s*style-src-attr\s/i.test(policy)) return policy;
  return `${policy.endsWith(';') ? policy : `${policy};`} ${STYLE_ATTRIBUTE_DIRECTIVE};`;
}

/** The security headers of every storefront response. */
export function securityHeaders(options: { https: boolean; csp: string | null }): Record<string, string> {
  return {
    'Content-Security-Policy': completePolicy(options.csp),
    // For browsers without CSP level 2 (frame-ancestors).
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    // Only over HTTPS: browsers ignore it on plain HTTP, and a local http:// run must not pin itself.
    ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * The response with these headers set. Some responses (Response.redirect, a fetch passed
 * through) have immutable headers: those are copied into a new response.
 */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
