import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PostCatalogDocument } from "./admin/catalog/documents/validators"
import { ListMembershipPlansQuery } from "./store/membership-plans/validators"

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
  ],
})
