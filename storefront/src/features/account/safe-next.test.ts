import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

const fallback = '/account';
const SHOP = 'https://shop.example';

describe('safeNextPath', () => {
  it('keeps same-site relative paths with query and hash', () => {
    expect(safeNextPath('/courses/x', fallback)).toBe('/courses/x');
    expect(safeNextPath('/en/courses/x/lessons/y?a=1#t', fallback)).toBe('/en/courses/x/lessons/y?a=1#t');
    expect(safeNextPath('/', fallback)).toBe('/');
    expect(safeNextPath('/courses/%E8%AF%BE', fallback)).toBe('/courses/%E8%AF%BE');
    // Encoded characters stay encoded: harmless and same-site.
    expect(safeNextPath('/%0a/evil', fallback)).toBe('/%0a/evil');
    // Dot segments that stay inside the site are fine once resolved.
    expect(safeNextPath('/courses/x/../y', fallback)).toBe('/courses/y');
    expect(safeNextPath('/%2e%2e/courses/x', fallback)).toBe('/courses/x');
    // Non-ASCII is sent percent-encoded (a Location header must be ASCII).
    expect(safeNextPath('/courses/课?q=课#课', fallback)).toBe('/courses/%E8%AF%BE?q=%E8%AF%BE#%E8%AF%BE');
  });

  it.each([
    'https://evil.com/',
    'http://evil.com',
    '//evil.com',
    '///evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    '/\t/evil.com',
    'javascript:alert(1)',
    'evil.com',
    'courses/x',
    '',
    ' ',
  ])('rejects %j', (next) => {
    expect(safeNextPath(next, fallback)).toBe(fallback);
  });

  // Each of these passes a check on the raw string ("starts with one slash") but the URL
  // parser resolves its dot segments to "//evil.example": a protocol-relative redirect.
  it.each([
    '/%2e%2e//evil.example',
    '/%2E%2E//evil.example',
    '/.%2e//evil.example',
    '/%2e.//evil.example',
    '/..//evil.example',
    '/.//evil.example',
    '/%2e//evil.example',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example/x?y#z',
    '/%2e%2e/%2e%2e//evil.example',
  ])('rejects %j, which normalises to a protocol-relative URL', (next) => {
    expect(new URL(next, SHOP).pathname.startsWith('//')).toBe(true);
    expect(safeNextPath(next, fallback)).toBe(fallback);
  });

  it('rejects control characters and absurd lengths', () => {
    expect(safeNextPath('/a\nb', fallback)).toBe(fallback);
    expect(safeNextPath(`/${'a'.repeat(2001)}`, fallback)).toBe(fallback);
  });

  it('never sends members back to the sign-in pages', () => {
    expect(safeNextPath('/account/login', fallback)).toBe(fallback);
    expect(safeNextPath('/en/account/register?next=/x', fallback)).toBe(fallback);
    expect(safeNextPath('/zh-TW/account/logout', fallback)).toBe(fallback);
    expect(safeNextPath('/account/forgot-password', fallback)).toBe(fallback);
    expect(safeNextPath('/en/account/reset-password?token=a.b.c&email=x', fallback)).toBe(fallback);
    expect(safeNextPath('/x/../account/login', fallback)).toBe(fallback);
    expect(safeNextPath('/account', fallback)).toBe('/account');
  });

  it('falls back for non-strings', () => {
    expect(safeNextPath(null, fallback)).toBe(fallback);
    expect(safeNextPath(undefined, fallback)).toBe(fallback);
    expect(safeNextPath(['/a'], fallback)).toBe(fallback);
  });
});

// The pieces open-redirect payloads are made of, so generated strings hit the interesting
// cases often (random unicode alone almost never forms "/%2e%2e//host").
const piece = fc.constantFrom(
  '/', '//', '\\', '.', '..', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '%5C',
  '\t', '\n', '\r', ' ', '\u00a0', '\u3000', '\u2028', '\u0000', '%00', '%09', '%0a',
  '@', ':', '?', '#', ';', '&', '=', 'evil.example', 'http:', 'https:', 'javascript:',
  'a', 'account', 'login', 'courses', 'en', 'zh-TW', '课', '😀', '\ud800',
);
const payload = fc.oneof(
  fc.string({ unit: piece, maxLength: 12 }),
  fc.string({ unit: piece, maxLength: 12 }).map((rest) => `/${rest}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((rest) => `/${rest}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webPath(),
);

describe('safeNextPath, for any input', () => {
  it('answers the fallback or a path of this site: one "/" and no "\\"', () => {
    fc.assert(
      fc.property(payload, (next) => {
        const result = safeNextPath(next, fallback);
        if (result === fallback) return;
        // "/" alone (the home page), or "/" then something that is neither "/" nor "\".
        expect(result).toMatch(/^\/(?:$|[^/\\])/);
        expect(result).not.toContain('\\');
        // Printable ASCII only: safe in a Location header and in an attribute.
        expect(result).toMatch(/^[\x21-\x7e]+$/);
        const resolved = new URL(result, SHOP);
        expect(resolved.origin).toBe(SHOP);
        // The browser lands exactly where we checked: no further normalisation.
        expect(`${resolved.pathname}${resolved.search}${resolved.hash}`).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it('is stable: a checked path checks again to itself', () => {
    fc.assert(
      fc.property(payload, (next) => {
        const result = safeNextPath(next, fallback);
        expect(safeNextPath(result, fallback)).toBe(result);
      }),
      { numRuns: 2000 },
    );
  });
});
