import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { EntitlementDTO } from "../../../modules/entitlement/service"
import type { EntitlementToGrant } from "../../../modules/entitlement/rules"

export type CreateOrderEntitlementsResult = {
  /** Entitlements this run created. */
  created: EntitlementDTO[]
  /** Line items that already had their entitlement (an earlier run): left as they are. */
  skipped_line_item_ids: string[]
}

/** Creates the entitlements whose line item has none yet (check before create; line_item_id is unique). */
export const createOrderEntitlementsStep = createStep(
  "create-order-entitlements",
  async (grants: EntitlementToGrant[], { container }) => {
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    if (!grants.length) {
      return new StepResponse<CreateOrderEntitlementsResult, string[]>({ created: [], skipped_line_item_ids: [] }, [])
    }
    const existing = await entitlements.listEntitlements(
      { line_item_id: grants.map((g) => g.line_item_id) },
      { select: ["id", "line_item_id"], withDeleted: true }
    )
    const known = new Set(existing.map((e) => e.line_item_id))
    const missing = grants.filter((g) => !known.has(g.line_item_id))
    const created = missing.length
      ? await entitlements.createEntitlements(
          missing.map((g) => ({ ...g, lesson_document_ids: g.lesson_document_ids as unknown as Record<string, unknown> | null }))
        )
      : []
    return new StepResponse<CreateOrderEntitlementsResult, string[]>(
      { created, skipped_line_item_ids: [...known] },
      created.map((e) => e.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    await entitlements.deleteEntitlements(createdIds)
  }
)
