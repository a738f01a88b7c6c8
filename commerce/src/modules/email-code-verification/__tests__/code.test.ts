import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { codeMatches, newCode, normalizeCode, storedCode } from "../code"

describe("email codes", () => {
  it("are six digits, salted and hashed, and match only themselves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (n, delta) => {
        const code = String(n).padStart(6, "0")
        const stored = storedCode(code)
        expect(stored.code_hash).not.toContain(code)
        expect(codeMatches(code, stored)).toBe(true)
        expect(codeMatches(String((n + delta) % 1_000_000).padStart(6, "0"), stored)).toBe(false)
      }),
      { numRuns: 200 }
    )
  })
  it("draws every code with leading zeros kept", () => {
    for (let i = 0; i < 500; i += 1) expect(newCode()).toMatch(/^\d{6}$/)
  })
  it("two stores of one code differ (fresh salt)", () => {
    expect(storedCode("123456").code_hash).not.toBe(storedCode("123456").code_hash)
  })
  it("reads what people type or paste", () => {
    expect(normalizeCode("123 456")).toBe("123456")
    expect(normalizeCode(" 012345 ")).toBe("012345")
    expect(normalizeCode("12345")).toBeNull()
    expect(normalizeCode("1234567")).toBeNull()
    expect(normalizeCode("12345a")).toBeNull()
    expect(normalizeCode(123456)).toBeNull()
  })
})
