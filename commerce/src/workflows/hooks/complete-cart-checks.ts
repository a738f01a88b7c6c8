import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { amountToFen } from "../catalog-product-input"
import { quoteCourseUpgrade, type UpgradeCart } from "../course-upgrade-quote"
import { digitalProductsById, ONE_PER_CART_MESSAGE } from "../digital-goods"
import { isUpgradeLine } from "../entitlement-rules"

type CartLine = {
  id: string
  title?: string | null
  product_id?: string | null
  quantity?: unknown
  unit_price?: unknown
  is_custom_price?: boolean | null
  metadata?: Record<string, unknown> | null
}

// Before an order is created: course and bundle lines still have quantity 1, and every
// "complete the course" line still has the price the customer's entitlements justify (the
// customer may have been refunded a bundle, or bought the course elsewhere, since).
completeCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: placed } = await query.graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: input.id },
  })
  // Completing again (a retried request): the order exists, the checks ran the first time.
  if (placed.length) return

  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "customer_id",
      "region_id",
      "currency_code",
      "items.id",
      "items.title",
      "items.product_id",
      "items.quantity",
      "items.unit_price",
      "items.is_custom_price",
      "items.metadata",
    ],
    filters: { id: input.id },
  })
  const cart = carts[0] as (UpgradeCart & { items?: (CartLine | null)[] }) | undefined
  if (!cart) return
  const lines = (cart.items ?? []).filter((line): line is CartLine => !!line)
  const digital = await digitalProductsById(
    container,
    lines.map((line) => line.product_id ?? "")
  )

  for (const line of lines) {
    const product = line.product_id ? digital.get(line.product_id) : undefined
    if (!product) continue
    if (Number(line.quantity) !== 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" ${ONE_PER_CART_MESSAGE}`)
    }
    if (product.catalog.cms_kind !== "course" || !line.is_custom_price || !isUpgradeLine(line.metadata)) continue
    if (!cart.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Completing a course needs a signed-in customer")
    }
    const quote = await quoteCourseUpgrade(container, cart, cart.customer_id, product.catalog.cms_document_id)
    if (amountToFen(line.unit_price) !== quote.price_fen) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The price to complete "${product.title}" is now ${quote.price_fen} fen: request the upgrade again`
      )
    }
  }
})
