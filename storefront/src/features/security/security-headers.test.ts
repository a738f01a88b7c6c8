import { describe, expect, it } from 'vitest';
import { completePolicy, CSP_DIRECTIVES, securityHeaders, withHeaders } from './security-headers';

// What Astro 5.18 sends for a page (directives joined by ";", then its own script/style hashes).
const astroPolicy = `${CSP_DIRECTIVES.join(';')}; script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def=';`;

describe('CSP_DIRECTIVES', () => {
  it('forbids framing, plugins and <base>, and keeps forms on the site', () => {
    expect(CSP_DIRECTIVES).toEqual([
      "default-src 'self'",
      'img-src *',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
  });

  it('leaves script-src and style-src to Astro (no unsafe-inline anywhere)', () => {
    expect(CSP_DIRECTIVES.some((directive) => /^(script|style)-src\b/.test(directive))).toBe(false);
    expect(CSP_DIRECTIVES.join(';')).not.toContain('unsafe');
  });
});

describe('completePolicy', () => {
  it("adds style attributes to Astro's policy for pages", () => {
    expect(completePolicy(astroPolicy)).toBe(
      "default-src 'self';img-src *;object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'; " +
        "script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='; style-src-attr 'unsafe-inline';",
    );
    expect(completePolicy("script-src 'self'")).toBe("script-src 'self'; style-src-attr 'unsafe-inline';");
  });

  it('adds it once', () => {
    const once = completePolicy(astroPolicy);
    expect(completePolicy(once)).toBe(once);
  });

  it('forbids framing where Astro sent no policy', () => {
    expect(completePolicy(null)).toBe("frame-ancestors 'none'");
    expect(completePolicy('  ')).toBe("frame-ancestors 'none'");
  });
});

describe('securityHeaders', () => {
  it('are the same for every response, HSTS only over HTTPS', () => {
    expect(securityHeaders({ https: false, csp: null })).toEqual({
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(securityHeaders({ https: true, csp: null })).toEqual({
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Strict-Transport-Security': 'max-age=31536000',
    });
  });
});

describe('withHeaders', () => {
  it('sets headers on the response', async () => {
    const response = new Response('hi', { status: 201, headers: { 'content-type': 'text/plain' } });
    const result = withHeaders(response, { 'X-Frame-Options': 'DENY' });
    expect(result).toBe(response);
    expect(result.headers.get('x-frame-options')).toBe('DENY');
  });

  it('copies responses whose headers are immutable', async () => {
    const redirect = Response.redirect('https://shop.example/account', 303);
    const result = withHeaders(redirect, { 'X-Frame-Options': 'DENY' });
    expect(result.status).toBe(303);
    expect(result.headers.get('location')).toBe('https://shop.example/account');
    expect(result.headers.get('x-frame-options')).toBe('DENY');
  });
});
