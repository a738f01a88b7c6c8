import { z } from 'astro/zod';
import { ui } from '../../i18n/ui';

// Messages are in the default locale; pages show their own translation per failing field.
const messages = ui['zh-CN'];
const invalidEmail = messages['checkout.invalidEmail'];
const invalidProduct = messages['checkout.invalidProduct'];

/** Input of the `checkout` action (posted by the course page's buy form). */
export const checkoutInputSchema = z.object({
  variantId: z
    .string({ required_error: invalidProduct, invalid_type_error: invalidProduct })
    .trim()
    .min(1, invalidProduct)
    .max(100, invalidProduct),
  email: z
    .string({ required_error: invalidEmail, invalid_type_error: invalidEmail })
    .trim()
    .min(1, invalidEmail)
    .max(254, invalidEmail)
    .email(invalidEmail),
  courseSlug: z
    .string({ required_error: invalidProduct, invalid_type_error: invalidProduct })
    .trim()
    .min(1, invalidProduct)
    .max(200, invalidProduct),
});

export type CheckoutInput = z.infer<typeof checkoutInputSchema>;

/** Input of the `memberCheckout` action: the signed-in customer's email comes from commerce. */
export const memberCheckoutInputSchema = checkoutInputSchema.omit({ email: true });

/** Input of the `upgrade` action ("complete the course", 补差价). */
export const upgradeInputSchema = z.object({
  courseDocumentId: z
    .string({ required_error: invalidProduct, invalid_type_error: invalidProduct })
    .trim()
    .min(1, invalidProduct)
    .max(64, invalidProduct),
  courseSlug: checkoutInputSchema.shape.courseSlug,
});

/** Input of the `membershipCheckout` action: a plan's variant, bought by the signed-in customer. */
export const membershipCheckoutInputSchema = z.object({
  variantId: checkoutInputSchema.shape.variantId,
  planHandle: z
    .string({ required_error: invalidProduct, invalid_type_error: invalidProduct })
    .trim()
    .min(1, invalidProduct)
    .max(100, invalidProduct),
});

export type MembershipCheckoutInput = z.infer<typeof membershipCheckoutInputSchema>;
export type MemberCheckoutInput = z.infer<typeof memberCheckoutInputSchema>;
export type UpgradeInput = z.infer<typeof upgradeInputSchema>;
