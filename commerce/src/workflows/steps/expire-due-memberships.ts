import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../modules/membership"
import type MembershipModuleService from "../../modules/membership/service"

/** Marks active memberships whose ends_at is at or before `now` as expired (lifetime ones never). */
export const expireDueMembershipsStep = createStep(
  "expire-due-memberships",
  async (input: { now: Date | string }, { container }) => {
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const due = await memberships.listMemberships(
      { status: "active", ends_at: { $lte: new Date(input.now) } },
      { select: ["id", "customer_id"] }
    )
    if (due.length) {
      await memberships.updateMemberships(due.map((m) => ({ id: m.id, status: "expired" as const })))
    }
    const ids = due.map((m) => m.id)
    return new StepResponse({ expired_ids: ids, customer_ids: due.map((m) => m.customer_id) }, ids)
  },
  async (expiredIds, { container }) => {
    if (!expiredIds?.length) return
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    await memberships.updateMemberships(expiredIds.map((id) => ({ id, status: "active" as const })))
  }
)
