import { describe, expect, it } from 'vitest';
import { absoluteMediaUrl } from './media-url';

describe('absoluteMediaUrl', () => {
  it('prefixes CMS-relative URLs with the CMS origin', () => {
    expect(absoluteMediaUrl('/uploads/a.png', 'http://cms:1337')).toBe('http://cms:1337/uploads/a.png');
    expect(absoluteMediaUrl('/uploads/a.png', 'http://cms:1337/')).toBe('http://cms:1337/uploads/a.png');
  });

  it('keeps absolute http(s) URLs (cloud providers)', () => {
    expect(absoluteMediaUrl('https://cdn.example.com/a.png', 'http://cms')).toBe('https://cdn.example.com/a.png');
  });

  it('refuses anything else', () => {
    for (const url of ['//evil.com/a.png', 'javascript:alert(1)', 'data:image/png;base64,xx', '/\\evil.com', 'a.png', '', null, undefined]) {
      expect(absoluteMediaUrl(url, 'http://cms')).toBeNull();
    }
  });
});
