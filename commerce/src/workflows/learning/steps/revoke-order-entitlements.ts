import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { upgradesCreditedBy, type HeldEntitlement } from "../../../modules/entitlement/rules"

export type RevokeOrderEntitlementsInput = {
  order_id: string
  /** Stored on the entitlements, e.g. "refund" or "canceled". */
  reason: string
}

/** Reason stored on an upgrade revoked because the bundle it was credited with was refunded or canceled. */
export const CREDIT_REVOKED_REASON = "credit_revoked"

/**
 * Sets revoked_at on the order's entitlements that are not revoked yet, and on the course
 * upgrades that were priced with credit from the bundles among them (see upgradesCreditedBy).
 */
export const revokeOrderEntitlementsStep = createStep(
  "revoke-order-entitlements",
  async (input: RevokeOrderEntitlementsInput, { container }) => {
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    const fields = ["id", "customer_id", "course_document_id", "scope", "source_kind", "created_at"]
    const held = (await entitlements.listEntitlements(
      { order_id: input.order_id, revoked_at: null },
      { select: fields }
    )) as unknown as HeldEntitlement[]
    if (!held.length) return new StepResponse({ revoked_ids: [] as string[], credit_revoked_ids: [] as string[] }, [] as string[])
    const bundles = held.filter((e) => e.scope === "lessons")
    const upgrades = bundles.length
      ? ((await entitlements.listEntitlements(
          {
            customer_id: [...new Set(bundles.map((e) => e.customer_id))],
            course_document_id: [...new Set(bundles.map((e) => e.course_document_id))],
            source_kind: "upgrade",
            revoked_at: null,
          },
          { select: fields }
        )) as unknown as HeldEntitlement[])
      : []
    const dependent = upgradesCreditedBy(bundles, upgrades).filter((e) => !held.some((h) => h.id === e.id))
    const now = new Date()
    await entitlements.updateEntitlements([
      ...held.map((e) => ({ id: e.id, revoked_at: now, revoked_reason: input.reason })),
      ...dependent.map((e) => ({ id: e.id, revoked_at: now, revoked_reason: CREDIT_REVOKED_REASON })),
    ])
    const ids = [...held, ...dependent].map((e) => e.id)
    return new StepResponse({ revoked_ids: held.map((e) => e.id), credit_revoked_ids: dependent.map((e) => e.id) }, ids)
  },
  async (revokedIds, { container }) => {
    if (!revokedIds?.length) return
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    await entitlements.updateEntitlements(revokedIds.map((id) => ({ id, revoked_at: null, revoked_reason: null })))
  }
)
