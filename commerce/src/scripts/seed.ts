import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"

export const SALES_CHANNEL_NAME = "社群商城"
export const PUBLISHABLE_KEY_TITLE = "Storefront"

const DEMO_PLANS = [
  { handle: "monthly", title: "月度会员", interval: "month" as const, duration_days: 30 },
  { handle: "quarterly", title: "季度会员", interval: "quarter" as const, duration_days: 91 },
  { handle: "yearly", title: "年度会员", interval: "year" as const, duration_days: 365 },
]

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
    await membership.createMembershipPlans(missing)
    logger.info(`seed: ${missing.length} membership plans`)
  }
  logger.info("seed: commerce is ready")
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
