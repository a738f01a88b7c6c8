import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** The stock location digital goods are "delivered" from (a fulfillment needs one). */
export const DIGITAL_DELIVERY_LOCATION_NAME = "线上交付 Online delivery"

/** Finds the online-delivery location, or creates it the first time (removed again on rollback). */
export const ensureDeliveryLocationStep = createStep(
  "ensure-digital-delivery-location",
  async (_: void, { container }) => {
    const locations = container.resolve(Modules.STOCK_LOCATION)
    const [found] = await locations.listStockLocations({ name: DIGITAL_DELIVERY_LOCATION_NAME }, { select: ["id"], take: 1 })
    if (found) return new StepResponse({ id: found.id }, null)
    const created = await locations.createStockLocations({ name: DIGITAL_DELIVERY_LOCATION_NAME })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve(Modules.STOCK_LOCATION).deleteStockLocations([createdId])
  }
)
