import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { PostCatalogDocument } from "./admin/catalog/documents/validators"
import { PostCourseUpgrade } from "./store/carts/[id]/course-upgrade/validators"
import { ListMyEntitlementsQuery } from "./store/customers/me/entitlements/validators"
import { GetLessonAccessQuery } from "./store/customers/me/lesson-access/validators"
import { ListMembershipPlansQuery } from "./store/membership-plans/validators"

/** A signed-in customer: bearer JWT from POST /auth/customer/emailpass, or the session cookie. */
const signedInCustomer = authenticate("customer", ["session", "bearer"])

export default defineMiddlewares({
  routes: [
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
      middlewares: [signedInCustomer, validateAndTransformQuery(GetLessonAccessQuery, {})],
    },
  ],
})
