import { account } from './account';
import { checkout } from './checkout';

/**
 * The storefront's Astro Actions, one file per feature: sign-in with the emailed code,
 * registration and password reset (account.ts); the confirm step (checkout.ts).
 */
export const server = {
  ...account,
  ...checkout,
};
