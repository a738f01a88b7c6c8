import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readCatalogMetadata, type CatalogProductMetadata } from "../../lib/catalog-product"
import { planHandleOf } from "../../modules/membership/rules"

/** A product the CMS sells (course or bundle): digital, one per buyer. */
export type DigitalProduct = { product_id: string; title: string; catalog: CatalogProductMetadata }

/** The CMS-sold products among these products, by product id. */
export async function digitalProductsById(
  container: MedusaContainer,
  productIds: string[]
): Promise<Map<string, DigitalProduct>> {
  const ids = [...new Set(productIds.filter(Boolean))]
  const found = new Map<string, DigitalProduct>()
  if (!ids.length) return found
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "metadata"], filters: { id: ids } })
  for (const product of data) {
    const catalog = readCatalogMetadata(product.metadata as Record<string, unknown> | null)
    if (catalog) found.set(product.id, { product_id: product.id, title: product.title, catalog })
  }
  return found
}

/** The CMS-sold products behind these variants, by variant id. */
export async function digitalProductsByVariant(
  container: MedusaContainer,
  variantIds: string[]
): Promise<Map<string, DigitalProduct>> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  const found = new Map<string, DigitalProduct>()
  if (!ids.length) return found
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: ids } })
  const products = await digitalProductsById(
    container,
    data.map((v: { product_id?: string | null }) => v.product_id ?? "")
  )
  for (const variant of data as { id: string; product_id?: string | null }[]) {
    const product = variant.product_id ? products.get(variant.product_id) : undefined
    if (product) found.set(variant.id, product)
  }
  return found
}

export const ONE_PER_CART_MESSAGE = "is sold one at a time: the quantity of a course or lesson bundle must be 1"

/** True for a product delivered as access, not shipped: a course, a bundle or a membership plan. */
export function isDigitalGood(metadata: Record<string, unknown> | null | undefined): boolean {
  return readCatalogMetadata(metadata) !== null || planHandleOf(metadata) !== null
}
