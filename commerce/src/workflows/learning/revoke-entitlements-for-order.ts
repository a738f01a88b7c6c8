import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeOrderEntitlementsStep } from "./steps/revoke-order-entitlements"

export type RevokeEntitlementsForOrderInput = {
  order_id: string
  /** Why, kept on the entitlements: "canceled", "refund", … Defaults to "revoked". */
  reason?: string
}

/** Revokes every entitlement an order granted (a full refund or a cancellation); safe to repeat. */
export const revokeEntitlementsForOrderWorkflow = createWorkflow(
  "revoke-entitlements-for-order",
  (input: WorkflowData<RevokeEntitlementsForOrderInput>) => {
    const revokeInput = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      reason: input.reason ?? "revoked",
    }))
    const result = revokeOrderEntitlementsStep(revokeInput)
    return new WorkflowResponse(result)
  }
)
