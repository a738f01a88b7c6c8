import { describe, expect, it } from 'vitest';
import { checkoutErrorKey } from './checkout-error-key';

describe('checkoutErrorKey', () => {
  it('prefers the email field error', () => {
    expect(checkoutErrorKey({ code: 'BAD_REQUEST', fields: { email: ['x'], variantId: ['y'] } })).toBe(
      'checkout.invalidEmail',
    );
  });

  it('maps other field errors to a reload hint', () => {
    expect(checkoutErrorKey({ code: 'BAD_REQUEST', fields: { variantId: ['y'] } })).toBe('checkout.invalidProduct');
  });

  it('maps action error codes', () => {
    expect(checkoutErrorKey({ code: 'SERVICE_UNAVAILABLE' })).toBe('checkout.unavailable');
    expect(checkoutErrorKey({ code: 'PAYMENT_REQUIRED' })).toBe('checkout.paymentFailed');
    expect(checkoutErrorKey({ code: 'UNPROCESSABLE_CONTENT' })).toBe('checkout.failed');
    expect(checkoutErrorKey({ code: 'INTERNAL_SERVER_ERROR' })).toBe('checkout.failed');
    expect(checkoutErrorKey({ code: 'UNAUTHORIZED' })).toBe('checkout.signInAgain');
    expect(checkoutErrorKey({ code: 'PRECONDITION_FAILED' })).toBe('checkout.upgradeNotEligible');
  });
});
