import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revokeEntitlementsForRefundWorkflow } from "../workflows/learning/revoke-entitlements-for-refund"

/**
 * `payment.refunded` carries the payment id: the workflow maps it to the order and revokes on a
 * full refund. With the system provider (pp_system_default) a placed order's payment is only
 * authorized; an operator refunds with POST /admin/payments/:id/capture, then
 * POST /admin/payments/:id/refund (body {} for everything, or { amount } in yuan for part).
 */
export default async function paymentRefundedRevokeEntitlements({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeEntitlementsForRefundWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "revoke-entitlements-on-payment-refunded" },
}
