import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncMembersGroupWorkflow } from "../membership/sync-members-group"
import { findGuestPurchasesStep } from "./steps/find-guest-purchases"
import { moveEntitlementsToCustomerStep } from "./steps/move-entitlements-to-customer"
import { moveMembershipPeriodsToCustomerStep } from "./steps/move-membership-periods-to-customer"
import { moveOrdersToCustomerStep } from "./steps/move-orders-to-customer"

export type ClaimGuestPurchasesInput = {
  /** The auth identity that just verified `email`. */
  auth_identity_id: string
  email: string
}

/**
 * Purchases made earlier as a guest with this email (orders of customers without an account)
 * become the verified account's: the orders' customer, their entitlements and their membership
 * days. Only for the identity that proved the email; any failure puts everything back. Safe
 * to repeat: a second run finds nothing left to move.
 */
export const claimGuestPurchasesWorkflow = createWorkflow(
  "claim-guest-purchases",
  (input: WorkflowData<ClaimGuestPurchasesInput>) => {
    const found = findGuestPurchasesStep(input)
    const claimed = when("claim-when-found", { found }, ({ found }) => !!found.customer_id && found.guest_customer_ids.length > 0).then(() => {
      const orderInput = transform({ found }, ({ found }) => ({ order_ids: found.order_ids, customer_id: found.customer_id! }))
      const orders = moveOrdersToCustomerStep(orderInput)
      const entitlementInput = transform({ found }, ({ found }) => ({ entitlement_ids: found.entitlement_ids, customer_id: found.customer_id! }))
      const entitlements = moveEntitlementsToCustomerStep(entitlementInput)
      const membershipInput = transform({ found }, ({ found }) => ({ membership_ids: found.membership_ids, customer_id: found.customer_id! }))
      const periods = moveMembershipPeriodsToCustomerStep(membershipInput)
      const syncInput = transform({ found }, ({ found }) => ({ customer_ids: [found.customer_id!, ...found.guest_customer_ids] }))
      syncMembersGroupWorkflow.runAsStep({ input: syncInput })
      return transform({ orders, entitlements, periods }, ({ orders, entitlements, periods }) => ({
        order_ids: orders,
        entitlement_ids: entitlements,
        period_ids: periods.period_ids,
      }))
    })
    const result = transform({ found, claimed }, ({ found, claimed }) => ({
      customer_id: found.customer_id,
      order_ids: claimed?.order_ids ?? [],
      entitlement_ids: claimed?.entitlement_ids ?? [],
      period_ids: claimed?.period_ids ?? [],
    }))
    return new WorkflowResponse(result)
  }
)
