/**
 * The renewal rule, in one place (pure, no Medusa calls):
 *
 * A member's timeline is the REPLAY of their non-revoked purchases (periods) in purchase
 * order. Each period starts at the later of its purchase time and the end of the period
 * before it, and lasts its `days`; a lifetime period never ends. So
 *  - buying while active EXTENDS from the current expiry (never overlapping, never losing days);
 *  - buying after a lapse starts at the purchase time;
 *  - revoking one purchase (refund, cancel) and replaying removes exactly its days: the
 *    periods after it move up, nothing else changes;
 *  - once a lifetime period is in the chain, later periods add nothing (they are recorded
 *    at their purchase time for the books).
 */
export const DAY_MS = 24 * 60 * 60 * 1000

export type TimelinePeriod = {
  id: string
  plan_handle: string
  /** Days bought; null for lifetime. */
  days: number | null
  purchased_at: Date | string
  revoked_at?: Date | string | null
}

export type PlacedPeriod = { id: string; starts_at: Date; ends_at: Date | null }

export type Timeline = {
  /** Where each live (non-revoked) period sits. */
  periods: PlacedPeriod[]
  /** Start of the current unbroken stretch; null when nothing is live. */
  starts_at: Date | null
  /** End of the last live period; null when lifetime (or nothing is live: see `live`). */
  ends_at: Date | null
  /** Plan of the period that decides ends_at (the lifetime one, else the last). */
  plan_handle: string | null
  live: boolean
}

const ms = (value: Date | string) => new Date(value).getTime()

/** Lays the live periods back to back in purchase order (ties by id). */
export function replayTimeline(periods: TimelinePeriod[]): Timeline {
  const live = periods
    .filter((p) => !p.revoked_at)
    .sort((a, b) => ms(a.purchased_at) - ms(b.purchased_at) || a.id.localeCompare(b.id))
  const placed: PlacedPeriod[] = []
  let cursor: number | null = null // end of the chain so far
  let forever = false
  let runStart: number | null = null
  let plan: string | null = null
  for (const period of live) {
    const bought = ms(period.purchased_at)
    if (forever) {
      // Lifetime already: recorded, adds nothing.
      placed.push({
        id: period.id,
        starts_at: new Date(bought),
        ends_at: period.days === null ? null : new Date(bought + period.days * DAY_MS),
      })
      continue
    }
    const start = cursor !== null && cursor > bought ? cursor : bought
    if (cursor === null || start > cursor) runStart = start
    if (period.days === null) {
      forever = true
      placed.push({ id: period.id, starts_at: new Date(start), ends_at: null })
    } else {
      const end = start + period.days * DAY_MS
      cursor = end
      placed.push({ id: period.id, starts_at: new Date(start), ends_at: new Date(end) })
    }
    plan = period.plan_handle
  }
  return {
    periods: placed,
    starts_at: runStart === null ? null : new Date(runStart as number),
    ends_at: forever || cursor === null ? null : new Date(cursor),
    plan_handle: plan,
    live: live.length > 0,
  }
}

export type MembershipStatus = "active" | "expired" | "revoked"

/** revoked when nothing is live, expired when the end has passed, else active. */
export function statusAt(timeline: Pick<Timeline, "live" | "ends_at">, now: Date): MembershipStatus {
  if (!timeline.live) return "revoked"
  if (timeline.ends_at !== null && timeline.ends_at.getTime() <= now.getTime()) return "expired"
  return "active"
}

/** Whole days left, rounded up; null for lifetime; 0 once ended. */
export function daysLeft(endsAt: Date | string | null, now: Date): number | null {
  if (endsAt === null) return null
  return Math.max(0, Math.ceil((ms(endsAt) - now.getTime()) / DAY_MS))
}
