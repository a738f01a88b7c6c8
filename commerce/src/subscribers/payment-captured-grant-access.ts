import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantAccessForCapturedPaymentWorkflow } from "../workflows/checkout/grant-access-for-captured-payment"

/** Captured money grants what the order bought: courses, bundles, membership periods. */
export default async function paymentCapturedGrantAccess({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantAccessForCapturedPaymentWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "grant-access-on-payment-captured" },
}
