import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendVerificationCodeWorkflow } from "../workflows/notifications/send-verification-code"

type VerificationRequested = {
  entity_id: string
  entity_type: string
  code_provider: string
  code?: string
  expires_at?: string | Date
  metadata?: Record<string, unknown> | null
}

/** A customer asked for an email code (POST /auth/verification/request): email it. */
export default async function sendVerificationCode({ event, container }: SubscriberArgs<VerificationRequested>) {
  const { entity_id, entity_type, code_provider, code, expires_at, metadata } = event.data
  // Already verified (no new code), or another provider's verification.
  if (!code || entity_type !== "email" || code_provider !== "email_code") return
  const locale = typeof metadata?.locale === "string" ? metadata.locale : null
  await sendVerificationCodeWorkflow(container).run({ input: { email: entity_id, code, expires_at, locale } })
}

export const config: SubscriberConfig = {
  event: "auth.verification_requested",
  context: { subscriberId: "send-verification-code" },
}
