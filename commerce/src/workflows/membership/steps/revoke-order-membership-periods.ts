import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { MembershipSnapshot } from "../../../modules/membership/service"

export type RevokeOrderMembershipPeriodsInput = {
  order_id: string
  /** Stored on the periods, e.g. "refund" or "canceled". */
  reason: string
  now: Date | string
}

/**
 * Revokes the order's periods that are not revoked yet and replays each affected membership:
 * later periods move up by exactly the revoked days; with nothing left the membership is revoked.
 */
export const revokeOrderMembershipPeriodsStep = createStep(
  "revoke-order-membership-periods",
  async (input: RevokeOrderMembershipPeriodsInput, { container }) => {
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = new Date(input.now)
    const held = await memberships.listMembershipPeriods(
      { order_id: input.order_id, revoked_at: null },
      { select: ["id", "membership_id"] }
    )
    if (!held.length) {
      return new StepResponse({ revoked_ids: [] as string[], customer_ids: [] as string[] }, [] as MembershipSnapshot[])
    }
    const membershipIds = [...new Set(held.map((p) => p.membership_id as string))]
    const snapshots = await Promise.all(membershipIds.map((id) => memberships.snapshot(id)))
    await memberships.updateMembershipPeriods(
      held.map((p) => ({ id: p.id, revoked_at: now, revoked_reason: input.reason }))
    )
    const customerIds: string[] = []
    for (const id of membershipIds) {
      const replayed = await memberships.replay(id, now)
      customerIds.push(replayed.customer_id)
    }
    return new StepResponse({ revoked_ids: held.map((p) => p.id), customer_ids: customerIds }, snapshots)
  },
  async (snapshots, { container }) => {
    if (!snapshots?.length) return
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    for (const snapshot of snapshots) await memberships.restore(snapshot)
  }
)
