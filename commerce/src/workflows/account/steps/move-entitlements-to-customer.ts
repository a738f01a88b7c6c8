import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"

type Previous = { id: string; customer_id: string }[]

/** Hands the entitlements (courses, bundles) to the claiming account, as they are (dates, revocations). */
export const moveEntitlementsToCustomerStep = createStep(
  "move-entitlements-to-customer",
  async (input: { entitlement_ids: string[]; customer_id: string }, { container }) => {
    if (!input.entitlement_ids.length) return new StepResponse([] as string[], [] as Previous)
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    const before = await entitlements.listEntitlements({ id: input.entitlement_ids }, { select: ["id", "customer_id"] })
    await entitlements.updateEntitlements(before.map((e) => ({ id: e.id, customer_id: input.customer_id })))
    return new StepResponse(
      before.map((e) => e.id),
      before.map((e) => ({ id: e.id, customer_id: e.customer_id }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    await entitlements.updateEntitlements(previous)
  }
)
