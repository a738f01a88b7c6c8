import type { MedusaContainer } from "@medusajs/framework/types"
import { remindExpiringMembershipsWorkflow } from "../workflows/membership/remind-expiring-memberships"

/** Daily: "membership expiring in 7 days" emails (real clock), each sent once. Operators can run it with POST /admin/memberships/remind-expiring. */
export default async function remindExpiringMembershipsJob(container: MedusaContainer) {
  await remindExpiringMembershipsWorkflow(container).run({ input: { now: new Date() } })
}

export const config = {
  name: "remind-expiring-memberships",
  // 09:00 UTC is 17:00 in China: read the same evening.
  schedule: "0 9 * * *",
}
