/**
 * Pure rules of paid membership (which order lines buy which plan, and for how long).
 * Kept free of Medusa calls so they are easy to test; the workflows apply them. How periods
 * are laid on the timeline (renewal extends, refund removes exactly its days) lives in
 * ./timeline.ts.
 */
import { amountToFen } from "@community/contracts"

/** Product metadata key that marks a product selling a membership plan (set by the seed). */
export const PLAN_METADATA_KEY = "membership_plan_handle"


export type MembershipLine = {
  line_item_id: string
  plan_handle: string
  /** duration_days × quantity; null for lifetime. */
  days: number | null
  paid_fen: number
}

export type MembershipGrant = { customer_id: string; order_id: string; lines: MembershipLine[] }

export type OrderForMembership = {
  id: string
  customer_id?: string | null
  status?: string | null
  items?:
    | ({ id: string; product_id?: string | null; quantity?: unknown; unit_price?: unknown; total?: unknown } | null)[]
    | null
}

export type PlanForGrant = { handle: string; duration_days?: number | null; interval?: string | null }

/** The plan a product sells, from its metadata; null for other products. */
export function planHandleOf(metadata: Record<string, unknown> | null | undefined): string | null {
  const handle = metadata?.[PLAN_METADATA_KEY]
  return typeof handle === "string" && handle ? handle : null
}

/**
 * One period per plan line of the order. A quantity of n buys n periods back to back (n ×
 * duration_days); a lifetime plan has no end. Orders without a customer, canceled orders and
 * lines of unknown plans grant nothing.
 */
export function planOrderMemberships(
  order: OrderForMembership,
  products: { id: string; metadata?: Record<string, unknown> | null }[],
  plans: PlanForGrant[]
): MembershipGrant {
  const grant: MembershipGrant = { customer_id: order.customer_id ?? "", order_id: order.id, lines: [] }
  if (!order.customer_id || order.status === "canceled") return grant
  const planByHandle = new Map(plans.map((p) => [p.handle, p]))
  const productById = new Map(products.map((p) => [p.id, p]))
  for (const item of order.items ?? []) {
    if (!item?.product_id) continue
    const handle = planHandleOf(productById.get(item.product_id)?.metadata)
    const plan = handle ? planByHandle.get(handle) : undefined
    if (!handle || !plan) continue
    const quantity = Math.max(1, Math.floor(Number(item.quantity ?? 1)) || 1)
    const lifetime = plan.duration_days === null || plan.duration_days === undefined || plan.interval === "lifetime"
    const paid = item.total ?? Number(item.unit_price ?? 0) * quantity
    grant.lines.push({
      line_item_id: item.id,
      plan_handle: handle,
      days: lifetime ? null : plan.duration_days! * quantity,
      paid_fen: Math.max(0, amountToFen(paid)),
    })
  }
  return grant
}

/** Share of the list price members pay (会员价), in percent. */
export const MEMBER_PRICE_PERCENT = 80

/** The member price of a list price, rounded to whole fen: 19900 -> 15920, 2990 -> 2392. */
export function memberPriceFen(listFen: number, percent: number = MEMBER_PRICE_PERCENT): number {
  return Math.round((listFen * percent) / 100)
}

/**
 * What the catalog sync does to a product's member price (price list "会员价"):
 * - none yet: set it to MEMBER_PRICE_PERCENT of the list price;
 * - one exists: operators own it (edited in the Medusa admin), so it is kept, UNLESS it is now
 *   above the new list price, then it is reset (an override list would make members pay more).
 */
export function memberPriceChange(
  listFen: number,
  existingFen: number | null
): { action: "create" | "update"; amount_fen: number } | { action: "none" } {
  if (existingFen === null) return { action: "create", amount_fen: memberPriceFen(listFen) }
  if (existingFen > listFen) return { action: "update", amount_fen: memberPriceFen(listFen) }
  return { action: "none" }
}
