import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * Session and token secrets. A known fallback would let anyone sign customer or admin tokens,
 * so production refuses to start without them (`npm start` generates and passes them).
 */
function secret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = process.env[name]
  if (value) return value
  if (process.env.NODE_ENV === "production") {
    throw new Error(`${name} must be set in production (a long random string)`)
  }
  return "dev-only-not-secret"
}

// Defaults match `npm start` (storefront on 4321, Medusa admin on 9000); the stack harness overrides them.
const storefrontUrl = process.env.STORE_CORS || "http://localhost:4321"
const adminUrl = process.env.ADMIN_CORS || "http://localhost:9000"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // Production sessions use Secure cookies, which express-session only sends over HTTPS.
    // `npm start` serves plain http://localhost, so it sets MEDUSA_SECURE_COOKIES=false.
    ...(process.env.MEDUSA_SECURE_COOKIES === "false" ? { cookieOptions: { secure: false, sameSite: "lax" as const } } : {}),
    http: {
      storeCors: storefrontUrl,
      adminCors: adminUrl,
      authCors: `${storefrontUrl},${adminUrl}`,
      jwtSecret: secret("JWT_SECRET"),
      cookieSecret: secret("COOKIE_SECRET"),
      // Customers prove their email (a 6-digit code, src/modules/email-code-verification) before
      // signing in: until then login answers `verification_required`. Admin users are not affected.
      authVerificationsPerActor: { customer: [{ entity_type: "email", auth_provider: "emailpass" }] },
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
    // The repo root holds react-router-dom 6 (Strapi); the dashboard needs 7. One copy of React
    // and the router for the dashboard and our extensions (src/admin), or routes bind to the wrong router.
    vite: () => ({
      resolve: { dedupe: ["react", "react-dom", "react-router", "react-router-dom"] },
    }),
  },
  modules: [
    { resolve: "./src/modules/membership" },
    { resolve: "./src/modules/entitlement" },
    {
      // Medusa's default auth module (emailpass) plus the email-code verification provider.
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [{ resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" }],
        verification: {
          providers: [
            {
              resolve: "./src/modules/email-code-verification",
              id: "email_code",
              options: { ttl_seconds: 600, max_attempts: 5, resend_after_seconds: 60 },
            },
          ],
        },
      },
    },
    {
      // Email over SMTP (SMTP_URL, MAIL_FROM); the admin's in-app feed stays on notification-local.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
          {
            resolve: "./src/modules/smtp-notification",
            id: "smtp",
            options: { channels: ["email"], url: process.env.SMTP_URL, from: process.env.MAIL_FROM },
          },
        ],
      },
    },
  ],
})
