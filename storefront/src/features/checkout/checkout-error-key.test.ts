import { describe, expect, it } from 'vitest';
import { checkoutErrorKey } from './checkout-error-key';

describe('checkoutErrorKey', () => {
  it('maps field errors to a reload hint', () => {
    expect(checkoutErrorKey({ code: 'BAD_REQUEST', fields: { product: ['y'] } })).toBe('checkout.invalidProduct');
  });

  it('maps action error codes', () => {
    expect(checkoutErrorKey({ code: 'SERVICE_UNAVAILABLE' })).toBe('checkout.unavailable');
    expect(checkoutErrorKey({ code: 'PAYMENT_REQUIRED' })).toBe('checkout.paymentFailed');
    expect(checkoutErrorKey({ code: 'UNPROCESSABLE_CONTENT' })).toBe('checkout.failed');
    expect(checkoutErrorKey({ code: 'INTERNAL_SERVER_ERROR' })).toBe('checkout.failed');
    expect(checkoutErrorKey({ code: 'UNAUTHORIZED' })).toBe('checkout.signInAgain');
    expect(checkoutErrorKey({ code: 'PRECONDITION_FAILED' })).toBe('checkout.upgradeNotEligible');
    expect(checkoutErrorKey({ code: 'CONFLICT' })).toBe('checkout.priceChanged');
    expect(checkoutErrorKey({ code: 'NOT_FOUND' })).toBe('checkout.notForSale');
  });
});
