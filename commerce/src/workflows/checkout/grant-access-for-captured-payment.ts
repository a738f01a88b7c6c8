import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { grantEntitlementsForOrderWorkflow } from "../learning/grant-entitlements-for-order"
import { deliverDigitalOrderWorkflow } from "./deliver-digital-order"
import { grantMembershipForOrderWorkflow } from "../membership/grant-membership-for-order"

export type GrantAccessForCapturedPaymentInput = { payment_id: string }

/**
 * A captured payment grants what its order bought (courses, bundles, membership periods)
 * once the order is paid in full; the grant workflows check that themselves and are safe
 * to repeat, so a second capture or a redelivered event grants nothing twice.
 */
export const grantAccessForCapturedPaymentWorkflow = createWorkflow(
  "grant-access-for-captured-payment",
  (input: WorkflowData<GrantAccessForCapturedPaymentInput>) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    const collectionIds = transform({ payments }, ({ payments }) => {
      const ids = payments
        .map((p: { payment_collection_id?: string | null }) => p.payment_collection_id)
        .filter((id): id is string => !!id)
      return ids.length ? ids : ["paycol_none"]
    })
    const { data: links } = useQueryGraphStep({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: collectionIds },
    }).config({ name: "get-captured-payment-order" })
    const orderId = transform({ links }, ({ links }) => (links[0] as { order_id?: string } | undefined)?.order_id ?? null)

    when("grant-when-order", { orderId }, ({ orderId }) => !!orderId).then(() => {
      const grantInput = transform({ orderId }, ({ orderId }) => ({ order_id: orderId! }))
      grantEntitlementsForOrderWorkflow.runAsStep({ input: grantInput })
      grantMembershipForOrderWorkflow.runAsStep({ input: grantInput })
      deliverDigitalOrderWorkflow.runAsStep({ input: grantInput })
    })
    return new WorkflowResponse({ order_id: orderId })
  }
)
