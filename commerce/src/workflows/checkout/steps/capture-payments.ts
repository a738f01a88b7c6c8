import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Captures each authorized payment in full through Medusa's own capture workflow, which
 * records the capture on the order and emits `payment.captured` (what grants access).
 * No compensation: a capture moved money; undoing it is a refund, an operator's decision.
 */
export const capturePaymentsStep = createStep(
  "capture-digital-order-payments",
  async (paymentIds: string[], { container }) => {
    const captured: string[] = []
    for (const payment_id of paymentIds) {
      await capturePaymentWorkflow(container).run({ input: { payment_id } })
      captured.push(payment_id)
    }
    return new StepResponse(captured)
  }
)
