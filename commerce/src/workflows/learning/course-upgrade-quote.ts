import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { ENTITLEMENT_MODULE } from "../../modules/entitlement"
import type EntitlementModuleService from "../../modules/entitlement/service"
import { amountToFen, courseProductHandle } from "@community/contracts"
import { readCatalogMetadata } from "../../lib/catalog-product"
import { courseUpgradePrice, UPGRADE_METADATA_FLAG, type CourseUpgradePrice } from "../../modules/entitlement/rules"

export type UpgradeCart = {
  id: string
  customer_id: string | null
  region_id: string | null
  currency_code: string
  completed_at?: Date | string | null
}

export type CourseUpgradeQuote = CourseUpgradePrice & {
  /** What the course costs this customer (the member price for an active member): the upgrade starts here. */
  course_price_fen: number
  /** The course's CMS document id as the catalog stores it. */
  course_document_id: string
  product_id: string
  variant_id: string
  /** Metadata the upgrade line carries (visible on the cart and the order). */
  line_metadata: Record<string, unknown>
}

/**
 * What "complete the course" (补差价) costs this customer in this cart, or a 400/404 that says
 * why it is not offered. Read-only: used when the line is added and again when the cart completes.
 */
export async function quoteCourseUpgrade(
  container: MedusaContainer,
  cart: UpgradeCart,
  customerId: string,
  courseDocumentId: string,
  now: Date = new Date()
): Promise<CourseUpgradeQuote> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // The course at the customer's own price: an active member's starting point is the member
  // price, not the list price, so completing the course never costs more than buying it would.
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "groups.id"],
    filters: { id: customerId },
  })
  const groups = ((customers[0]?.groups ?? []) as ({ id: string } | null)[]).filter((g): g is { id: string } => !!g)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "status", "metadata", "variants.id", "variants.calculated_price.*"],
    filters: { handle: courseProductHandle(courseDocumentId) },
    context: {
      variants: {
        calculated_price: QueryContext({
          region_id: cart.region_id,
          currency_code: cart.currency_code,
          customer_id: customerId,
          customer: { id: customerId, groups: groups.map((g) => ({ id: g.id })) },
        }),
      },
    },
  })
  const product = products[0]
  const catalog = readCatalogMetadata(product?.metadata as Record<string, unknown> | null | undefined)
  if (!product || catalog?.cms_kind !== "course") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Course ${courseDocumentId} is not sold here`)
  }
  if (product.status !== "published") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Course ${courseDocumentId} is not for sale at the moment`)
  }
  const variant = product.variants?.[0] as
    | { id: string; calculated_price?: { calculated_amount?: unknown } | null }
    | undefined
  const amount = variant?.calculated_price?.calculated_amount
  if (!variant || amount === null || amount === undefined) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Course ${courseDocumentId} has no price in ${cart.currency_code.toUpperCase()}`
    )
  }

  const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
  const standing = await entitlements.courseStanding(customerId, catalog.cms_document_id, now)
  if (standing.owns_course) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `You already own course ${courseDocumentId}: nothing to complete`)
  }
  if (!standing.lesson_entitlements.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `You own no lessons of course ${courseDocumentId}: buy the course itself instead of completing it`
    )
  }

  const coursePriceFen = amountToFen(amount)
  const price = {
    ...courseUpgradePrice(coursePriceFen, standing.credit_fen),
    // The course's list price, for showing; the upgrade starts from the customer's own price.
    list_price_fen: groups.length ? await listPriceFen(container, product.id, cart, coursePriceFen) : coursePriceFen,
    course_price_fen: coursePriceFen,
  }
  return {
    ...price,
    course_document_id: catalog.cms_document_id,
    product_id: product.id,
    variant_id: variant.id,
    line_metadata: {
      [UPGRADE_METADATA_FLAG]: true,
      course_document_id: catalog.cms_document_id,
      list_price_fen: price.list_price_fen,
      course_price_fen: price.course_price_fen,
      upgrade_credit_fen: price.credit_fen,
    },
  }
}

/**
 * The price anyone pays (no customer, so no group price list). An override price list (the
 * member price) also replaces `original_amount`, so the list price is asked for separately.
 */
async function listPriceFen(container: MedusaContainer, productId: string, cart: UpgradeCart, fallbackFen: number): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "variants.calculated_price.*"],
    filters: { id: productId },
    context: {
      variants: { calculated_price: QueryContext({ region_id: cart.region_id, currency_code: cart.currency_code }) },
    },
  })
  const amount = (data[0]?.variants?.[0] as { calculated_price?: { calculated_amount?: unknown } | null } | undefined)?.calculated_price
    ?.calculated_amount
  return amount === null || amount === undefined ? fallbackFen : amountToFen(amount)
}
