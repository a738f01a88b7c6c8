import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EMAIL_VERIFIED_EVENT } from "../modules/email-code-verification/service"
import { claimGuestPurchasesWorkflow } from "../workflows/account/claim-guest-purchases"

/** An email was proven: its guest purchases (orders, courses, membership days) move to that account. */
export default async function claimGuestPurchases({ event, container }: SubscriberArgs<{ auth_identity_id: string; email: string }>) {
  await claimGuestPurchasesWorkflow(container).run({
    input: { auth_identity_id: event.data.auth_identity_id, email: event.data.email },
  })
}

export const config: SubscriberConfig = {
  event: EMAIL_VERIFIED_EVENT,
  context: { subscriberId: "claim-guest-purchases-on-email-verified" },
}
