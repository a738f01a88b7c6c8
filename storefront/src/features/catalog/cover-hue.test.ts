import { describe, expect, it } from 'vitest';
import { coverHue, monogram } from './cover-hue';

describe('coverHue', () => {
  it('is stable and in range', () => {
    expect(coverHue('abc')).toBe(coverHue('abc'));
    for (const id of ['', 'a', 'Abc123XYZ', '课程']) {
      const hue = coverHue(id);
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
  });
});

describe('monogram', () => {
  it('takes the first character, including astral ones', () => {
    expect(monogram(' Python 入门')).toBe('P');
    expect(monogram('摄影课')).toBe('摄');
    expect(monogram('𠮷野家')).toBe('𠮷');
    expect(monogram('')).toBe('');
  });
});
