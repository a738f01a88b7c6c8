/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's locale, from the first path segment (set by src/middleware.ts). */
    locale: import('./i18n/locales').Locale;
    /**
     * The signed-in customer's Medusa JWT from the httpOnly cookie, NOT yet validated.
     * Good enough to choose what to show; anything that matters goes through getCustomer()
     * or a commerce call that checks the token.
     */
    customerToken: string | null;
    /**
     * The signed-in customer, validated with GET /store/customers/me once per request
     * (memoised). Null when signed out or the token is no longer valid (the cookie is then
     * cleared). Throws UpstreamError when commerce is down.
     */
    getCustomer: () => Promise<import('./lib/commerce.server').Customer | null>;
    /** Signs in (sets the cookie) or out (null: clears it) for this response. */
    setCustomerToken: (token: string | null) => void;
  }
}
