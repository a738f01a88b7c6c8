import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantEntitlementsForOrderWorkflow } from "../workflows/grant-entitlements-for-order"

/** A placed order grants the courses and lesson bundles it paid for. */
export default async function orderPlacedGrantEntitlements({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantEntitlementsForOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "grant-entitlements-on-order-placed" },
}
