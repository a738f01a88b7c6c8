// GET /store/customers/me/membership — the signed-in customer's membership (plan, status, dates, days left), or null
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../../modules/membership"
import type MembershipModuleService from "../../../../../modules/membership/service"
import { daysLeft } from "../../../../../modules/membership/timeline"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const memberships: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const now = new Date()
  const membership = await memberships.membershipOf(req.auth_context.actor_id)
  if (!membership) {
    res.json({ membership: null })
    return
  }
  // The plan that covers today (a renewal of another plan may follow); else the latest bought.
  const covering = memberships.isCurrent(membership, now) ? await memberships.plansCovering(membership.id, now) : []
  const handle = covering[0] ?? membership.plan_handle
  const [plan] = await memberships.listMembershipPlans({ handle }, { withDeleted: true })
  // Past its end but not yet swept by the hourly expiry job: already expired for the customer.
  const status = membership.status === "active" && !memberships.isCurrent(membership, now) ? "expired" : membership.status
  res.json({
    membership: {
      plan: { handle, title: plan?.title ?? handle, interval: plan?.interval ?? null },
      status,
      starts_at: membership.starts_at,
      ends_at: membership.ends_at,
      days_left: status === "active" ? daysLeft(membership.ends_at, now) : membership.ends_at === null ? null : 0,
    },
  })
}
