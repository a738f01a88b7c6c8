import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendPasswordResetWorkflow } from "../workflows/notifications/send-password-reset"

type PasswordReset = { entity_id: string; actor_type: string; token: string; metadata?: Record<string, unknown> | null }

/** A customer asked to reset their password (POST /auth/customer/emailpass/reset-password): email the storefront link. */
export default async function sendPasswordReset({ event, container }: SubscriberArgs<PasswordReset>) {
  const { entity_id, actor_type, token, metadata } = event.data
  // Admin users reset through the Medusa admin; this mail links to the storefront.
  if (actor_type !== "customer" || !token) return
  const locale = typeof metadata?.locale === "string" ? metadata.locale : null
  await sendPasswordResetWorkflow(container).run({ input: { email: entity_id, token, locale } })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "send-password-reset-link" },
}
