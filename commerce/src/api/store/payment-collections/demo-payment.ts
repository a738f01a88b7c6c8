import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Medusa's built-in system provider: it authorizes anything and takes no money. */
export const DEMO_PAYMENT_PROVIDER_ID = "pp_system_default"

/**
 * Whether the demo provider may take orders. It grants access without any money moving, so a
 * production shop refuses it unless an operator allows it on purpose (a closed beta, a free
 * community): `ALLOW_DEMO_PAYMENTS=true`.
 */
export function demoPaymentsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.ALLOW_DEMO_PAYMENTS === "true"
}

/** `POST /store/payment-collections/:id/payment-sessions`: refuses the demo provider where it is not allowed. */
export function refuseDemoPaymentInProduction(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const providerId = (req.body as { provider_id?: unknown } | undefined)?.provider_id
  if (providerId === DEMO_PAYMENT_PROVIDER_ID && !demoPaymentsAllowed()) {
    return res.status(400).json({
      type: "invalid_data",
      message: "The demo payment provider takes no money and is off in production (set ALLOW_DEMO_PAYMENTS=true to allow it)",
    })
  }
  return next()
}
