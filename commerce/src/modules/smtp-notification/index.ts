import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmtpNotificationService from "./service"

/** Notification Module provider for the `email` channel: SMTP through nodemailer (see service.ts). */
export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmtpNotificationService],
})
