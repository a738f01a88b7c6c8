import type { MedusaContainer } from "@medusajs/framework/types"
import { codeIn, mailbox } from "@community/test/mail"
import { andWaitFor } from "./seeded-store"

/** The inbox of the maildev the global setup started (Medusa sends there through SMTP_URL). */
export function testMailbox() {
  const url = process.env.COMMERCE_TEST_MAIL_URL
  if (!url) throw new Error("COMMERCE_TEST_MAIL_URL is not set: the global setup starts the mail catcher")
  return mailbox(url)
}

type Api = {
  post: (url: string, body?: unknown, config?: Record<string, unknown>) => Promise<{ status: number; data: any }>
}

const bearer = (token: string, publishableKey?: string) => ({
  headers: { Authorization: `Bearer ${token}`, ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}) },
})

/**
 * A customer as the storefront makes one, through the real API: register, create the customer,
 * request the email code, read it from the mail catcher, confirm it, sign in. Waits for what the
 * confirmation sets off (claiming guest purchases) so nothing runs behind the test's back.
 */
export async function registerVerifiedCustomer(
  api: Api,
  container: MedusaContainer,
  input: { email: string; password: string; publishableKey: string; customer?: Record<string, unknown> }
): Promise<{ id: string; token: string; email: string }> {
  const { email, password, publishableKey } = input
  const box = testMailbox()
  const after = await box.mark()
  const registration = await api.post("/auth/customer/emailpass/register", { email, password })
  const identityToken = registration.data.token as string
  const created = await api.post("/store/customers", { email, ...(input.customer ?? {}) }, bearer(identityToken, publishableKey))
  await andWaitFor(container, "auth.verification_requested", () =>
    api.post(
      "/auth/verification/request",
      { entity_id: email, entity_type: "email", code_provider: "email_code" },
      bearer(identityToken)
    )
  )
  const mail = await box.waitForMail(email, { after })
  await andWaitFor(container, "email_verification.confirmed", () =>
    api.post("/auth/verification/confirm", { code: codeIn(mail), code_provider: "email_code" }, bearer(identityToken))
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  if (!login.data.token || login.data.verification_required) throw new Error(`${email} is still not verified: ${JSON.stringify(login.data)}`)
  return { id: created.data.customer.id as string, token: login.data.token as string, email }
}
