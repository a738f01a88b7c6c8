// GET /store/customers/me/course-upgrade-quote — what "complete the course" (补差价) would cost the
// signed-in customer now, shown BEFORE they order (the cart line is priced the same way)
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { quoteCourseUpgrade } from "../../../../../workflows/learning/course-upgrade-quote"
import type { GetCourseUpgradeQuoteQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, GetCourseUpgradeQuoteQuery>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // Priced as a new cart would be: in the store's default region.
  const { data: stores } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  const regionId = (stores[0] as { default_region_id?: string | null } | undefined)?.default_region_id
  const { data: regions } = regionId
    ? await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: regionId } })
    : { data: [] }
  const region = regions[0] as { id: string; currency_code: string } | undefined
  if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store has no default region yet")
  const quote = await quoteCourseUpgrade(
    req.scope,
    { id: "quote", customer_id: req.auth_context.actor_id, region_id: region.id, currency_code: region.currency_code },
    req.auth_context.actor_id,
    req.validatedQuery.course_document_id
  )
  res.json({
    upgrade: {
      course_document_id: quote.course_document_id,
      list_price_fen: quote.list_price_fen,
      course_price_fen: quote.course_price_fen,
      credit_fen: quote.credit_fen,
      price_fen: quote.price_fen,
    },
  })
}
