import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeOrderMembershipPeriodsStep } from "./steps/revoke-order-membership-periods"
import { syncMembersGroupWorkflow } from "./sync-members-group"

export type RevokeMembershipForOrderInput = {
  order_id: string
  /** Why, kept on the periods: "canceled", "refund", … Defaults to "revoked". */
  reason?: string
  now?: Date | string
}

/** Takes back the membership days an order bought (shortening, or revoking when nothing is left) and updates `members`; safe to repeat. */
export const revokeMembershipForOrderWorkflow = createWorkflow(
  "revoke-membership-for-order",
  (input: WorkflowData<RevokeMembershipForOrderInput>) => {
    const revokeInput = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      reason: input.reason ?? "revoked",
      now: input.now ? new Date(input.now) : new Date(),
    }))
    const revoked = revokeOrderMembershipPeriodsStep(revokeInput)
    const syncInput = transform({ revoked }, ({ revoked }) => ({ customer_ids: revoked.customer_ids }))
    syncMembersGroupWorkflow.runAsStep({ input: syncInput })
    return new WorkflowResponse(revoked)
  }
)
