import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { amountToFen } from "@community/contracts"
import { isDigitalGood } from "./digital-goods"
import { grantEntitlementsForOrderWorkflow } from "../learning/grant-entitlements-for-order"
import { deliverDigitalOrderWorkflow } from "./deliver-digital-order"
import { grantMembershipForOrderWorkflow } from "../membership/grant-membership-for-order"
import { orderProductIds } from "../../lib/order-product-ids"
import { capturePaymentsStep } from "./steps/capture-payments"

export type CaptureDigitalOrderInput = { order_id: string }

type OrderToCapture = {
  id: string
  total?: unknown
  status?: string | null
  items?: ({ product_id?: string | null } | null)[] | null
  payment_collections?:
    | ({ payments?: ({ id: string; captured_at?: unknown; canceled_at?: unknown } | null)[] | null } | null)[]
    | null
}

/**
 * Digital goods (courses, bundles, membership plans) are delivered the moment they are paid
 * for, so their payment is captured right after the order is placed: `payment.captured` then
 * grants access. An order holding anything else is left authorized for an operator to
 * capture. A ¥0 order has nothing to capture and is granted at once.
 */
export const captureDigitalOrderWorkflow = createWorkflow(
  "capture-digital-order",
  (input: WorkflowData<CaptureDigitalOrderInput>) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "total",
        "status",
        "items.product_id",
        "payment_collections.payments.id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const productIds = transform({ orders }, ({ orders }) => orderProductIds(orders[0] as OrderToCapture))
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }).config({ name: "get-order-products-to-capture" })

    const plan = transform({ orders, products }, ({ orders, products }) => {
      const order = orders[0] as OrderToCapture
      const byId = new Map((products as { id: string; metadata?: Record<string, unknown> | null }[]).map((p) => [p.id, p]))
      const lines = (order.items ?? []).filter((item) => !!item)
      const digitalOnly =
        lines.length > 0 && lines.every((item) => !!item?.product_id && isDigitalGood(byId.get(item.product_id)?.metadata))
      const due = amountToFen(order.total ?? 0)
      const paymentIds =
        digitalOnly && due > 0 && order.status !== "canceled"
          ? (order.payment_collections ?? [])
              .flatMap((collection) => collection?.payments ?? [])
              .filter((payment): payment is { id: string } => !!payment && !payment.captured_at && !payment.canceled_at)
              .map((payment) => payment.id)
          : []
      return { paymentIds, nothingDue: digitalOnly && due <= 0 && order.status !== "canceled" }
    })

    const paymentIds = transform({ plan }, ({ plan }) => plan.paymentIds)
    const captured = capturePaymentsStep(paymentIds)

    when("grant-when-nothing-due", { plan }, ({ plan }) => plan.nothingDue).then(() => {
      grantEntitlementsForOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
      grantMembershipForOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
      deliverDigitalOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
    })
    return new WorkflowResponse({ captured_payment_ids: captured })
  }
)
