import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { amountToFen } from "@community/contracts"
import { isOrderPaid, ORDER_PAID_FIELDS } from "../../lib/order-paid"
import { storefrontUrl } from "../../lib/mail/storefront-url"
import { mailLocale, orderReceiptMail, storefrontLink } from "../../lib/mail/templates"
import { sendEmailsStep, type EmailToSend } from "./steps/send-emails"

export type SendOrderReceiptInput = { payment_id: string }

type ReceiptOrder = {
  id: string
  display_id?: number | null
  email?: string | null
  total?: unknown
  metadata?: Record<string, unknown> | null
  customer?: { id?: string; metadata?: Record<string, unknown> | null } | null
  items?: ({ title?: string | null; product_title?: string | null; quantity?: unknown; unit_price?: unknown; total?: unknown } | null)[] | null
}

/**
 * The receipt for an order whose payment was captured (items, unit prices, total) in the
 * buyer's language, once per order: a second capture or a redelivered event sends nothing.
 * Nothing is sent while the order is not paid in full.
 */
export const sendOrderReceiptWorkflow = createWorkflow(
  "send-order-receipt",
  (input: WorkflowData<SendOrderReceiptInput>) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    const collectionIds = transform({ payments }, ({ payments }) => {
      const ids = payments.map((p: { payment_collection_id?: string | null }) => p.payment_collection_id).filter((id): id is string => !!id)
      return ids.length ? ids : ["paycol_none"]
    })
    const { data: links } = useQueryGraphStep({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: collectionIds },
    }).config({ name: "get-receipt-order-link" })
    const orderIds = transform({ links }, ({ links }) => {
      const id = (links[0] as { order_id?: string } | undefined)?.order_id
      return id ? [id] : ["order_none"]
    })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "email",
        "metadata",
        "customer.id",
        "customer.metadata",
        "items.title",
        "items.product_title",
        "items.quantity",
        "items.unit_price",
        "items.total",
        ...ORDER_PAID_FIELDS,
      ],
      filters: { id: orderIds },
    }).config({ name: "get-receipt-order" })

    const emails = transform({ orders }, ({ orders }): EmailToSend[] => {
      const order = orders[0] as ReceiptOrder | undefined
      if (!order?.email || !isOrderPaid(order as never)) return []
      const locale = mailLocale(order.customer?.metadata?.locale ?? order.metadata?.locale)
      const lines = (order.items ?? [])
        .filter((item): item is NonNullable<typeof item> => !!item)
        .map((item) => ({
          title: item.product_title || item.title || "—",
          quantity: Number(item.quantity ?? 1),
          unit_price_fen: amountToFen(item.unit_price ?? 0),
          total_fen: amountToFen(item.total ?? 0),
        }))
      return [
        {
          to: order.email,
          template: "order-receipt",
          content: orderReceiptMail({
            locale,
            display_id: order.display_id ?? order.id,
            lines,
            total_fen: amountToFen(order.total ?? 0),
            account_url: storefrontLink(storefrontUrl(), "/account", locale),
          }),
          data: { locale, order_id: order.id },
          idempotency_key: `order-receipt:${order.id}`,
          resource_id: order.id,
          resource_type: "order",
          receiver_id: order.customer?.id,
          trigger_type: "payment.captured",
        },
      ]
    })
    const sent = sendEmailsStep({ emails })
    return new WorkflowResponse(sent)
  }
)
