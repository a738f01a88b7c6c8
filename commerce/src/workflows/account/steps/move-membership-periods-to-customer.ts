import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { MembershipSnapshot } from "../../../modules/membership/service"

type Compensation = {
  /** The claimant's membership row was created here: delete it. */
  created_membership_id: string | null
  snapshots: MembershipSnapshot[]
  moved: { id: string; membership_id: string }[]
} | null

/**
 * Moves every period of the guests' memberships onto the claiming customer's membership
 * (created if they have none) and replays both timelines: the guest's days are added to the
 * member's, laid end to end in purchase order as if bought by them, none lost and none
 * doubled. The guests' rows keep nothing live, so they end up revoked.
 */
export const moveMembershipPeriodsToCustomerStep = createStep(
  "move-membership-periods-to-customer",
  async (input: { membership_ids: string[]; customer_id: string; now?: Date | string }, { container }) => {
    if (!input.membership_ids.length) return new StepResponse({ period_ids: [] as string[] }, null as Compensation)
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const periods = await memberships.listMembershipPeriods(
      { membership_id: input.membership_ids },
      { select: ["id", "membership_id", "plan_handle", "purchased_at"] }
    )
    if (!periods.length) return new StepResponse({ period_ids: [] as string[] }, null as Compensation)

    let target = await memberships.membershipOf(input.customer_id)
    let createdId: string | null = null
    const snapshots: MembershipSnapshot[] = []
    if (target) {
      snapshots.push(await memberships.snapshot(target.id))
    } else {
      const first = [...periods].sort((a, b) => new Date(a.purchased_at).getTime() - new Date(b.purchased_at).getTime())[0]
      target = await memberships.createMemberships({
        customer_id: input.customer_id,
        plan_handle: first.plan_handle,
        status: "active",
        starts_at: new Date(first.purchased_at),
        ends_at: new Date(first.purchased_at),
      })
      createdId = target.id
    }
    for (const id of input.membership_ids) snapshots.push(await memberships.snapshot(id))

    const moved = periods.map((p) => ({ id: p.id, membership_id: p.membership_id as string }))
    await memberships.updateMembershipPeriods(moved.map((p) => ({ id: p.id, membership_id: target!.id })))
    await memberships.replay(target.id, now)
    for (const id of input.membership_ids) await memberships.replay(id, now)
    return new StepResponse(
      { period_ids: moved.map((p) => p.id) },
      { created_membership_id: createdId, snapshots, moved } as Compensation
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    if (compensation.moved.length) await memberships.updateMembershipPeriods(compensation.moved)
    for (const snapshot of compensation.snapshots) await memberships.restore(snapshot)
    if (compensation.created_membership_id) await memberships.deleteMemberships(compensation.created_membership_id)
  }
)
