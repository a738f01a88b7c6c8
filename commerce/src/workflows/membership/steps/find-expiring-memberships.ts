import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import { DAY_MS } from "../../../modules/membership/timeline"

export type ExpiringMembership = { membership_id: string; customer_id: string; plan_handle: string; ends_at: string }

/** Active memberships that end after `now` and within `within_days` of it (lifetime ones never end). */
export const findExpiringMembershipsStep = createStep(
  "find-expiring-memberships",
  async (input: { now: Date | string; within_days: number }, { container }) => {
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = new Date(input.now)
    const until = new Date(now.getTime() + input.within_days * DAY_MS)
    const due = await memberships.listMemberships(
      { status: "active", ends_at: { $gt: now, $lte: until } },
      { select: ["id", "customer_id", "plan_handle", "ends_at"], order: { ends_at: "ASC" } }
    )
    return new StepResponse(
      due
        .filter((m) => m.ends_at)
        .map((m): ExpiringMembership => ({
          membership_id: m.id,
          customer_id: m.customer_id,
          plan_handle: m.plan_handle,
          ends_at: new Date(m.ends_at!).toISOString(),
        }))
    )
  }
)
