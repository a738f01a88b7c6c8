import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeMembershipForOrderWorkflow } from "./revoke-membership-for-order"
import { findRefundedOrderStep } from "../checkout/steps/find-refunded-order"

export type RevokeMembershipForRefundInput = { payment_id: string }

/** After a refund, takes back the order's membership days once all it captured is refunded (same policy as entitlements). */
export const revokeMembershipForRefundWorkflow = createWorkflow(
  "revoke-membership-for-refund",
  (input: WorkflowData<RevokeMembershipForRefundInput>) => {
    const refunded = findRefundedOrderStep(input)
    when("revoke-membership-when-fully-refunded", { refunded }, ({ refunded }) => refunded.fully_refunded && !!refunded.order_id).then(
      () => {
        const revokeInput = transform({ refunded }, ({ refunded }) => ({ order_id: refunded.order_id!, reason: "refund" }))
        revokeMembershipForOrderWorkflow.runAsStep({ input: revokeInput })
      }
    )
    return new WorkflowResponse(refunded)
  }
)
