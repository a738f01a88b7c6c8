import { describe, expect, it } from 'vitest';
import { checkoutInputSchema, memberCheckoutInputSchema, membershipCheckoutInputSchema, upgradeInputSchema } from './checkout-input';

const valid = { variantId: 'variant_01J', email: ' buyer@example.com ', courseSlug: 'python-basics' };

describe('checkoutInputSchema', () => {
  it('accepts a valid input and trims the email', () => {
    expect(checkoutInputSchema.parse(valid)).toEqual({ ...valid, email: 'buyer@example.com' });
  });

  it.each(['not-an-email', 'a@b', '', '   ', null, undefined])(
    'rejects email %j with the Chinese message',
    (email) => {
      const result = checkoutInputSchema.safeParse({ ...valid, email });
      expect(result.success).toBe(false);
      if (!result.success) {
        const emailErrors = result.error.flatten().fieldErrors.email ?? [];
        expect(emailErrors.length).toBeGreaterThan(0);
        for (const message of emailErrors) expect(message).toBe('请输入有效的邮箱地址');
      }
    },
  );

  it('rejects a missing variant or course', () => {
    const result = checkoutInputSchema.safeParse({ email: 'a@example.com', variantId: '', courseSlug: null });
    expect(result.success).toBe(false);
    if (!result.success) {
      const fields = result.error.flatten().fieldErrors;
      expect(fields.variantId).toBeDefined();
      expect(fields.courseSlug).toBeDefined();
      expect(fields.email).toBeUndefined();
    }
  });
});

describe('memberCheckoutInputSchema', () => {
  it('needs no email: the signed-in customer has one', () => {
    expect(memberCheckoutInputSchema.parse({ variantId: 'variant_01J', courseSlug: 'x', email: 'ignored' })).toEqual({
      variantId: 'variant_01J',
      courseSlug: 'x',
    });
    expect(memberCheckoutInputSchema.safeParse({ variantId: '', courseSlug: 'x' }).success).toBe(false);
  });
});

describe('upgradeInputSchema', () => {
  it('needs the course document id', () => {
    expect(upgradeInputSchema.parse({ courseDocumentId: ' Crs1 ', courseSlug: 'x' })).toEqual({ courseDocumentId: 'Crs1', courseSlug: 'x' });
    expect(upgradeInputSchema.safeParse({ courseDocumentId: '', courseSlug: 'x' }).success).toBe(false);
  });
});

describe('membershipCheckoutInputSchema', () => {
  it('needs a variant and the plan handle', () => {
    expect(membershipCheckoutInputSchema.parse({ variantId: ' variant_1 ', planHandle: 'yearly', email: 'x' })).toEqual({
      variantId: 'variant_1',
      planHandle: 'yearly',
    });
    expect(membershipCheckoutInputSchema.safeParse({ variantId: 'v', planHandle: '' }).success).toBe(false);
    expect(membershipCheckoutInputSchema.safeParse({ planHandle: 'yearly' }).success).toBe(false);
  });
});
