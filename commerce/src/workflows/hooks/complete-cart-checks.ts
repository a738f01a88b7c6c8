import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { amountToFen } from "@community/contracts"
import { quoteCourseUpgrade, type UpgradeCart } from "../learning/course-upgrade-quote"
import { digitalProductsById, ONE_PER_CART_MESSAGE } from "../checkout/digital-goods"
import { requireVerifiedBuyer } from "./verified-buyer"

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
  // Courses, bundles and plans: a signed-in customer with a verified email only (verified-buyer.ts).
  await requireVerifiedBuyer(container, cart, lines.map((line) => line.product_id ?? ""))
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
    // A custom price on a course or bundle line comes only from the course-upgrade route, so
    // every custom-priced line is checked as an upgrade, whatever its metadata says now.
    if (!line.is_custom_price) continue
    if (product.catalog.cms_kind !== "course") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `"${product.title}" has a price that is not its own: remove the line and add it again`
      )
    }
    if (!cart.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Completing a course needs a signed-in customer")
    }
    // Not a valid upgrade for this customer now (owns the course, no lessons of it): refused
    // with why. Otherwise the price is worked out again from the current credit; the validate
    // hook must not change the cart (the order is built from the snapshot taken before it), so
    // a different price is refused and the storefront asks for the upgrade again.
    const quote = await quoteCourseUpgrade(container, cart, cart.customer_id, product.catalog.cms_document_id)
    if (amountToFen(line.unit_price) !== quote.price_fen) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The price to complete "${product.title}" is now ${quote.price_fen} fen: request the upgrade again`
      )
    }
  }
})
