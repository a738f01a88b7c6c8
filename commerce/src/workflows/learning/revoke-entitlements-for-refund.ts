import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeEntitlementsForOrderWorkflow } from "./revoke-entitlements-for-order"
import { findRefundedOrderStep } from "../checkout/steps/find-refunded-order"

export type RevokeEntitlementsForRefundInput = { payment_id: string }

/** After a refund, revokes the order's entitlements once all it captured is refunded (partial refunds keep access). */
export const revokeEntitlementsForRefundWorkflow = createWorkflow(
  "revoke-entitlements-for-refund",
  (input: WorkflowData<RevokeEntitlementsForRefundInput>) => {
    const refunded = findRefundedOrderStep(input)
    when("revoke-when-fully-refunded", { refunded }, ({ refunded }) => refunded.fully_refunded && !!refunded.order_id).then(
      () => {
        const revokeInput = transform({ refunded }, ({ refunded }) => ({ order_id: refunded.order_id!, reason: "refund" }))
        revokeEntitlementsForOrderWorkflow.runAsStep({ input: revokeInput })
      }
    )
    return new WorkflowResponse(refunded)
  }
)
