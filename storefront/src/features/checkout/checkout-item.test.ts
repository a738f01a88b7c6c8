import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutItemFromUrl, checkoutItemParams, parseCheckoutItem } from './checkout-item';

const parse = (query: string) => parseCheckoutItem(new URLSearchParams(query));

describe('parseCheckoutItem', () => {
  it('reads a product handle of a course, bundle or plan, or a course to complete', () => {
    expect(parse('product=course-abc123')).toEqual({ kind: 'product', handle: 'course-abc123', productKind: 'course' });
    expect(parse('product=bundle-x1')).toEqual({ kind: 'product', handle: 'bundle-x1', productKind: 'bundle' });
    expect(parse('product=membership-monthly')).toEqual({ kind: 'product', handle: 'membership-monthly', productKind: 'membership' });
    expect(parse('upgrade=AbC123')).toEqual({ kind: 'upgrade', courseDocumentId: 'AbC123' });
  });

  it('refuses anything else', () => {
    for (const query of ['', 'product=', 'product=t-shirt', 'product=COURSE-x', 'product=course-a&upgrade=b', 'upgrade=a/b', 'upgrade=', 'variant=variant_1']) {
      expect(parse(query), query).toBeNull();
    }
  });

  it('round-trips through its own parameters, and never accepts a string with unsafe characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (value) => {
        const item = parseCheckoutItem(new URLSearchParams({ product: value }));
        if (item) {
          expect(item.kind === 'product' && /^[a-z0-9_-]+$/.test(item.handle)).toBe(true);
          expect(parseCheckoutItem(new URLSearchParams(checkoutItemParams(item)))).toEqual(item);
        }
      }),
    );
  });
});

describe('checkoutItemFromUrl', () => {
  const base = 'https://shop.example';
  it('reads the item from the page URL, or from a checkout URL in ?next= (after a failed sign-in)', () => {
    expect(checkoutItemFromUrl(new URL(`${base}/checkout?product=course-a`))).toMatchObject({ handle: 'course-a' });
    const next = encodeURIComponent('/en/checkout?upgrade=Abc');
    expect(checkoutItemFromUrl(new URL(`${base}/checkout?_action=login&next=${next}`))).toEqual({ kind: 'upgrade', courseDocumentId: 'Abc' });
  });

  it('ignores a next= that is another page or another site', () => {
    for (const next of ['/courses/x?product=course-a', '//evil.example/checkout?product=course-a', 'https://evil.example/checkout?product=course-a']) {
      expect(checkoutItemFromUrl(new URL(`${base}/checkout?next=${encodeURIComponent(next)}`)), next).toBeNull();
    }
  });
});
