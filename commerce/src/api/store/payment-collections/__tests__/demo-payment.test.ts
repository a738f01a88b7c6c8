import { describe, expect, it } from "vitest"
import { demoPaymentsAllowed } from "../demo-payment"

describe("demoPaymentsAllowed", () => {
  it("is on outside production, and in production only when allowed on purpose", () => {
    expect(demoPaymentsAllowed({ NODE_ENV: "development" })).toBe(true)
    expect(demoPaymentsAllowed({})).toBe(true)
    expect(demoPaymentsAllowed({ NODE_ENV: "production" })).toBe(false)
    expect(demoPaymentsAllowed({ NODE_ENV: "production", ALLOW_DEMO_PAYMENTS: "1" })).toBe(false)
    expect(demoPaymentsAllowed({ NODE_ENV: "production", ALLOW_DEMO_PAYMENTS: "true" })).toBe(true)
  })
})
