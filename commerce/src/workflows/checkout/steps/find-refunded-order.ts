import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundTotals, type PaymentAmounts } from "../../../modules/entitlement/rules"

export type RefundedOrder = {
  /** The order the refunded payment paid for; null when the payment belongs to no order. */
  order_id: string | null
  captured_fen: number
  refunded_fen: number
  fully_refunded: boolean
}

/** Maps a refunded payment to its order and totals what was captured and refunded for that order. */
export const findRefundedOrderStep = createStep(
  "find-refunded-order",
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: payments } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    const collectionId = payments[0]?.payment_collection_id
    const none: RefundedOrder = { order_id: null, captured_fen: 0, refunded_fen: 0, fully_refunded: false }
    if (!collectionId) return new StepResponse(none)

    const { data: links } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: collectionId },
    })
    const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
    if (!orderId) return new StepResponse(none)

    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: orderId },
    })
    const payments_ = (orders[0]?.payment_collections ?? []).flatMap(
      (pc: { payments?: (PaymentAmounts | null)[] | null } | null) => pc?.payments ?? []
    )
    return new StepResponse({ order_id: orderId, ...refundTotals(payments_) })
  }
)
