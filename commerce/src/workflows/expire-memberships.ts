import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireDueMembershipsStep } from "./steps/expire-due-memberships"
import { syncMembersGroupWorkflow } from "./sync-members-group"

export type ExpireMembershipsInput = {
  /** The injectable clock: memberships with ends_at <= now expire. Defaults to the real time. */
  now?: Date | string
}

/** Ends active memberships whose time is up and takes those customers out of `members`. */
export const expireMembershipsWorkflow = createWorkflow(
  "expire-memberships",
  (input: WorkflowData<ExpireMembershipsInput>) => {
    const stepInput = transform({ input }, ({ input }) => ({ now: input.now ? new Date(input.now) : new Date() }))
    const due = expireDueMembershipsStep(stepInput)
    const syncInput = transform({ due }, ({ due }) => ({ customer_ids: due.customer_ids }))
    syncMembersGroupWorkflow.runAsStep({ input: syncInput })
    const result = transform({ due }, ({ due }) => ({ expired: due.expired_ids.length, customer_ids: due.customer_ids }))
    return new WorkflowResponse(result)
  }
)
