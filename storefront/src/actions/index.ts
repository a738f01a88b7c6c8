import { ActionError, defineAction } from 'astro:actions';
import { checkoutInputSchema } from '../features/checkout/checkout-input';
import { ui } from '../i18n/ui';
import { placeGuestOrder } from '../lib/commerce.server';
import { isUpstreamError } from '../lib/upstream-error';

const messages = ui['zh-CN'];

export const server = {
  /**
   * Guest checkout of one course, posted by the buy form (works without client JS).
   * Prices come from Medusa, never from the form, so a forged variantId cannot change
   * what is charged for that variant.
   */
  checkout: defineAction({
    accept: 'form',
    input: checkoutInputSchema,
    handler: async ({ variantId, email, courseSlug }) => {
      let result;
      try {
        // metadata is the hook for attribution (channel codes, referrers) in later issues.
        result = await placeGuestOrder({ variantId, email, metadata: {} });
      } catch (error) {
        if (!isUpstreamError(error)) throw error;
        console.error(`[checkout] course "${courseSlug}": ${error.toLogLine()}`);
        throw error.isRejection
          ? new ActionError({ code: 'UNPROCESSABLE_CONTENT', message: messages['checkout.failed'] })
          : new ActionError({ code: 'SERVICE_UNAVAILABLE', message: messages['checkout.unavailable'] });
      }
      if (!result.ok) {
        console.warn(`[checkout] course "${courseSlug}": cart not completed:`, result.message);
        throw new ActionError({ code: 'PAYMENT_REQUIRED', message: messages['checkout.paymentFailed'] });
      }
      return { orderId: result.orderId };
    },
  }),
};
