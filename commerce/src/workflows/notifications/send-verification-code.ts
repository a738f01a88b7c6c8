import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { mailLocale, verificationCodeMail } from "../../lib/mail/templates"
import { sendEmailsStep } from "./steps/send-emails"

export type SendVerificationCodeInput = {
  email: string
  code: string
  expires_at?: Date | string | null
  /** The storefront's page locale, passed with the request; else the customer's stored one. */
  locale?: string | null
}

/** Emails a 6-digit verification code in the member's language (the code is never stored in the notification). */
export const sendVerificationCodeWorkflow = createWorkflow(
  "send-verification-code",
  (input: WorkflowData<SendVerificationCodeInput>) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { email: input.email, has_account: true },
    })
    const emails = transform({ input, customers }, ({ input, customers }) => {
      const customer = customers[0] as { id: string; metadata?: Record<string, unknown> | null } | undefined
      const locale = mailLocale(input.locale ?? customer?.metadata?.locale)
      const expires = input.expires_at ? new Date(input.expires_at).getTime() : Date.now() + 10 * 60_000
      const minutes = Math.max(1, Math.round((expires - Date.now()) / 60_000))
      return [
        {
          to: input.email,
          template: "verification-code",
          content: verificationCodeMail({ locale, code: input.code, minutes }),
          data: { locale },
          receiver_id: customer?.id,
          trigger_type: "auth.verification_requested",
        },
      ]
    })
    const sent = sendEmailsStep({ emails, throw_on_failure: true })
    return new WorkflowResponse(sent)
  }
)
