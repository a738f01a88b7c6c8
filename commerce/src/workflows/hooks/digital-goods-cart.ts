import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addToCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { digitalProductsById, digitalProductsByVariant, ONE_PER_CART_MESSAGE } from "../digital-goods"

// Courses and bundles are digital goods a customer owns once: one line, quantity 1, per cart.

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = (input.items ?? []) as { variant_id?: string | null; quantity?: unknown }[]
  const digital = await digitalProductsByVariant(
    container,
    items.map((item) => item.variant_id ?? "")
  )
  if (!digital.size) return

  const adding = new Set<string>()
  for (const item of items) {
    const product = item.variant_id ? digital.get(item.variant_id) : undefined
    if (!product) continue
    if (Number(item.quantity ?? 1) !== 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" ${ONE_PER_CART_MESSAGE}`)
    }
    if (adding.has(product.product_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" can be added only once`)
    }
    adding.add(product.product_id)
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "items.product_id"],
    filters: { id: (cart as { id: string }).id },
  })
  for (const line of carts[0]?.items ?? []) {
    if (line?.product_id && adding.has(line.product_id)) {
      const product = [...digital.values()].find((p) => p.product_id === line.product_id)!
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" is already in the cart`)
    }
  }
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const quantity = input.update?.quantity
  if (quantity === undefined || quantity === null || Number(quantity) <= 1) return
  const line = ((cart as { items?: ({ id: string; product_id?: string | null } | null)[] }).items ?? []).find(
    (item) => item?.id === input.item_id
  )
  let productId = line?.product_id ?? null
  if (!line) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "items.id", "items.product_id"],
      filters: { id: input.cart_id },
    })
    productId = carts[0]?.items?.find((item: { id: string } | null) => item?.id === input.item_id)?.product_id ?? null
  }
  if (!productId) return
  const product = (await digitalProductsById(container, [productId])).get(productId)
  if (product) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" ${ONE_PER_CART_MESSAGE}`)
  }
})
