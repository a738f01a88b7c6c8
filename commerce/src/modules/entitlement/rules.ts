/**
 * Pure rules of gated learning (who is granted what, what an upgrade costs, when a refund
 * revokes). Kept free of Medusa calls so they are easy to test; the workflows apply them.
 */
import { amountToFen, fenToAmount } from "@community/contracts"
import { readCatalogMetadata } from "../../lib/catalog-product"

const DAY_MS = 24 * 60 * 60 * 1000

/** Line-item metadata that marks the "complete the course" (补差价) line. */
export const UPGRADE_METADATA_FLAG = "course_upgrade"

export type EntitlementToGrant = {
  customer_id: string
  course_document_id: string
  scope: "course" | "lessons"
  lesson_document_ids: string[] | null
  source_kind: "course" | "bundle" | "upgrade"
  source_document_id: string
  order_id: string
  line_item_id: string
  paid_fen: number
  starts_at: Date
  expires_at: Date | null
}

export type OrderForGrant = {
  id: string
  customer_id?: string | null
  status?: string | null
  created_at: Date | string
  items?:
    | ({
        id: string
        product_id?: string | null
        quantity?: unknown
        unit_price?: unknown
        total?: unknown
        metadata?: Record<string, unknown> | null
      } | null)[]
    | null
}

export type ProductForGrant = { id: string; metadata?: Record<string, unknown> | null }

/** True for a line added by the course-upgrade route. */
export function isUpgradeLine(metadata: Record<string, unknown> | null | undefined): boolean {
  return metadata?.[UPGRADE_METADATA_FLAG] === true
}

/**
 * One entitlement per course or bundle line of the order; other lines (and orders without a
 * customer, or already canceled) grant nothing. Lessons are a snapshot of the bundle now, so
 * a later change of the bundle in the CMS does not change what a buyer already holds.
 */
export function planOrderEntitlements(order: OrderForGrant, products: ProductForGrant[]): EntitlementToGrant[] {
  if (!order.customer_id || order.status === "canceled") return []
  const byId = new Map(products.map((p) => [p.id, p]))
  const startsAt = new Date(order.created_at)
  const grants: EntitlementToGrant[] = []
  for (const item of order.items ?? []) {
    if (!item?.product_id) continue
    const catalog = readCatalogMetadata(byId.get(item.product_id)?.metadata)
    if (!catalog) continue
    const paid = item.total ?? Number(item.unit_price ?? 0) * Number(item.quantity ?? 1)
    const common = {
      customer_id: order.customer_id,
      course_document_id: catalog.course_document_id,
      source_document_id: catalog.cms_document_id,
      order_id: order.id,
      line_item_id: item.id,
      paid_fen: Math.max(0, amountToFen(paid)),
      starts_at: startsAt,
    }
    if (catalog.cms_kind === "course") {
      grants.push({
        ...common,
        scope: "course",
        lesson_document_ids: null,
        source_kind: isUpgradeLine(item.metadata) ? "upgrade" : "course",
        expires_at: null,
      })
    } else {
      grants.push({
        ...common,
        scope: "lessons",
        lesson_document_ids: [...catalog.lesson_document_ids],
        source_kind: "bundle",
        expires_at: catalog.validity_days ? new Date(startsAt.getTime() + catalog.validity_days * DAY_MS) : null,
      })
    }
  }
  return grants
}

export type CourseUpgradePrice = {
  list_price_fen: number
  credit_fen: number
  /** max(0, list price - credit): what the upgrade line costs. */
  price_fen: number
  /** The same in the decimal amount Medusa stores on the line. */
  unit_price: number
}

/**
 * The "complete the course" price: the course at the customer's own price (list price, or the
 * member price for an active member) minus what their lessons of it cost, never below zero.
 * So it is never more than buying the course outright would cost them.
 */
export function courseUpgradePrice(listPriceFen: number, creditFen: number): CourseUpgradePrice {
  const price = Math.max(0, listPriceFen - Math.max(0, creditFen))
  return { list_price_fen: listPriceFen, credit_fen: creditFen, price_fen: price, unit_price: fenToAmount(price) }
}

export type PaymentAmounts = { captures?: ({ amount?: unknown } | null)[] | null; refunds?: ({ amount?: unknown } | null)[] | null }

/**
 * Refund policy: an order's entitlements are revoked only when everything that was captured
 * for it has been refunded (refunded >= captured > 0). A partial refund (a goodwill
 * discount, a price correction) leaves access as it is; to take access away, the operator
 * refunds the rest or cancels the order.
 */
export function refundTotals(payments: (PaymentAmounts | null | undefined)[]): {
  captured_fen: number
  refunded_fen: number
  fully_refunded: boolean
} {
  const sum = (rows: ({ amount?: unknown } | null)[] | null | undefined) =>
    (rows ?? []).reduce((total, row) => total + (row ? amountToFen(row.amount ?? 0) : 0), 0)
  const captured = payments.reduce((total, p) => total + sum(p?.captures), 0)
  const refunded = payments.reduce((total, p) => total + sum(p?.refunds), 0)
  return { captured_fen: captured, refunded_fen: refunded, fully_refunded: captured > 0 && refunded >= captured }
}

export type HeldEntitlement = {
  id: string
  customer_id: string
  course_document_id: string
  scope: string
  source_kind: string
  created_at: Date | string
}

/**
 * The "complete the course" entitlements that were priced with credit from these (now revoked)
 * lesson bundles: same customer and course, granted after the bundle. The upgrade only paid the
 * course price minus that credit, so once the credit is refunded the course is no longer paid
 * for and is revoked with it; an operator can refund the upgrade order too.
 */
export function upgradesCreditedBy(revoked: HeldEntitlement[], upgrades: HeldEntitlement[]): HeldEntitlement[] {
  const bundles = revoked.filter((e) => e.scope === "lessons")
  return upgrades.filter(
    (upgrade) =>
      upgrade.source_kind === "upgrade" &&
      bundles.some(
        (bundle) =>
          bundle.customer_id === upgrade.customer_id &&
          bundle.course_document_id === upgrade.course_document_id &&
          new Date(bundle.created_at).getTime() <= new Date(upgrade.created_at).getTime()
      )
  )
}
