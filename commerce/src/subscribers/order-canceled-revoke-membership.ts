import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revokeMembershipForOrderWorkflow } from "../workflows/membership/revoke-membership-for-order"

/** A canceled order takes back the membership days it bought. */
export default async function orderCanceledRevokeMembership({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeMembershipForOrderWorkflow(container).run({ input: { order_id: event.data.id, reason: "canceled" } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "revoke-membership-on-order-canceled" },
}
