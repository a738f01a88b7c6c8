import type { MedusaContainer } from "@medusajs/framework/types"
import { expireMembershipsWorkflow } from "../workflows/membership/expire-memberships"

/** Hourly: ends memberships whose time is up (real clock). Operators can run it at any time with POST /admin/memberships/expire-due. */
export default async function expireMembershipsJob(container: MedusaContainer) {
  await expireMembershipsWorkflow(container).run({ input: { now: new Date() } })
}

export const config = {
  name: "expire-memberships",
  schedule: "0 * * * *",
}
