import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addToCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { digitalProductsById, digitalProductsByVariant, ONE_PER_CART_MESSAGE } from "../checkout/digital-goods"

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

// A course or bundle line keeps quantity 1 and the metadata it was added with: the metadata
// marks the "complete the course" (补差价) line and what it was priced from, and Medusa keeps a
// custom price through a line update, so letting the owner rewrite it would detach the price
// from the reason for it.
updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const update = (input.update ?? {}) as { quantity?: unknown; metadata?: unknown }
  const quantity = update.quantity
  const raisesQuantity = quantity !== undefined && quantity !== null && Number(quantity) > 1
  const touchesMetadata = update.metadata !== undefined
  if (!raisesQuantity && !touchesMetadata) return

  type StoredLine = { id: string; product_id?: string | null; metadata?: Record<string, unknown> | null }
  let line = ((cart as { items?: (StoredLine | null)[] }).items ?? []).find((item) => item?.id === input.item_id)
  if (!line || (touchesMetadata && line.metadata === undefined)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "items.id", "items.product_id", "items.metadata"],
      filters: { id: input.cart_id },
    })
    line = (carts[0]?.items as (StoredLine | null)[] | undefined)?.find((item) => item?.id === input.item_id) ?? undefined
  }
  const productId = line?.product_id ?? null
  if (!line || !productId) return
  const product = (await digitalProductsById(container, [productId])).get(productId)
  if (!product) return
  if (raisesQuantity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${product.title}" ${ONE_PER_CART_MESSAGE}`)
  }
  if (touchesMetadata && !sameMetadata(update.metadata, line.metadata)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The metadata of "${product.title}" cannot be changed in the cart: remove the line and add it again`
    )
  }
})

/** Deep equality of two metadata values (key order ignored; null, undefined and {} are all "none"). */
function sameMetadata(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  const normalize = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalize)
    if (v && typeof v === "object" && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, normalize((v as Record<string, unknown>)[k])])
      )
    }
    return v
  }
  const n = normalize(value ?? {})
  return JSON.stringify(n && typeof n === "object" && !Object.keys(n).length ? {} : n)
}
