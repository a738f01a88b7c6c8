import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { authErrorKey } from '../features/account/auth-error-key';
import { loginInputSchema, registerInputSchema } from '../features/account/auth-input';
import { safeNextPath } from '../features/account/safe-next';
import {
  checkoutInputSchema,
  memberCheckoutInputSchema,
  membershipCheckoutInputSchema,
  upgradeInputSchema,
} from '../features/checkout/checkout-input';
import { ui } from '../i18n/ui';
import {
  loginCustomer,
  placeOrder,
  placeUpgradeOrder,
  registerCustomer,
  type Customer,
  type PlaceOrderResult,
} from '../lib/commerce.server';
import { isUpstreamError } from '../lib/upstream-error';
import { paths } from '../paths';

// Action messages are in the default locale; pages translate by error code (checkoutErrorKey, authErrorKey).
const messages = ui['zh-CN'];

/** Upstream failures of a checkout step → an ActionError the course page can explain. */
function checkoutFailure(error: unknown, label: string): ActionError {
  if (!isUpstreamError(error)) throw error;
  console.error(`[checkout] ${label}: ${error.toLogLine()}`);
  return error.isRejection
    ? new ActionError({ code: 'UNPROCESSABLE_CONTENT', message: messages['checkout.failed'] })
    : new ActionError({ code: 'SERVICE_UNAVAILABLE', message: messages['checkout.unavailable'] });
}

function orderOutcome(result: PlaceOrderResult, label: string): { orderId: string } {
  if (result.ok) return { orderId: result.orderId };
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

/**
 * Checkout of any one variant by the signed-in customer (cart with their token → line item →
 * payment session → complete): the order, and what it grants, is theirs.
 */
async function customerOrder(context: ActionAPIContext, variantId: string, label: string): Promise<{ orderId: string }> {
  const { customer, token } = await requireCustomer(context);
  let result: PlaceOrderResult;
  try {
    result = await placeOrder({ variantId, email: customer.email, customerToken: token, metadata: {} });
  } catch (error) {
    throw checkoutFailure(error, label);
  }
  return orderOutcome(result, label);
}

function authFailure(error: unknown, form: 'login' | 'register'): ActionError {
  if (!isUpstreamError(error)) throw error;
  console.error(`[account] ${form}: ${error.toLogLine()}`);
  const code = error.isRejection ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE';
  return new ActionError({ code, message: messages[authErrorKey({ code }, form)] });
}

export const server = {
  /**
   * Guest checkout of one course or bundle, posted by the buy form (works without client JS).
   * Prices come from Medusa, never from the form, so a forged variantId cannot change
   * what is charged for that variant.
   */
  checkout: defineAction({
    accept: 'form',
    input: checkoutInputSchema,
    handler: async ({ variantId, email, courseSlug }) => {
      let result: PlaceOrderResult;
      try {
        // metadata is the hook for attribution (channel codes, referrers) in later issues.
        result = await placeOrder({ variantId, email, metadata: {} });
      } catch (error) {
        throw checkoutFailure(error, `course "${courseSlug}"`);
      }
      return orderOutcome(result, `course "${courseSlug}"`);
    },
  }),

  /** Checkout of one course or bundle by the signed-in customer: the order is theirs. */
  memberCheckout: defineAction({
    accept: 'form',
    input: memberCheckoutInputSchema,
    handler: ({ variantId, courseSlug }, context) => customerOrder(context, variantId, `course "${courseSlug}" (member)`),
  }),

  /**
   * A membership plan (付费会员), bought or renewed by the signed-in customer: the same
   * checkout as memberCheckout; commerce starts or extends the membership when the order is placed.
   */
  membershipCheckout: defineAction({
    accept: 'form',
    input: membershipCheckoutInputSchema,
    handler: ({ variantId, planHandle }, context) => customerOrder(context, variantId, `membership plan "${planHandle}"`),
  }),

  /** "Complete the course" (补差价): commerce prices the course minus what was paid for its lessons. */
  upgrade: defineAction({
    accept: 'form',
    input: upgradeInputSchema,
    handler: async ({ courseDocumentId, courseSlug }, context) => {
      const { customer, token } = await requireCustomer(context);
      let result: PlaceOrderResult;
      try {
        result = await placeUpgradeOrder({ courseDocumentId, email: customer.email, customerToken: token, metadata: {} });
      } catch (error) {
        throw checkoutFailure(error, `upgrade of "${courseSlug}"`);
      }
      return orderOutcome(result, `upgrade of "${courseSlug}"`);
    },
  }),

  /** Sign-in with email and password; sets the httpOnly session cookie. */
  login: defineAction({
    accept: 'form',
    input: loginInputSchema,
    handler: async ({ email, password, next }, context) => {
      let result;
      try {
        result = await loginCustomer(email, password);
      } catch (error) {
        throw authFailure(error, 'login');
      }
      if (!result.ok) throw new ActionError({ code: 'UNAUTHORIZED', message: messages['auth.wrongPassword'] });
      context.locals.setCustomerToken(result.token);
      return { next: safeNextPath(next, paths.account(context.locals.locale)) };
    },
  }),

  /** Registration (then signed in); sets the httpOnly session cookie. */
  register: defineAction({
    accept: 'form',
    input: registerInputSchema,
    handler: async ({ email, password, next }, context) => {
      let result;
      try {
        result = await registerCustomer(email, password);
      } catch (error) {
        throw authFailure(error, 'register');
      }
      if (!result.ok) throw new ActionError({ code: 'CONFLICT', message: messages['auth.emailTaken'] });
      context.locals.setCustomerToken(result.token);
      return { next: safeNextPath(next, paths.account(context.locals.locale)) };
    },
  }),
};
