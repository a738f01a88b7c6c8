import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { PostCatalogDocument } from "./admin/catalog/documents/validators"
import { GetMembershipRevenueQuery, ListMembershipsQuery, PostExpireDue } from "./admin/memberships/validators"
import { PostCourseUpgrade } from "./store/carts/[id]/course-upgrade/validators"
import { bodyCartOwnerOnly, cartOwnerOnly, registeredEmailNeedsSignIn } from "./store/carts/cart-access"
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
    // Carts of registered customers belong to them alone; see store/carts/cart-access.ts.
    { matcher: "/store/carts", method: "POST", middlewares: [maybeCustomer, registeredEmailNeedsSignIn] },
    { matcher: "/store/carts/:id", middlewares: [maybeCustomer, cartOwnerOnly] },
    { matcher: "/store/carts/:id", method: "POST", middlewares: [registeredEmailNeedsSignIn] },
    { matcher: "/store/carts/:id/*", middlewares: [maybeCustomer, cartOwnerOnly] },
    { matcher: "/store/payment-collections", method: "POST", middlewares: [maybeCustomer, bodyCartOwnerOnly] },
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
  ],
})
