import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantMembershipForOrderWorkflow } from "../workflows/grant-membership-for-order"

/** A placed order starts or extends the buyer's membership for each plan it paid for. */
export default async function orderPlacedGrantMembership({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantMembershipForOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "grant-membership-on-order-placed" },
}
