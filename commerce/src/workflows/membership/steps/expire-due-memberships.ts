import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"

export type MembershipStatusRefresh = {
  expired_ids: string[]
  reactivated_ids: string[]
  /** Customers whose membership changed status (their `members` group link follows). */
  customer_ids: string[]
}

/**
 * Brings membership statuses in line with time `now` (revoked ones are left alone):
 *  - active with ends_at <= now → expired;
 *  - expired with ends_at > now, or lifetime → active again (heals a run with a future time).
 * The lookup only picks candidates; each write re-checks ends_at in the same UPDATE, so a
 * renewal that lands in between is never overwritten.
 */
export const expireDueMembershipsStep = createStep(
  "expire-due-memberships",
  async (input: { now: Date | string }, { container }) => {
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = new Date(input.now)
    const due = await memberships.listMemberships(
      { status: "active", ends_at: { $lte: now } },
      { select: ["id", "customer_id"] }
    )
    const back = await memberships.listMemberships(
      { status: "expired", $or: [{ ends_at: null }, { ends_at: { $gt: now } }] },
      { select: ["id", "customer_id"] }
    )
    const expired = await memberships.expireIfDue(
      due.map((m) => m.id),
      now
    )
    const reactivated = await memberships.reactivateIfCurrent(
      back.map((m) => m.id),
      now
    )
    const result: MembershipStatusRefresh = {
      expired_ids: expired.map((m) => m.id),
      reactivated_ids: reactivated.map((m) => m.id),
      customer_ids: [...expired, ...reactivated].map((m) => m.customer_id),
    }
    return new StepResponse(result, { expired_ids: result.expired_ids, reactivated_ids: result.reactivated_ids })
  },
  async (changed, { container }) => {
    if (!changed) return
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const undo = [
      ...changed.expired_ids.map((id) => ({ id, status: "active" as const })),
      ...changed.reactivated_ids.map((id) => ({ id, status: "expired" as const })),
    ]
    if (undo.length) await memberships.updateMemberships(undo)
  }
)
