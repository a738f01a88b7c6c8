import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"

export type SmtpNotificationOptions = {
  /** smtp://user:pass@host:port or smtps://…; without it mail is written to the log instead. */
  url?: string | null
  /** The From header, e.g. "社群商城 <no-reply@example.com>". */
  from?: string | null
}

type InjectedDependencies = { logger: Logger }

/**
 * Sends the `email` channel over SMTP. The workflows render every message (subject, text,
 * html) and pass it as `content`; this provider only delivers. Without SMTP_URL (a developer
 * running commerce alone) nothing is sent: the message is logged, so commerce still starts
 * and the code or link can be read from the log. `npm start` always passes a local mail catcher.
 */
class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"

  protected readonly logger_: Logger
  protected readonly from_: string
  protected readonly transport_: Transporter | null

  static validateOptions(options: Record<string, unknown>) {
    const url = options.url
    if (url !== undefined && url !== null && url !== "" && (typeof url !== "string" || !/^smtps?:\/\//.test(url))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMTP_URL must look like smtp://host:port (or smtps://)")
    }
  }

  constructor({ logger }: InjectedDependencies, options: SmtpNotificationOptions = {}) {
    super()
    this.logger_ = logger
    this.from_ = options.from || "社群商城 <no-reply@localhost>"
    this.transport_ = options.url ? nodemailer.createTransport(options.url) : null
    if (!this.transport_) {
      const where = process.env.NODE_ENV === "production" ? " Set SMTP_URL: no email will reach anyone." : ""
      this.logger_.warn(`[mail] SMTP_URL is not set: emails are written to the log instead of being sent.${where}`)
    }
  }

  async send(notification: NotificationTypes.ProviderSendNotificationDTO): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const content = notification.content
    if (!notification.to || !content?.subject || (!content.text && !content.html)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Email "${notification.template}" has no recipient or no rendered content`)
    }
    const message = {
      from: notification.from || this.from_,
      to: notification.to,
      subject: content.subject,
      text: content.text ?? undefined,
      html: content.html ?? undefined,
    }
    if (!this.transport_) {
      // Development without a mail server: the text (a code, a link) is what the developer needs.
      const body = process.env.NODE_ENV === "production" ? "" : `\n${content.text ?? ""}`
      this.logger_.info(`[mail] (not sent: no SMTP_URL) to ${message.to}: ${message.subject}${body}`)
      return {}
    }
    const sent = await this.transport_.sendMail(message)
    return { id: sent.messageId }
  }
}

export default SmtpNotificationService
