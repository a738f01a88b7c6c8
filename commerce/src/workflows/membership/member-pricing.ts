import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The customer group of paying members; the grant, revoke and expiry workflows keep it in step. */
export const MEMBERS_GROUP_NAME = "members"
export const MEMBER_PRICE_LIST_TITLE = "会员价 Member prices"
/** Price list rule attribute Medusa matches against the customer's groups. */
export const CUSTOMER_GROUP_RULE = "customer.groups.id"

/** The `members` customer group, or null before the seed ran. */
export async function findMembersGroup(container: MedusaContainer): Promise<{ id: string } | null> {
  const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ name: MEMBERS_GROUP_NAME })
  return group ?? null
}

/** The values of a price list rule (stored as a json list or a single value). */
export function ruleValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return value === null || value === undefined ? [] : [String(value)]
}

/**
 * The member price list: the oldest override list whose rule targets the `members` group
 * (found by its rule, not its title, so operators may rename it). Null when there is none.
 */
export async function findMemberPriceList(container: MedusaContainer): Promise<{ id: string } | null> {
  const group = await findMembersGroup(container)
  if (!group) return null
  const pricing = container.resolve(Modules.PRICING)
  const lists = await pricing.listPriceLists(
    { type: ["override"] } as any,
    { relations: ["price_list_rules"], order: { created_at: "ASC" } } as any
  )
  const list = lists.find((l) =>
    (l.price_list_rules ?? []).some(
      (rule) => rule.attribute === CUSTOMER_GROUP_RULE && ruleValues(rule.value).includes(group.id)
    )
  )
  return list ? { id: list.id } : null
}

/** Member prices (decimal amounts, CNY) of these variants in the member price list; variants without one are left out. */
export async function memberPricesOf(container: MedusaContainer, variantIds: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  const list = await findMemberPriceList(container)
  if (!list || !variantIds.length) return found
  const query = container.resolve("query")
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "price_set.id"],
    filters: { id: variantIds },
  })
  const variantBySet = new Map<string, string>()
  for (const v of variants as { id: string; price_set?: { id: string } | null }[]) {
    if (v.price_set?.id) variantBySet.set(v.price_set.id, v.id)
  }
  if (!variantBySet.size) return found
  const prices = await container.resolve(Modules.PRICING).listPrices({
    price_list_id: [list.id],
    price_set_id: [...variantBySet.keys()],
    currency_code: "cny",
  } as any)
  for (const price of prices as { price_set_id?: string; price_set?: { id: string }; amount: unknown }[]) {
    const setId = price.price_set_id ?? price.price_set?.id
    const variantId = setId ? variantBySet.get(setId) : undefined
    if (variantId) found.set(variantId, Number(price.amount))
  }
  return found
}
