import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { confirmOrderInputSchema } from '../features/checkout/checkout-input';
import { ui } from '../i18n/ui';
import { findOffers, placeOrder, placeUpgradeOrder, type Customer, type PlaceOrderResult } from '../lib/commerce.server';
import { isUpstreamError } from '../lib/upstream-error';

// Action messages are in the default locale; pages translate by error code (checkoutErrorKey).
const messages = ui['zh-CN'];

/** Upstream failures of a checkout step → an ActionError the confirm page can explain. */
function checkoutFailure(error: unknown, label: string): ActionError {
  if (!isUpstreamError(error)) throw error;
  console.error(`[checkout] ${label}: ${error.toLogLine()}`);
  return error.isRejection
    ? new ActionError({ code: 'UNPROCESSABLE_CONTENT', message: messages['checkout.failed'] })
    : new ActionError({ code: 'SERVICE_UNAVAILABLE', message: messages['checkout.unavailable'] });
}

function orderOutcome(result: PlaceOrderResult, label: string): { orderId: string } {
  if (result.ok) return { orderId: result.orderId };
  if (result.reason === 'price_changed') {
    console.warn(`[checkout] ${label}: total is now ${result.totalFen} fen; nothing charged`);
    throw new ActionError({ code: 'CONFLICT', message: messages['checkout.priceChanged'] });
  }
  if (result.reason === 'not_eligible') {
    console.warn(`[checkout] ${label}: upgrade refused:`, result.message);
    throw new ActionError({ code: 'PRECONDITION_FAILED', message: messages['checkout.upgradeNotEligible'] });
  }
  console.warn(`[checkout] ${label}: cart not completed:`, result.message);
  throw new ActionError({ code: 'PAYMENT_REQUIRED', message: messages['checkout.paymentFailed'] });
}

/** The signed-in customer and their token, validated with commerce, or UNAUTHORIZED. */
async function requireCustomer(context: ActionAPIContext): Promise<{ customer: Customer; token: string }> {
  let customer: Customer | null;
  try {
    customer = await context.locals.getCustomer();
  } catch (error) {
    throw checkoutFailure(error, 'customer lookup');
  }
  const token = context.locals.customerToken;
  if (!customer || !token) {
    throw new ActionError({ code: 'UNAUTHORIZED', message: messages['checkout.signInAgain'] });
  }
  return { customer, token };
}

export const checkout = {
  /**
   * The confirm step's "确认支付": places the order of one course, bundle or plan, or completes
   * a course (补差价), for the signed-in customer, only at the total they were shown.
   */
  confirmOrder: defineAction({
    accept: 'form',
    input: confirmOrderInputSchema,
    handler: async ({ item, expectedTotalFen }, context) => {
      const { customer, token } = await requireCustomer(context);
      const label = item.kind === 'product' ? `product "${item.handle}"` : `upgrade of "${item.courseDocumentId}"`;
      let result: PlaceOrderResult;
      try {
        if (item.kind === 'upgrade') {
          result = await placeUpgradeOrder({
            courseDocumentId: item.courseDocumentId,
            email: customer.email,
            customerToken: token,
            expectedTotalFen,
            metadata: {},
          });
        } else {
          const offer = (await findOffers([item.handle])).get(item.handle);
          if (!offer) throw new ActionError({ code: 'NOT_FOUND', message: messages['checkout.notForSale'] });
          result = await placeOrder({ variantId: offer.variantId, email: customer.email, customerToken: token, expectedTotalFen, metadata: {} });
        }
      } catch (error) {
        if (error instanceof ActionError) throw error;
        throw checkoutFailure(error, label);
      }
      return orderOutcome(result, label);
    },
  }),
};
