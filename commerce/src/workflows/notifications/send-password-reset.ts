import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { storefrontUrl } from "../../lib/mail/storefront-url"
import { mailLocale, passwordResetMail, storefrontLink } from "../../lib/mail/templates"
import { sendEmailsStep } from "./steps/send-emails"

export type SendPasswordResetInput = {
  email: string
  /** Medusa's single-use reset JWT (15 minutes). */
  token: string
  locale?: string | null
}

/** Emails the storefront link `/account/reset-password?token=…&email=…` in the member's language. */
export const sendPasswordResetWorkflow = createWorkflow(
  "send-password-reset",
  (input: WorkflowData<SendPasswordResetInput>) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { email: input.email, has_account: true },
    })
    const emails = transform({ input, customers }, ({ input, customers }) => {
      const customer = customers[0] as { id: string; metadata?: Record<string, unknown> | null } | undefined
      const locale = mailLocale(input.locale ?? customer?.metadata?.locale)
      const link = storefrontLink(storefrontUrl(), "/account/reset-password", locale, { token: input.token, email: input.email })
      return [
        {
          to: input.email,
          template: "password-reset",
          content: passwordResetMail({ locale, link, minutes: 15 }),
          data: { locale },
          receiver_id: customer?.id,
          trigger_type: "auth.password_reset",
        },
      ]
    })
    const sent = sendEmailsStep({ emails, throw_on_failure: true })
    return new WorkflowResponse(sent)
  }
)
