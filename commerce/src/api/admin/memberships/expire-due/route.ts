// POST /admin/memberships/expire-due — run the expiry now, or as of a chosen time ({ as_of }) → { expired, reactivated }
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expireMembershipsWorkflow } from "../../../../workflows/membership/expire-memberships"
import type { PostExpireDue } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<PostExpireDue>, res: MedusaResponse) {
  const asOf = req.validatedBody?.as_of
  const { result } = await expireMembershipsWorkflow(req.scope).run({
    input: { now: asOf ? new Date(asOf) : new Date() },
  })
  res.json({ expired: result.expired, reactivated: result.reactivated, as_of: (asOf ? new Date(asOf) : new Date()).toISOString() })
}
