// GET /admin/memberships — members with email, plan, status and end; ?expiring_within_days=7 for renewals to chase
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import { DAY_MS, daysLeft } from "../../../modules/membership/timeline"
import type { ListMembershipsQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, ListMembershipsQuery>, res: MedusaResponse) {
  const memberships: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const { expiring_within_days, status, limit, offset } = req.validatedQuery as ListMembershipsQuery
  const now = new Date()
  const filters: Record<string, unknown> = status ? { status } : {}
  if (expiring_within_days !== undefined) {
    filters.status = "active"
    filters.ends_at = { $gt: now, $lte: new Date(now.getTime() + expiring_within_days * DAY_MS) }
  }
  // The customer comes through the read-only link (src/links/membership-customer.ts).
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "membership",
    fields: ["id", "customer_id", "plan_handle", "status", "starts_at", "ends_at", "customer.email"],
    filters,
    pagination: { take: limit, skip: offset, order: { ends_at: "ASC", id: "ASC" } },
  })
  type Row = { id: string; customer_id: string; plan_handle: string; status: string; starts_at: Date; ends_at: Date | null; customer?: { email?: string } | null }
  const rows = data as Row[]
  const count = metadata?.count ?? rows.length
  const plans = await memberships.listMembershipPlans({}, { withDeleted: true })
  const planByHandle = new Map(plans.map((p) => [p.handle, p]))

  res.json({
    memberships: rows.map((m) => ({
      id: m.id,
      customer_id: m.customer_id,
      email: m.customer?.email ?? null,
      plan: { handle: m.plan_handle, title: planByHandle.get(m.plan_handle)?.title ?? m.plan_handle },
      status: m.status,
      starts_at: m.starts_at,
      ends_at: m.ends_at,
      days_left: m.status === "active" ? daysLeft(m.ends_at, now) : null,
    })),
    count,
    limit,
    offset,
  })
}
