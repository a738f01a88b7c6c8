import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"

export type RevokeOrderEntitlementsInput = {
  order_id: string
  /** Stored on the entitlements, e.g. "refund" or "canceled". */
  reason: string
}

/** Sets revoked_at on the order's entitlements that are not revoked yet. */
export const revokeOrderEntitlementsStep = createStep(
  "revoke-order-entitlements",
  async (input: RevokeOrderEntitlementsInput, { container }) => {
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    const held = await entitlements.listEntitlements({ order_id: input.order_id, revoked_at: null }, { select: ["id"] })
    if (!held.length) return new StepResponse({ revoked_ids: [] as string[] }, [] as string[])
    const now = new Date()
    await entitlements.updateEntitlements(
      held.map((e) => ({ id: e.id, revoked_at: now, revoked_reason: input.reason }))
    )
    const ids = held.map((e) => e.id)
    return new StepResponse({ revoked_ids: ids }, ids)
  },
  async (revokedIds, { container }) => {
    if (!revokedIds?.length) return
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    await entitlements.updateEntitlements(revokedIds.map((id) => ({ id, revoked_at: null, revoked_reason: null })))
  }
)
