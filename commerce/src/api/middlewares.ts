import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { PostCatalogDocument } from "./admin/catalog/documents/validators"
import { GetMembershipRevenueQuery, ListMembershipsQuery, PostExpireDue, PostRemindExpiring } from "./admin/memberships/validators"
import { PostCourseUpgrade } from "./store/carts/[id]/course-upgrade/validators"
import { bodyField, codeConfirmRateLimit, codeRequestRateLimit, loginRateLimit } from "./rate-limit/rate-limit"
import { bodyCartOwnerOnly, cartOwnerOnly, registeredEmailNeedsSignIn } from "./store/carts/cart-access"
import { orderOwnerOnly } from "./store/orders/order-owner"
import { refuseDemoPaymentInProduction } from "./store/payment-collections/demo-payment"
import { GetCourseUpgradeQuoteQuery } from "./store/customers/me/course-upgrade-quote/validators"
import { ListMyEntitlementsQuery } from "./store/customers/me/entitlements/validators"
import { GetLessonAccessQuery } from "./store/customers/me/lesson-access/validators"
import { GetMyMembershipQuery } from "./store/customers/me/membership/validators"
import { GetMemberPricesQuery } from "./store/member-prices/validators"
import { ListMembershipPlansQuery } from "./store/membership-plans/validators"

/** A signed-in customer: bearer JWT from POST /auth/customer/emailpass, or the session cookie. */
const signedInCustomer = authenticate("customer", ["session", "bearer"])
/** The signed-in customer if there is one; anonymous callers go on (Medusa's guest carts). */
const maybeCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export default defineMiddlewares({
  routes: [
    // Sign-in, registration and code requests are rate-limited per account and per client
    // address, in Postgres (shared by all Medusa processes); see rate-limit/rate-limit.ts and README "Rate limits".
    { matcher: "/auth/customer/emailpass", method: "POST", middlewares: [loginRateLimit("customer")] },
    { matcher: "/auth/user/emailpass", method: "POST", middlewares: [loginRateLimit("user")] },
    { matcher: "/auth/customer/emailpass/register", method: "POST", middlewares: [loginRateLimit("customer")] },
    { matcher: "/auth/customer/emailpass/reset-password", method: "POST", middlewares: [codeRequestRateLimit({ identifier: bodyField("identifier") })] },
    { matcher: "/auth/user/emailpass/reset-password", method: "POST", middlewares: [codeRequestRateLimit({ identifier: bodyField("identifier") })] },
    { matcher: "/auth/verification/request", method: "POST", middlewares: [codeRequestRateLimit({ identifier: bodyField("entity_id") })] },
    { matcher: "/auth/verification/confirm", method: "POST", middlewares: [codeConfirmRateLimit({ scope: "verification" })] },
    { matcher: "/auth/mfa/challenges/:id/verify", method: "POST", middlewares: [codeConfirmRateLimit({ scope: "mfa" })] },
    // Carts of registered customers belong to them alone; see store/carts/cart-access.ts.
    { matcher: "/store/carts", method: "POST", middlewares: [maybeCustomer, registeredEmailNeedsSignIn] },
    { matcher: "/store/carts/:id", middlewares: [maybeCustomer, cartOwnerOnly] },
    { matcher: "/store/carts/:id", method: "POST", middlewares: [registeredEmailNeedsSignIn] },
    { matcher: "/store/carts/:id/*", middlewares: [maybeCustomer, cartOwnerOnly] },
    { matcher: "/store/payment-collections", method: "POST", middlewares: [maybeCustomer, bodyCartOwnerOnly] },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: "POST",
      middlewares: [refuseDemoPaymentInProduction],
    },
    // An order is read only by its owner; see store/orders/order-owner.ts.
    { matcher: "/store/orders/:id", method: "GET", middlewares: [maybeCustomer, orderOwnerOnly] },
    { matcher: "/store/orders/:id/transfer/request", method: "POST", middlewares: [maybeCustomer, orderOwnerOnly] },
    {
      // /admin/* is authenticated by Medusa (admin session, bearer or secret API key).
      matcher: "/admin/catalog/documents",
      method: "POST",
      middlewares: [validateAndTransformBody(PostCatalogDocument as any)],
    },
    {
      matcher: "/store/membership-plans",
      method: "GET",
      middlewares: [validateAndTransformQuery(ListMembershipPlansQuery, {})],
    },
    {
      matcher: "/store/carts/:id/course-upgrade",
      method: "POST",
      middlewares: [signedInCustomer, validateAndTransformBody(PostCourseUpgrade)],
    },
    {
      matcher: "/store/customers/me/course-upgrade-quote",
      method: "GET",
      middlewares: [signedInCustomer, validateAndTransformQuery(GetCourseUpgradeQuoteQuery, {})],
    },
    {
      matcher: "/store/customers/me/entitlements",
      method: "GET",
      middlewares: [signedInCustomer, validateAndTransformQuery(ListMyEntitlementsQuery, {})],
    },
    {
      matcher: "/store/customers/me/lesson-access",
      method: "GET",
      middlewares: [signedInCustomer, validateAndTransformQuery(GetLessonAccessQuery as any, {})],
    },
    {
      matcher: "/store/customers/me/membership",
      method: "GET",
      middlewares: [signedInCustomer, validateAndTransformQuery(GetMyMembershipQuery, {})],
    },
    {
      // Public (publishable key only): member prices shown to visitors.
      matcher: "/store/member-prices",
      method: "GET",
      middlewares: [validateAndTransformQuery(GetMemberPricesQuery as any, {})],
    },
    {
      matcher: "/admin/memberships",
      method: "GET",
      middlewares: [validateAndTransformQuery(ListMembershipsQuery as any, {})],
    },
    {
      matcher: "/admin/memberships/revenue",
      method: "GET",
      middlewares: [validateAndTransformQuery(GetMembershipRevenueQuery, {})],
    },
    {
      matcher: "/admin/memberships/expire-due",
      method: "POST",
      middlewares: [validateAndTransformBody(PostExpireDue)],
    },
    {
      matcher: "/admin/memberships/remind-expiring",
      method: "POST",
      middlewares: [validateAndTransformBody(PostRemindExpiring)],
    },
  ],
})
