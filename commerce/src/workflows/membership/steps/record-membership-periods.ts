import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { MembershipDTO, MembershipSnapshot } from "../../../modules/membership/service"
import type { MembershipGrant } from "../../../modules/membership/rules"

export type RecordMembershipPeriodsInput = MembershipGrant & { now: Date | string }

export type RecordMembershipPeriodsResult = {
  membership: MembershipDTO | null
  created_period_ids: string[]
  /** Lines that already had their period (an earlier run): left as they are. */
  skipped_line_item_ids: string[]
}

type Compensation = {
  membership_id: string
  /** The row did not exist before this step: delete it. */
  created_membership: boolean
  snapshot: MembershipSnapshot | null
  created_period_ids: string[]
} | null

/**
 * Adds one period per plan line that has none yet (line_item_id is unique) to the customer's
 * membership, creating the membership if needed, then replays the timeline: a period bought
 * while active starts at the current ends_at, otherwise at `now`.
 */
export const recordMembershipPeriodsStep = createStep(
  "record-membership-periods",
  async (input: RecordMembershipPeriodsInput, { container }) => {
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = new Date(input.now)
    const none = (membership: MembershipDTO | null, skipped: string[] = []) =>
      new StepResponse<RecordMembershipPeriodsResult, Compensation>(
        { membership, created_period_ids: [], skipped_line_item_ids: skipped },
        null
      )
    if (!input.customer_id || !input.lines.length) return none(null)

    const existing = await memberships.listMembershipPeriods(
      { line_item_id: input.lines.map((l) => l.line_item_id) },
      { select: ["id", "line_item_id"], withDeleted: true }
    )
    const known = new Set(existing.map((p) => p.line_item_id))
    const missing = input.lines.filter((l) => !known.has(l.line_item_id))
    let membership = await memberships.membershipOf(input.customer_id)
    if (!missing.length) return none(membership, [...known])

    let createdMembership = false
    if (!membership) {
      try {
        membership = await memberships.createMemberships({
          customer_id: input.customer_id,
          plan_handle: missing[0].plan_handle,
          status: "active",
          starts_at: now,
          ends_at: now,
        })
        createdMembership = true
      } catch (error) {
        // Another order of the same new customer created the row meanwhile (customer_id is
        // unique): use that one. Any other error, or still no row, is a real failure.
        if (!isUniqueViolation(error)) throw error
        membership = await memberships.membershipOf(input.customer_id)
        if (!membership) throw error
      }
    }
    const snapshot = createdMembership ? null : await memberships.snapshot(membership.id)
    const created = await memberships.createMembershipPeriods(
      missing.map((line) => ({
        membership_id: membership!.id,
        plan_handle: line.plan_handle,
        order_id: input.order_id,
        line_item_id: line.line_item_id,
        days: line.days,
        paid_fen: line.paid_fen,
        purchased_at: now,
        // Placeholders: the replay below lays the period on the timeline.
        starts_at: now,
        ends_at: null,
      }))
    )
    const replayed = await memberships.replay(membership.id, now)
    return new StepResponse<RecordMembershipPeriodsResult, Compensation>(
      { membership: replayed, created_period_ids: created.map((p) => p.id), skipped_line_item_ids: [...known] },
      {
        membership_id: membership.id,
        created_membership: createdMembership,
        snapshot,
        created_period_ids: created.map((p) => p.id),
      }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    if (compensation.created_period_ids.length) await memberships.deleteMembershipPeriods(compensation.created_period_ids)
    if (compensation.created_membership) {
      await memberships.deleteMemberships(compensation.membership_id)
    } else if (compensation.snapshot) {
      await memberships.restore(compensation.snapshot)
    }
  }
)

/** A unique-key conflict, as Postgres (23505), MikroORM or Medusa's error mapper reports it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; type?: unknown; name?: unknown; message?: unknown } | null
  if (!e) return false
  return (
    e.code === "23505" ||
    e.type === MedusaError.Types.DUPLICATE_ERROR ||
    e.name === "UniqueConstraintViolationException" ||
    (typeof e.message === "string" && /already exists|duplicate key/i.test(e.message))
  )
}
