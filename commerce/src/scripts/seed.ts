import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerGroupsWorkflow,
  createPriceListsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import {
  CUSTOMER_GROUP_RULE,
  findMemberPriceList,
  findMembersGroup,
  MEMBER_PRICE_LIST_TITLE,
  MEMBERS_GROUP_NAME,
} from "../workflows/membership/member-pricing"
import { membershipProductHandle } from "@community/contracts"
import { PLAN_METADATA_KEY } from "../modules/membership/rules"

export const SALES_CHANNEL_NAME = "社群商城"
export const PUBLISHABLE_KEY_TITLE = "Storefront"

/** The plans, and the CNY price (yuan) of the product that sells each. */
export const DEMO_PLANS = [
  { handle: "monthly", title: "月度会员", interval: "month" as const, duration_days: 30, price: 39 },
  { handle: "quarterly", title: "季度会员", interval: "quarter" as const, duration_days: 91, price: 99 },
  { handle: "yearly", title: "年度会员", interval: "year" as const, duration_days: 365, price: 299 },
  { handle: "lifetime", title: "终身会员", interval: "lifetime" as const, duration_days: null, price: 999 },
]

const PLAN_OPTION_TITLE = "会员"

/**
 * Brings a commerce database to a usable state: CNY store and China region with the
 * system payment provider, the storefront's sales channel and publishable key, the
 * operator's admin login, and the demo membership plans. Every step looks before it
 * writes, so running it again changes nothing.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "name"],
    filters: { name: SALES_CHANNEL_NAME },
  })
  let salesChannel: { id: string } | undefined = channels[0]
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "Storefront (Astro)" }] },
    })
    salesChannel = result[0]
    logger.info(`seed: sales channel ${salesChannel.id}`)
  }

  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: { currency_code: "cny" },
  })
  let region: { id: string } | undefined = regions[0]
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "中国",
            currency_code: "cny",
            countries: ["cn"],
            payment_providers: ["pp_system_default"],
            automatic_taxes: false,
          },
        ],
      },
    })
    region = result[0]
    logger.info(`seed: region ${region.id}`)
  }

  const { data: stores } = await query.graph({ entity: "store", fields: ["id", "default_sales_channel_id", "default_region_id", "supported_currencies.currency_code"] })
  const store = stores[0]
  const hasCny = store.supported_currencies?.some((c: { currency_code: string } | null) => c?.currency_code === "cny")
  if (!hasCny || store.default_sales_channel_id !== salesChannel.id || store.default_region_id !== region.id) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "社群商城",
          supported_currencies: [{ currency_code: "cny", is_default: true }],
          default_sales_channel_id: salesChannel.id,
          default_region_id: region.id,
        },
      },
    })
    logger.info("seed: store set to CNY")
  }

  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable", title: PUBLISHABLE_KEY_TITLE },
  })
  let key: { id: string; sales_channels?: ({ id: string } | null)[] | null } | undefined = keys.find(
    (k: { revoked_at: unknown }) => !k.revoked_at
  )
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = { id: result[0].id, sales_channels: [] }
    logger.info(`seed: publishable key ${key.id}`)
  }
  if (!key.sales_channels?.some((sc: { id: string } | null) => sc?.id === salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })
  }

  await ensureAdminUser(container, logger)

  const membership: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const existing = await membership.listMembershipPlans({ handle: DEMO_PLANS.map((p) => p.handle) })
  const missing = DEMO_PLANS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length) {
    await membership.createMembershipPlans(missing.map(({ price: _price, ...plan }) => plan))
    logger.info(`seed: ${missing.length} membership plans`)
  }

  await ensurePlanProducts(container, salesChannel.id, logger)
  await ensureMemberPricing(container, logger)
  logger.info("seed: commerce is ready")
}

/**
 * One product per plan, `membership-<plan handle>`: one variant priced in CNY, no inventory,
 * no shipping profile (digital), in the storefront's sales channel, with the plan handle in
 * its metadata (what the grant workflow reads). Existing products are left as operators edited them.
 */
async function ensurePlanProducts(container: ExecArgs["container"], salesChannelId: string, logger: { info(msg: string): void }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const handles = DEMO_PLANS.map((p) => membershipProductHandle(p.handle))
  const { data: products } = await query.graph({ entity: "product", fields: ["handle"], filters: { handle: handles } })
  const have = new Set(products.map((p: { handle: string }) => p.handle))
  const missing = DEMO_PLANS.filter((p) => !have.has(membershipProductHandle(p.handle)))
  if (!missing.length) return
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((plan) => ({
        title: plan.title,
        handle: membershipProductHandle(plan.handle),
        description: plan.duration_days ? `${plan.title} · ${plan.duration_days} 天` : `${plan.title} · 永久有效`,
        status: "published" as const,
        is_giftcard: false,
        discountable: true,
        metadata: { [PLAN_METADATA_KEY]: plan.handle },
        options: [{ title: PLAN_OPTION_TITLE, values: [plan.title] }],
        variants: [
          {
            title: plan.title,
            manage_inventory: false,
            allow_backorder: false,
            options: { [PLAN_OPTION_TITLE]: plan.title },
            prices: [{ currency_code: "cny", amount: plan.price }],
          },
        ],
        sales_channels: [{ id: salesChannelId }],
      })),
    },
  })
  logger.info(`seed: ${missing.length} membership products`)
}

/**
 * The `members` customer group (会员) and its override price list "会员价 Member prices". The
 * list starts empty: the catalog sync gives every course and bundle its member price.
 */
async function ensureMemberPricing(container: ExecArgs["container"], logger: { info(msg: string): void }) {
  let group = await findMembersGroup(container)
  if (!group) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: { customersData: [{ name: MEMBERS_GROUP_NAME, metadata: { title: "会员" } }] },
    })
    group = result[0]
    logger.info(`seed: customer group ${MEMBERS_GROUP_NAME}`)
  }
  if (await findMemberPriceList(container)) return
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: MEMBER_PRICE_LIST_TITLE,
          description: "付费会员价：课程与课程包 8 折（商城同步时自动设置，可在此修改）",
          // Override: members pay this price, not the lower of it and the list price.
          type: "override",
          status: "active" as any,
          rules: { [CUSTOMER_GROUP_RULE]: [group.id] },
          prices: [],
        } as any,
      ],
    },
  })
  logger.info(`seed: price list ${MEMBER_PRICE_LIST_TITLE}`)
}

async function ensureAdminUser(container: ExecArgs["container"], logger: { info(msg: string): void }) {
  const email = process.env.MEDUSA_ADMIN_EMAIL
  const password = process.env.MEDUSA_ADMIN_PASSWORD
  if (!email || !password) return
  const users = await container.resolve(Modules.USER).listUsers({ email })
  if (users.length) return
  const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) throw new Error(`could not create the admin login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  logger.info(`seed: admin user ${email}`)
}
