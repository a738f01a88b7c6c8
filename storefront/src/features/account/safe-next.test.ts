import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

const fallback = '/account';

describe('safeNextPath', () => {
  it('keeps same-site relative paths with query and hash', () => {
    expect(safeNextPath('/courses/x', fallback)).toBe('/courses/x');
    expect(safeNextPath('/en/courses/x/lessons/y?a=1#t', fallback)).toBe('/en/courses/x/lessons/y?a=1#t');
    expect(safeNextPath('/', fallback)).toBe('/');
    expect(safeNextPath('/courses/%E8%AF%BE', fallback)).toBe('/courses/%E8%AF%BE');
    // Encoded characters stay encoded: harmless and same-site.
    expect(safeNextPath('/%0a/evil', fallback)).toBe('/%0a/evil');
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

  it('rejects control characters and absurd lengths', () => {
    expect(safeNextPath('/a\nb', fallback)).toBe(fallback);
    expect(safeNextPath(`/${'a'.repeat(2001)}`, fallback)).toBe(fallback);
  });

  it('never sends members back to the sign-in pages', () => {
    expect(safeNextPath('/account/login', fallback)).toBe(fallback);
    expect(safeNextPath('/en/account/register?next=/x', fallback)).toBe(fallback);
    expect(safeNextPath('/zh-TW/account/logout', fallback)).toBe(fallback);
    expect(safeNextPath('/account', fallback)).toBe('/account');
  });

  it('falls back for non-strings', () => {
    expect(safeNextPath(null, fallback)).toBe(fallback);
    expect(safeNextPath(undefined, fallback)).toBe(fallback);
    expect(safeNextPath(['/a'], fallback)).toBe(fallback);
  });
});
