import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import { findMembersGroup } from "../member-pricing"

export type MembersGroupChange = { group_id: string | null; add: string[]; remove: string[] }

/**
 * Read-only: which of these customers must join or leave the `members` group so that the
 * group holds exactly the customers whose membership is active.
 */
export const planMembersGroupChangeStep = createStep(
  "plan-members-group-change",
  async (input: { customer_ids: string[] }, { container }) => {
    const ids = [...new Set(input.customer_ids.filter(Boolean))]
    const group = ids.length ? await findMembersGroup(container) : null
    if (!group) return new StepResponse<MembersGroupChange>({ group_id: null, add: [], remove: [] })

    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const rows = await memberships.listMemberships({ customer_id: ids }, { select: ["customer_id", "status"] })
    const active = new Set(rows.filter((m) => m.status === "active").map((m) => m.customer_id))

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: ids } })
    const change: MembersGroupChange = { group_id: group.id, add: [], remove: [] }
    for (const customer of customers as { id: string; groups?: ({ id: string } | null)[] | null }[]) {
      const inGroup = (customer.groups ?? []).some((g) => g?.id === group.id)
      if (active.has(customer.id) && !inGroup) change.add.push(customer.id)
      if (!active.has(customer.id) && inGroup) change.remove.push(customer.id)
    }
    return new StepResponse(change)
  }
)
