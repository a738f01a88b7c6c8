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

/** Runs `action` and waits until every subscriber of `event` (or of each of `events`) has finished. */
export async function andWaitFor<T>(container: MedusaContainer, event: string | string[], action: () => Promise<T>): Promise<T> {
  const bus = container.resolve(Modules.EVENT_BUS)
  const done = Promise.all([event].flat().map((name) => TestEventUtils.waitSubscribersExecution(name, bus)))
  const result = await action()
  await done
  return result
}

/**
 * What completing a cart sets off: the order is placed, a digital order's payment is captured
 * at once, and the capture grants access. A ¥0 order has no capture to wait for.
 */
export function settleEvents(cartTotal: number): string[] {
  return cartTotal > 0 ? ["order.placed", "payment.captured"] : ["order.placed"]
}

type AdminApi = {
  get: (url: string, config?: Record<string, unknown>) => Promise<{ data: any }>
  post: (url: string, body?: unknown, config?: Record<string, unknown>) => Promise<{ status: number; data: any }>
}

/**
 * Cancels an order as an operator does in the Medusa admin: a digital order is delivered (has a
 * fulfillment) once paid, and Medusa cancels an order only after its fulfillments are canceled.
 */
export async function cancelOrderAsOperator(api: AdminApi, adminConfig: Record<string, unknown>, orderId: string) {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*fulfillments`, adminConfig)
  for (const fulfillment of data.order.fulfillments ?? []) {
    if (!fulfillment.canceled_at) await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/cancel`, {}, adminConfig)
  }
  return api.post(`/admin/orders/${orderId}/cancel`, {}, adminConfig)
}
