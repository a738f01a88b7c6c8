import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderReceiptWorkflow } from "../workflows/notifications/send-order-receipt"

/** Captured money: email the receipt (once per order, when it is paid in full). */
export default async function paymentCapturedSendReceipt({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendOrderReceiptWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "send-receipt-on-payment-captured" },
}
