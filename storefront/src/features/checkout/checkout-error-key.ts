import type { UiKey } from '../../i18n/ui';

/** The bits of an Astro ActionError (or ActionInputError) the confirm step cares about. */
export interface CheckoutErrorLike {
  code: string;
  fields?: Partial<Record<string, string[] | undefined>>;
}

/**
 * Which message to show for a failed checkout. The page translates the key, so buyers
 * read it in their locale whatever language the action's own messages are in.
 */
export function checkoutErrorKey(error: CheckoutErrorLike): UiKey {
  if (error.fields) return 'checkout.invalidProduct';
  switch (error.code) {
    case 'SERVICE_UNAVAILABLE':
      return 'checkout.unavailable';
    case 'PAYMENT_REQUIRED':
      return 'checkout.paymentFailed';
    case 'UNAUTHORIZED':
      return 'checkout.signInAgain';
    case 'PRECONDITION_FAILED':
      return 'checkout.upgradeNotEligible';
    case 'CONFLICT':
      return 'checkout.priceChanged';
    case 'NOT_FOUND':
      return 'checkout.notForSale';
    default:
      return 'checkout.failed';
  }
}
