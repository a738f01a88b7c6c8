import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureDigitalOrderWorkflow } from "../workflows/checkout/capture-digital-order"

/** A placed order of digital goods is captured at once; the capture grants access. */
export default async function orderPlacedCaptureDigitalGoods({ event, container }: SubscriberArgs<{ id: string }>) {
  await captureDigitalOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "capture-digital-goods-on-order-placed" },
}
