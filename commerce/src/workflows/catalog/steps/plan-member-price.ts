import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { amountToFen, fenToAmount } from "@community/contracts"
import { findMemberPriceList } from "../../membership/member-pricing"
import { memberPriceChange } from "../../../modules/membership/rules"

export type MemberPricePlan = {
  action: "none" | "create" | "update"
  /** Why nothing happens, when it does not. */
  reason?: string
  price_list_id: string | null
  variant_id: string | null
  price_id: string | null
  amount_fen: number | null
}

/**
 * Read-only: what the member price of a synced product's variant should become in the member
 * price list (see memberPriceChange: set when missing, kept when an operator set it, reset when
 * above the list price).
 */
export const planMemberPriceStep = createStep(
  "plan-member-price",
  async (input: { handle: string; price_fen: number | null; offered: boolean }, { container }) => {
    const nothing = (reason: string) =>
      new StepResponse<MemberPricePlan>({ action: "none", reason, price_list_id: null, variant_id: null, price_id: null, amount_fen: null })
    if (!input.offered || input.price_fen === null) return nothing("not offered")
    const list = await findMemberPriceList(container)
    if (!list) return nothing("no member price list")

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.price_set.id"],
      filters: { handle: input.handle },
    })
    const variant = products[0]?.variants?.[0] as { id: string; price_set?: { id: string } | null } | undefined
    if (!variant?.price_set?.id) return nothing("no variant")

    const [existing] = await container.resolve(Modules.PRICING).listPrices({
      price_list_id: [list.id],
      price_set_id: [variant.price_set.id],
      currency_code: "cny",
    })
    const change = memberPriceChange(input.price_fen, existing ? amountToFen(existing.amount) : null)
    if (change.action === "none") return nothing("kept (set by an operator)")
    return new StepResponse<MemberPricePlan>({
      action: change.action,
      price_list_id: list.id,
      variant_id: variant.id,
      price_id: existing?.id ?? null,
      amount_fen: change.amount_fen,
    })
  }
)

/** The batchPriceListPricesWorkflow input that applies a member price plan. */
export function memberPriceBatch(plan: MemberPricePlan) {
  const amount = plan.amount_fen === null ? 0 : fenToAmount(plan.amount_fen)
  return {
    data: {
      id: plan.price_list_id!,
      create:
        plan.action === "create" ? [{ variant_id: plan.variant_id!, currency_code: "cny", amount }] : [],
      update:
        plan.action === "update"
          ? [{ id: plan.price_id!, variant_id: plan.variant_id!, currency_code: "cny", amount }]
          : [],
      delete: [] as string[],
    },
  }
}
