import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import seed, { PUBLISHABLE_KEY_TITLE } from "../../src/scripts/seed"

/** Runs the real seed, then reads what store calls need: the publishable key and the CNY store's defaults. */
export async function seedStore(container: MedusaContainer) {
  await seed({ container, args: [] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token"],
    filters: { type: "publishable", title: PUBLISHABLE_KEY_TITLE },
  })
  const { data: stores } = await query.graph({ entity: "store", fields: ["default_sales_channel_id", "default_region_id"] })
  return {
    publishableKey: keys[0].token as string,
    regionId: stores[0].default_region_id!,
    salesChannelId: stores[0].default_sales_channel_id!,
  }
}

/** Runs `action` and waits until every subscriber of `event` has finished. */
export async function andWaitFor<T>(container: MedusaContainer, event: string, action: () => Promise<T>): Promise<T> {
  const done = TestEventUtils.waitSubscribersExecution(event, container.resolve(Modules.EVENT_BUS))
  const result = await action()
  await done
  return result
}
