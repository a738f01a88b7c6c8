import { createHash, timingSafeEqual } from "node:crypto"
import { CLIENT_IP_HEADER, normalizeClientAddress, STOREFRONT_KEY_HEADER } from "@community/contracts"

/** The parts of an Express request the client address is read from. */
export type ClientAddressRequest = {
  ip?: string
  socket?: { remoteAddress?: string }
  headers: Record<string, string | string[] | undefined>
}

/** Requests the storefront vouched for without knowing the member's address share this key. */
export const UNVERIFIED_STOREFRONT_CLIENT = "storefront:unverified"
/** No usable address at all (should not happen on a TCP socket). */
export const UNKNOWN_CLIENT = "unknown"

function header(req: ClientAddressRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

let warnedBadKey = false

/**
 * Who is attempting, for the per-address limits, as a key (see normalizeClientAddress: IPv4, or
 * an IPv6 /64).
 *
 * 1. The storefront signs members in from its own server, so it sends the member's address in
 *    `x-client-ip` together with `x-storefront-key` = STOREFRONT_SHARED_SECRET. Only with that
 *    secret is `x-client-ip` believed; without a usable address the storefront's callers share
 *    one key (never the storefront's own address, which every member would share).
 * 2. Otherwise the TCP peer. Medusa sets Express's `trust proxy` to 1 unconditionally, so
 *    `req.ip` believes one X-Forwarded-For hop even from a client that reaches Medusa directly
 *    and writes that header itself. We use `req.ip` only with TRUST_PROXY=true (a reverse
 *    proxy in front that appends the real peer to X-Forwarded-For), else the socket's address.
 */
export function clientAddress(req: ClientAddressRequest, env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.STOREFRONT_SHARED_SECRET
  const key = header(req, STOREFRONT_KEY_HEADER)
  if (key !== undefined) {
    if (secret && sameSecret(key, secret)) {
      return normalizeClientAddress(header(req, CLIENT_IP_HEADER)) ?? UNVERIFIED_STOREFRONT_CLIENT
    }
    if (!warnedBadKey) {
      warnedBadKey = true
      console.warn(
        `[rate-limit] a request carried ${STOREFRONT_KEY_HEADER} that does not match STOREFRONT_SHARED_SECRET` +
          `${secret ? "" : " (not set here)"}: its ${CLIENT_IP_HEADER} is ignored. Give commerce and the storefront the same secret.`
      )
    }
  }
  const peer = env.TRUST_PROXY === "true" ? req.ip : req.socket?.remoteAddress
  return normalizeClientAddress(peer) ?? normalizeClientAddress(req.socket?.remoteAddress) ?? UNKNOWN_CLIENT
}
