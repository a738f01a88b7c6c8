import { z } from 'astro/zod';
import { ui } from '../../i18n/ui';
import { parseCheckoutItem, type CheckoutItem } from './checkout-item';

// Messages are in the default locale; pages show their own translation by error code.
const invalidProduct = ui['zh-CN']['checkout.invalidProduct'];

/**
 * Input of the `confirmOrder` action (posted by the confirm step): the item, as in the checkout
 * URL, and the total the buyer saw. Prices come from commerce, never from the form: the total
 * only makes sure nobody is charged an amount they did not confirm.
 */
export const confirmOrderInputSchema = z
  .object({
    product: z.string().max(120).optional(),
    upgrade: z.string().max(120).optional(),
    expectedTotalFen: z.coerce
      .number({ invalid_type_error: invalidProduct })
      .int(invalidProduct)
      .min(0, invalidProduct)
      .max(100_000_000, invalidProduct),
  })
  .transform((input, context): { item: CheckoutItem; expectedTotalFen: number } => {
    const params = new URLSearchParams();
    if (input.product !== undefined) params.set('product', input.product);
    if (input.upgrade !== undefined) params.set('upgrade', input.upgrade);
    const item = parseCheckoutItem(params);
    if (!item) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: invalidProduct, path: ['product'] });
      return z.NEVER;
    }
    return { item, expectedTotalFen: input.expectedTotalFen };
  });

export type ConfirmOrderInput = z.infer<typeof confirmOrderInputSchema>;
