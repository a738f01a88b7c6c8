import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revokeMembershipForRefundWorkflow } from "../workflows/membership/revoke-membership-for-refund"

/** A full refund of an order takes back the membership days it bought (partial refunds keep them). */
export default async function paymentRefundedRevokeMembership({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeMembershipForRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "revoke-membership-on-payment-refunded" },
}
