import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { populateDepth } from './populate-depth';

/** `populate[a][populate][b]…=true` as qs parses it. */
const chain = (names: string[]): unknown =>
  names.reduceRight<unknown>((inner, name) => ({ [name]: inner === true ? true : { populate: inner } }), true);

describe('populateDepth', () => {
  it('counts every form Strapi reads', () => {
    expect(populateDepth(undefined)).toBe(0);
    expect(populateDepth('*')).toBe(1);
    expect(populateDepth('lessons,instructor')).toBe(1);
    expect(populateDepth('lessons.course.lessons')).toBe(3);
    expect(populateDepth(['lessons', 'lessons.course'])).toBe(2);
    expect(populateDepth({ lessons: true })).toBe(1);
    expect(populateDepth({ lessons: { fields: ['title'] } })).toBe(1);
    expect(populateDepth({ lessons: { populate: '*' } })).toBe(2);
    expect(populateDepth({ lessons: { populate: { course: { populate: 'lessons' } } } })).toBe(3);
    expect(populateDepth({ 'lessons.course': true })).toBe(2);
    expect(populateDepth({ blocks: { on: { 'shared.quote': { populate: { author: true } } } } })).toBe(2);
  });

  it('is the length of a nested chain, whatever the names', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z_]{1,12}$/), { minLength: 1, maxLength: 10 }), (names) => {
        expect(populateDepth(chain(names))).toBe(names.length);
      })
    );
  });

  it('takes the deepest branch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (a, b) => {
        const left = chain(Array.from({ length: a }, (_, i) => `l${i}`)) as Record<string, unknown>;
        const right = chain(Array.from({ length: b }, (_, i) => `r${i}`)) as Record<string, unknown>;
        expect(populateDepth({ ...left, ...right })).toBe(Math.max(a, b));
      })
    );
  });
});
