import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireDueMembershipsStep } from "./steps/expire-due-memberships"
import { syncMembersGroupWorkflow } from "./sync-members-group"

export type ExpireMembershipsInput = {
  /**
   * The injectable clock: statuses are refreshed as of this time (ends_at <= now: expired;
   * ends_at > now or lifetime: active again). Defaults to the real time, so a run with a
   * mistaken future time is undone by the next real run (the hourly job).
   */
  now?: Date | string
}

/**
 * Membership status refresh as of `now`: ends active memberships whose time is up, re-activates
 * expired ones whose time is not up (yet again), and syncs those customers' `members` group.
 * Revoked memberships are left alone.
 */
export const expireMembershipsWorkflow = createWorkflow(
  "expire-memberships",
  (input: WorkflowData<ExpireMembershipsInput>) => {
    const stepInput = transform({ input }, ({ input }) => ({ now: input.now ? new Date(input.now) : new Date() }))
    const due = expireDueMembershipsStep(stepInput)
    const syncInput = transform({ due }, ({ due }) => ({ customer_ids: due.customer_ids }))
    syncMembersGroupWorkflow.runAsStep({ input: syncInput })
    const result = transform({ due }, ({ due }) => ({
      expired: due.expired_ids.length,
      reactivated: due.reactivated_ids.length,
      customer_ids: due.customer_ids,
    }))
    return new WorkflowResponse(result)
  }
)
