// GET /admin/memberships/revenue — membership revenue per plan: paid_fen of periods that were not revoked
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../modules/membership"
import type MembershipModuleService from "../../../../modules/membership/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const memberships: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const periods = await memberships.listMembershipPeriods({ revoked_at: null }, { select: ["plan_handle", "paid_fen"] })
  const plans = await memberships.listMembershipPlans({}, { withDeleted: true })
  const byPlan = new Map<string, { plan_handle: string; title: string; periods: number; paid_fen: number }>()
  for (const plan of plans) byPlan.set(plan.handle, { plan_handle: plan.handle, title: plan.title, periods: 0, paid_fen: 0 })
  for (const period of periods) {
    const row = byPlan.get(period.plan_handle) ?? { plan_handle: period.plan_handle, title: period.plan_handle, periods: 0, paid_fen: 0 }
    row.periods += 1
    row.paid_fen += period.paid_fen
    byPlan.set(period.plan_handle, row)
  }
  const revenue = [...byPlan.values()].sort((a, b) => b.paid_fen - a.paid_fen || a.plan_handle.localeCompare(b.plan_handle))
  res.json({ revenue, total_fen: revenue.reduce((sum, r) => sum + r.paid_fen, 0) })
}
