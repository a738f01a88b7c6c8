import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bundleProductHandle,
  catalogHandle,
  courseProductHandle,
  membershipProductHandle,
  parseProductHandle,
  PRODUCT_KINDS,
  productHandle,
} from './handles.js';

describe('product handles', () => {
  it('derive from the document id (lower-cased) or the plan handle', () => {
    expect(courseProductHandle('AbC123')).toBe('course-abc123');
    expect(bundleProductHandle('XyZ')).toBe('bundle-xyz');
    expect(membershipProductHandle('monthly')).toBe('membership-monthly');
    expect(catalogHandle('course', 'AbC123')).toBe(courseProductHandle('AbC123'));
  });

  it('parse back to the kind and key they were made from', () => {
    const key = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
    fc.assert(
      fc.property(fc.constantFrom(...PRODUCT_KINDS), key, (kind, value) => {
        expect(parseProductHandle(productHandle(kind, value))).toEqual({ kind, key: value });
      }),
    );
  });

  it('refuse an empty key and do not parse foreign handles', () => {
    expect(() => courseProductHandle('')).toThrow(RangeError);
    expect(parseProductHandle('t-shirt')).toBeNull();
    expect(parseProductHandle('course-')).toBeNull();
  });
});
