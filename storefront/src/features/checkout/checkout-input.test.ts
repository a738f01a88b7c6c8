import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmOrderInputSchema } from './checkout-input';

describe('confirmOrderInputSchema', () => {
  it('reads the item and the confirmed total', () => {
    expect(confirmOrderInputSchema.parse({ product: 'bundle-abc', expectedTotalFen: '9900' })).toEqual({
      item: { kind: 'product', handle: 'bundle-abc', productKind: 'bundle' },
      expectedTotalFen: 9900,
    });
    expect(confirmOrderInputSchema.parse({ upgrade: 'Course01', expectedTotalFen: '0' })).toEqual({
      item: { kind: 'upgrade', courseDocumentId: 'Course01' },
      expectedTotalFen: 0,
    });
  });

  it('refuses an unknown item, two items, or a total that is not whole fen, with the Chinese message', () => {
    for (const input of [
      { product: 't-shirt', expectedTotalFen: '100' },
      { product: 'course-a', upgrade: 'b', expectedTotalFen: '100' },
      { expectedTotalFen: '100' },
      { product: 'course-a', expectedTotalFen: '99.5' },
      { product: 'course-a', expectedTotalFen: '-1' },
      { product: 'course-a', expectedTotalFen: 'abc' },
    ]) {
      const result = confirmOrderInputSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      if (!result.success) for (const issue of result.error.issues) expect(issue.message).toBe('课程信息已更新，请刷新页面后重试');
    }
  });

  it('ignores extra fields: nothing else a buyer posts reaches the order (mass assignment)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })), (extra) => {
        const parsed = confirmOrderInputSchema.safeParse({ ...extra, product: 'course-a', upgrade: undefined, expectedTotalFen: '19900' });
        if (parsed.success) expect(Object.keys(parsed.data).sort()).toEqual(['expectedTotalFen', 'item']);
      }),
    );
  });
});
