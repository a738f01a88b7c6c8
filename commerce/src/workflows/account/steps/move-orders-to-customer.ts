import type { IOrderModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Previous = { id: string; customer_id: string | null }[]

/** Sets the orders' customer to the claiming account (the order, its lines and totals stay as they are). */
export const moveOrdersToCustomerStep = createStep(
  "move-orders-to-customer",
  async (input: { order_ids: string[]; customer_id: string }, { container }) => {
    if (!input.order_ids.length) return new StepResponse([] as string[], [] as Previous)
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const before = await orders.listOrders({ id: input.order_ids }, { select: ["id", "customer_id"] })
    await orders.updateOrders(before.map((o) => ({ id: o.id, customer_id: input.customer_id })))
    return new StepResponse(
      before.map((o) => o.id),
      before.map((o) => ({ id: o.id, customer_id: o.customer_id ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    await orders.updateOrders(previous.map((o) => ({ id: o.id, customer_id: o.customer_id ?? undefined })))
  }
)
