import { describe, expect, it } from "vitest"
import { clientAddress, UNVERIFIED_STOREFRONT_CLIENT } from "../client-address"

const SECRET = "s3cret-shared-with-the-storefront"

function request(options: { socket?: string; ip?: string; headers?: Record<string, string> }) {
  return { socket: { remoteAddress: options.socket ?? "::ffff:10.0.0.5" }, ip: options.ip, headers: options.headers ?? {} }
}

describe("clientAddress", () => {
  it("is the TCP peer by default, whatever X-Forwarded-For says (req.ip believes one hop in Medusa)", () => {
    const req = request({ ip: "6.6.6.6", headers: { "x-forwarded-for": "6.6.6.6" } })
    expect(clientAddress(req, {})).toBe("10.0.0.5")
  })

  it("is req.ip (the proxy's X-Forwarded-For hop) with TRUST_PROXY=true", () => {
    expect(clientAddress(request({ ip: "203.0.113.9" }), { TRUST_PROXY: "true" })).toBe("203.0.113.9")
    expect(clientAddress(request({ ip: "2001:db8:1:2:3:4:5:6" }), { TRUST_PROXY: "true" })).toBe("2001:db8:1:2::/64")
  })

  it("believes x-client-ip only next to the storefront's shared secret", () => {
    const forwarded = (key: string) => request({ headers: { "x-client-ip": "198.51.100.7", "x-storefront-key": key } })
    expect(clientAddress(forwarded(SECRET), { STOREFRONT_SHARED_SECRET: SECRET })).toBe("198.51.100.7")
    expect(clientAddress(forwarded("guess"), { STOREFRONT_SHARED_SECRET: SECRET })).toBe("10.0.0.5")
    // No secret configured: nobody can vouch for an address.
    expect(clientAddress(forwarded(""), {})).toBe("10.0.0.5")
    expect(clientAddress(request({ headers: { "x-client-ip": "198.51.100.7" } }), { STOREFRONT_SHARED_SECRET: SECRET })).toBe("10.0.0.5")
  })

  it("counts the storefront's callers without a usable address under one key, not the storefront's own address", () => {
    const req = request({ headers: { "x-storefront-key": SECRET, "x-client-ip": "not-an-ip" } })
    expect(clientAddress(req, { STOREFRONT_SHARED_SECRET: SECRET })).toBe(UNVERIFIED_STOREFRONT_CLIENT)
    expect(clientAddress(request({ headers: { "x-storefront-key": SECRET } }), { STOREFRONT_SHARED_SECRET: SECRET })).toBe(
      UNVERIFIED_STOREFRONT_CLIENT
    )
  })
})
