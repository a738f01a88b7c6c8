import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import {
  createFulfillmentWorkflow,
  createRemoteLinkStep,
  registerOrderFulfillmentStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { isOrderPaid, ORDER_PAID_FIELDS } from "../../lib/order-paid"
import { orderProductIds } from "../../lib/order-product-ids"
import { isDigitalGood } from "./digital-goods"
import { ensureDeliveryLocationStep } from "./steps/ensure-delivery-location"

export type DeliverDigitalOrderInput = { order_id: string }

type OrderToDeliver = {
  id: string
  status?: string | null
  total?: unknown
  items?: ({ id: string; title?: string | null; product_id?: string | null; quantity?: unknown; detail?: { fulfilled_quantity?: unknown } | null } | null)[] | null
}

/**
 * A paid order of digital goods only is delivered the moment access is granted, so operators
 * see it "Fulfilled" in the Medusa admin instead of "Not fulfilled" forever: one fulfillment
 * (manual provider, no shipping) from the online-delivery location, registered on the order.
 * Orders holding anything else, unpaid orders and orders already fulfilled are left alone.
 */
export const deliverDigitalOrderWorkflow = createWorkflow(
  "deliver-digital-order",
  (input: WorkflowData<DeliverDigitalOrderInput>) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "items.id", "items.title", "items.product_id", "items.quantity", "items.detail.fulfilled_quantity", ...ORDER_PAID_FIELDS],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const productIds = transform({ orders }, ({ orders }) => orderProductIds(orders[0] as OrderToDeliver))
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }).config({ name: "get-order-products-to-deliver" })

    const undelivered = transform({ orders, products }, ({ orders, products }) => {
      const order = orders[0] as OrderToDeliver
      const byId = new Map((products as { id: string; metadata?: Record<string, unknown> | null }[]).map((p) => [p.id, p]))
      const lines = (order.items ?? []).filter((item): item is NonNullable<typeof item> => !!item)
      const digitalOnly = lines.length > 0 && lines.every((item) => !!item.product_id && isDigitalGood(byId.get(item.product_id)?.metadata))
      if (!digitalOnly || !isOrderPaid(order)) return []
      return lines
        .map((item) => ({ id: item.id, title: item.title ?? "", quantity: Number(item.quantity ?? 1) - Number(item.detail?.fulfilled_quantity ?? 0) }))
        .filter((item) => item.quantity > 0)
    })

    when("deliver-when-undelivered", { undelivered }, ({ undelivered }) => undelivered.length > 0).then(() => {
      const location = ensureDeliveryLocationStep()
      const fulfillmentInput = transform({ undelivered, location }, ({ undelivered, location }) => {
        const now = new Date()
        return {
          location_id: location.id,
          provider_id: "manual_manual",
          delivery_address: {},
          items: undelivered.map((item) => ({ line_item_id: item.id, title: item.title, sku: "", barcode: "", quantity: item.quantity })),
          labels: [],
          order: {},
          requires_shipping: false,
          // Not marked shipped or delivered: an operator can still cancel this fulfillment and
          // then the order (Medusa refuses both once a fulfillment is delivered).
          packed_at: now,
        }
      })
      const fulfillment = createFulfillmentWorkflow.runAsStep({ input: fulfillmentInput })
      const registration = transform({ undelivered, fulfillment, input }, ({ undelivered, fulfillment, input }) => ({
        order_id: input.order_id,
        reference: Modules.FULFILLMENT,
        reference_id: fulfillment.id,
        items: undelivered.map((item) => ({ id: item.id, quantity: item.quantity })),
      }))
      registerOrderFulfillmentStep(registration)
      const link = transform({ fulfillment, input }, ({ fulfillment, input }) => [
        { [Modules.ORDER]: { order_id: input.order_id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfillment.id } },
      ])
      createRemoteLinkStep(link)
    })
    return new WorkflowResponse({ delivered_line_item_ids: transform({ undelivered }, ({ undelivered }) => undelivered.map((i) => i.id)) })
  }
)
