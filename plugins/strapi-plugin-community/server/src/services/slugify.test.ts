import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('keeps ASCII words, lower-cased and dashed', () => {
    expect(slugify('Growth Hacking 101!')).toBe('growth-hacking-101');
    expect(slugify('  Café  au lait ')).toBe('cafe-au-lait');
  });

  it('gives Chinese titles a short random slug instead of an empty one', () => {
    const slug = slugify('社群运营实战');
    expect(slug).toMatch(/^course-[a-z0-9]{6}$/);
    expect(slugify('社群运营实战')).not.toBe(slug);
  });

  it('keeps the ASCII part of mixed titles when it is long enough', () => {
    expect(slugify('AI 社群 Bootcamp')).toBe('ai-bootcamp');
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify('a'.repeat(59) + ' b');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});
