// POST /admin/memberships/remind-expiring — send the "expiring in 7 days" emails now, or as of a chosen time ({ as_of }) → { reminded, already_reminded, failed, as_of }
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { remindExpiringMembershipsWorkflow } from "../../../../workflows/membership/remind-expiring-memberships"
import type { PostRemindExpiring } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<PostRemindExpiring>, res: MedusaResponse) {
  const asOf = req.validatedBody?.as_of
  const { result } = await remindExpiringMembershipsWorkflow(req.scope).run({
    input: { now: asOf ? new Date(asOf) : new Date() },
  })
  res.json(result)
}
