import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EmailCodeVerificationProvider from "./service"

/** Auth Module verification provider `email_code`: a 6-digit code sent by email (see service.ts). */
export default ModuleProvider(Modules.AUTH, {
  services: [EmailCodeVerificationProvider],
})
