// GET /store/membership-plans — the active membership plans, shortest first
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { ListMembershipPlansQuery } from "./validators"

const intervalOrder = ["month", "quarter", "year", "lifetime"]

export async function GET(
  req: MedusaRequest<unknown, ListMembershipPlansQuery>,
  res: MedusaResponse
) {
  const membership: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const { interval } = req.validatedQuery as ListMembershipPlansQuery
  const plans = await membership.listMembershipPlans({
    is_active: true,
    ...(interval ? { interval } : {}),
  })
  plans.sort((a, b) => intervalOrder.indexOf(a.interval) - intervalOrder.indexOf(b.interval))
  res.json({ membership_plans: plans })
}
