import type { INotificationModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RenderedMail } from "../../../lib/mail/templates"

export type EmailToSend = {
  to: string
  /** What kind of email (kept on the notification row), e.g. "order-receipt". */
  template: string
  content: RenderedMail
  /** Stored on the notification row: only what is safe to keep (never a code or a token). */
  data?: Record<string, unknown>
  /** The same key is sent once (a failed send is tried again next time). */
  idempotency_key?: string
  resource_id?: string
  resource_type?: string
  receiver_id?: string
  trigger_type?: string
}

export type SendEmailsResult = {
  /** Keys (or recipients, for mail without a key) actually sent now. */
  sent: string[]
  /** Already sent earlier under the same idempotency key. */
  skipped: string[]
  failed: string[]
}

/**
 * Hands each email to the Notification Module (channel "email": the SMTP provider). One at a
 * time, so one bad address does not hold back the others; failures are logged and returned.
 * Email cannot be unsent, so there is no compensation.
 */
export const sendEmailsStep = createStep(
  "send-emails",
  async (input: { emails: EmailToSend[]; throw_on_failure?: boolean }, { container }) => {
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const keys = input.emails.map((email) => email.idempotency_key).filter((key): key is string => !!key)
    const done = new Set(
      keys.length
        ? // idempotency_key is a column (and a filter the module uses itself), not in the DTO types.
          ((await notifications.listNotifications({ idempotency_key: keys } as never, { select: ["idempotency_key", "status"] })) as {
            idempotency_key?: string | null
            status?: string
          }[])
            .filter((n) => n.status === NotificationStatus.SUCCESS)
            .map((n) => n.idempotency_key as string)
        : []
    )
    const result: SendEmailsResult = { sent: [], skipped: [], failed: [] }
    for (const email of input.emails) {
      const label = email.idempotency_key ?? `${email.template}:${email.to}`
      if (email.idempotency_key && done.has(email.idempotency_key)) {
        result.skipped.push(label)
        continue
      }
      try {
        await notifications.createNotifications({
          to: email.to,
          channel: "email",
          template: email.template,
          data: email.data ?? {},
          content: email.content,
          idempotency_key: email.idempotency_key ?? null,
          resource_id: email.resource_id ?? null,
          resource_type: email.resource_type ?? null,
          receiver_id: email.receiver_id ?? null,
          trigger_type: email.trigger_type ?? null,
        })
        result.sent.push(label)
      } catch (error) {
        logger.error(`[mail] ${email.template} to ${email.to} failed: ${(error as Error).message}`)
        result.failed.push(label)
        if (input.throw_on_failure) throw error
      }
    }
    return new StepResponse(result)
  }
)
