/**
 * Where members open links from emails: STOREFRONT_URL, else the first STORE_CORS origin (the
 * stack harness sets it to the storefront), else `npm start`'s storefront.
 */
export function storefrontUrl(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.STOREFRONT_URL?.trim()
  if (explicit) return explicit.replace(/\/+$/, "")
  const cors = env.STORE_CORS?.split(",")
    .map((origin) => origin.trim())
    .find((origin) => /^https?:\/\/[^*]+$/.test(origin))
  return (cors || "http://localhost:4321").replace(/\/+$/, "")
}
