import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Membership } from "./models/membership"
import { MembershipPeriod } from "./models/membership-period"
import { MembershipPlan } from "./models/membership-plan"
import { replayTimeline, statusAt, type MembershipStatus } from "./timeline"

export type MembershipDTO = InferTypeOf<typeof Membership>
export type MembershipPeriodDTO = InferTypeOf<typeof MembershipPeriod>
export type MembershipPlanDTO = InferTypeOf<typeof MembershipPlan>

/** What a membership row looked like before a change: enough to put it back (compensation). */
export type MembershipSnapshot = {
  id: string
  plan_handle: string
  status: MembershipStatus
  starts_at: Date
  ends_at: Date | null
  periods: { id: string; starts_at: Date; ends_at: Date | null; revoked_at: Date | null; revoked_reason: string | null }[]
}

/** Who may open member-only content: any active membership, or one of some plans. */
export type MembershipAccess = { allowed: boolean; ends_at: Date | null }

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null)

class MembershipModuleService extends MedusaService({ MembershipPlan, Membership, MembershipPeriod }) {
  /** The customer's membership row (any status), or null. */
  async membershipOf(customerId: string): Promise<MembershipDTO | null> {
    const [found] = await this.listMemberships({ customer_id: customerId })
    return found ?? null
  }

  /** Active and not past its end at `now` (the expiry job may not have run yet). */
  isCurrent(membership: Pick<MembershipDTO, "status" | "ends_at"> | null, now: Date): boolean {
    if (!membership || membership.status !== "active") return false
    const end = time(membership.ends_at)
    return end === null || end > now.getTime()
  }

  /**
   * The plans whose live periods cover `now` (more than one when a lifetime plan sits beside a
   * renewal, or a higher plan was bought during a lower one).
   *
   * Plan-gated access rule: a live (non-revoked) period opens its plan's content from the moment
   * it was bought (`purchased_at`) until its `ends_at` (forever when null), not only from its
   * place on the timeline (`starts_at`). The timeline lays purchases back to back so days are
   * never lost, but a member who buys a higher plan while a lower one runs gets the higher
   * plan's content at once; the lower plan's content stays open until its own period ends.
   */
  async plansCovering(membershipId: string, now: Date): Promise<string[]> {
    const periods = await this.listMembershipPeriods({ membership_id: membershipId, revoked_at: null })
    return [
      ...new Set(
        periods
          .filter((p) => {
            const bought = time(p.purchased_at)!
            const end = time(p.ends_at)
            return bought <= now.getTime() && (end === null || end > now.getTime())
          })
          .map((p) => p.plan_handle)
      ),
    ]
  }

  /**
   * Member-only content: without `plans` any current membership opens it; with `plans`,
   * only a live period of one of those plans that covers now.
   */
  async memberAccess(customerId: string, plans: string[] | null, now: Date = new Date()): Promise<MembershipAccess> {
    const membership = await this.membershipOf(customerId)
    if (!membership || !this.isCurrent(membership, now)) return { allowed: false, ends_at: null }
    if (plans === null) return { allowed: true, ends_at: membership.ends_at ? new Date(membership.ends_at) : null }
    const covering = await this.plansCovering(membership.id, now)
    const allowed = covering.some((handle) => plans.includes(handle))
    return { allowed, ends_at: allowed && membership.ends_at ? new Date(membership.ends_at) : null }
  }

  /** The row and its periods as they are, for a compensation to restore. */
  async snapshot(membershipId: string): Promise<MembershipSnapshot> {
    const membership = await this.retrieveMembership(membershipId, { relations: ["periods"] })
    return {
      id: membership.id,
      plan_handle: membership.plan_handle,
      status: membership.status,
      starts_at: new Date(membership.starts_at),
      ends_at: membership.ends_at ? new Date(membership.ends_at) : null,
      periods: (membership.periods ?? []).map((p) => ({
        id: p.id,
        starts_at: new Date(p.starts_at),
        ends_at: p.ends_at ? new Date(p.ends_at) : null,
        revoked_at: p.revoked_at ? new Date(p.revoked_at) : null,
        revoked_reason: p.revoked_reason ?? null,
      })),
    }
  }

  /** Puts a membership and its periods back as a snapshot recorded them. */
  async restore(snapshot: MembershipSnapshot): Promise<void> {
    const { periods, ...row } = snapshot
    await this.updateMemberships(row)
    if (periods.length) await this.updateMembershipPeriods(periods)
  }

  /**
   * Re-lays the membership's live periods (see ../timeline.ts) and stores the result:
   * each period's starts_at/ends_at and the membership's plan, dates and status at `now`.
   */
  async replay(membershipId: string, now: Date): Promise<MembershipDTO> {
    const periods = await this.listMembershipPeriods({ membership_id: membershipId })
    const timeline = replayTimeline(periods)
    if (timeline.periods.length) {
      await this.updateMembershipPeriods(
        timeline.periods.map((p) => ({ id: p.id, starts_at: p.starts_at, ends_at: p.ends_at }))
      )
    }
    const current = await this.retrieveMembership(membershipId)
    return await this.updateMemberships({
      id: membershipId,
      status: statusAt(timeline, now),
      plan_handle: timeline.plan_handle ?? current.plan_handle,
      starts_at: timeline.starts_at ?? current.starts_at,
      // Nothing live (all revoked): keep the last dates for the record.
      ends_at: timeline.live ? timeline.ends_at : current.ends_at,
    })
  }

  /**
   * Expires these memberships, but only those that are STILL active with ends_at <= asOf when
   * the row is written (one conditional UPDATE): a renewal that moved ends_at after the
   * caller looked them up is not overwritten. Returns the rows it changed.
   */
  @InjectManager()
  async expireIfDue(
    ids: string[],
    asOf: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string }[]> {
    if (!ids.length) return []
    return await this.setStatusWhere_(
      ids,
      "expired",
      `"status" = 'active' and "ends_at" is not null and "ends_at" <= ?`,
      asOf,
      sharedContext
    )
  }

  /**
   * Makes these memberships active again, but only those that are STILL expired with an
   * ends_at after asOf (or lifetime) when the row is written. Heals an expiry run with a
   * mistaken future time. Returns the rows it changed.
   */
  @InjectManager()
  async reactivateIfCurrent(
    ids: string[],
    asOf: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string }[]> {
    if (!ids.length) return []
    return await this.setStatusWhere_(
      ids,
      "active",
      `"status" = 'expired' and ("ends_at" is null or "ends_at" > ?)`,
      asOf,
      sharedContext
    )
  }

  protected async setStatusWhere_(
    ids: string[],
    status: MembershipStatus,
    condition: string,
    asOf: Date,
    sharedContext: Context
  ): Promise<{ id: string; customer_id: string }[]> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
      execute: (sql: string, params: unknown[], method: "all") => Promise<{ id: string; customer_id: string }[]>
    }
    const rows = await manager.execute(
      `update "membership" set "status" = ?, "updated_at" = now()
        where "id" in (${ids.map(() => "?").join(", ")}) and "deleted_at" is null and ${condition}
        returning "id", "customer_id"`,
      [status, ...ids, asOf],
      "all"
    )
    return rows.map((r) => ({ id: r.id, customer_id: r.customer_id }))
  }
}

export default MembershipModuleService
