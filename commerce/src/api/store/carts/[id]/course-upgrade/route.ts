// POST /store/carts/:id/course-upgrade — "complete the course" (补差价): the course at its price
// minus what the signed-in customer paid for its lessons, as a custom-priced line in their cart
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addCourseUpgradeToCartWorkflow } from "../../../../../workflows/learning/add-course-upgrade-to-cart"
import { isUpgradeLine } from "../../../../../modules/entitlement/rules"
import type { PostCourseUpgrade } from "./validators"

/** The cart as this route returns it: enough to show the line, its list price and the credit. */
export const UPGRADE_CART_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "total",
  "subtotal",
  "item_total",
  "discount_total",
  "items.id",
  "items.title",
  "items.product_id",
  "items.product_handle",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "items.compare_at_unit_price",
  "items.is_custom_price",
  "items.total",
  "items.metadata",
]

export async function POST(req: AuthenticatedMedusaRequest<PostCourseUpgrade>, res: MedusaResponse) {
  const { result: upgrade } = await addCourseUpgradeToCartWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      course_document_id: req.validatedBody.course_document_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: UPGRADE_CART_FIELDS,
    filters: { id: req.params.id },
  })
  const cart = carts[0]
  const line = (cart.items ?? []).find(
    (item: { product_id?: string | null; metadata?: Record<string, unknown> | null } | null) =>
      item?.product_id === upgrade.product_id && isUpgradeLine(item.metadata)
  )
  res.json({
    cart,
    upgrade: {
      course_document_id: upgrade.course_document_id,
      list_price_fen: upgrade.list_price_fen,
      course_price_fen: upgrade.course_price_fen,
      credit_fen: upgrade.credit_fen,
      price_fen: upgrade.price_fen,
      line_item_id: line?.id ?? null,
    },
  })
}
