import { amountToFen } from "@community/contracts"

/** The parts of an order that say whether it was paid. */
export type OrderPayments = {
  total?: unknown
  status?: string | null
  payment_collections?: ({ captured_amount?: unknown; status?: string | null } | null)[] | null
}

/** The order fields `isOrderPaid` needs, for a `query.graph` on `order`. */
export const ORDER_PAID_FIELDS = ["total", "status", "payment_collections.captured_amount", "payment_collections.status"]

/**
 * Paid means captured: money that was only authorized can still be voided or expire, so it
 * buys nothing. An order is paid once its captured amount covers its total; an order with
 * nothing to pay (a ¥0 upgrade) is paid as placed. A canceled order is never paid.
 */
export function isOrderPaid(order: OrderPayments | null | undefined): boolean {
  if (!order || order.status === "canceled") return false
  const due = amountToFen(order.total ?? 0)
  if (due <= 0) return true
  const captured = (order.payment_collections ?? []).reduce(
    (sum, collection) =>
      collection && collection.status !== "canceled" ? sum + amountToFen(collection.captured_amount ?? 0) : sum,
    0
  )
  return captured >= due
}
