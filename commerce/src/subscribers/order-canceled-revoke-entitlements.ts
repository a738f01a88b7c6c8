import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revokeEntitlementsForOrderWorkflow } from "../workflows/learning/revoke-entitlements-for-order"

/** A canceled order takes back everything it granted. */
export default async function orderCanceledRevokeEntitlements({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeEntitlementsForOrderWorkflow(container).run({ input: { order_id: event.data.id, reason: "canceled" } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "revoke-entitlements-on-order-canceled" },
}
