import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isOrderPaid } from "../order-paid"

describe("isOrderPaid", () => {
  it("needs the captured amount to cover the total; authorization alone is not payment", () => {
    expect(isOrderPaid({ total: 99, payment_collections: [{ captured_amount: 0, status: "authorized" }] })).toBe(false)
    expect(isOrderPaid({ total: 99, payment_collections: [{ captured_amount: 50, status: "partially_captured" }] })).toBe(false)
    expect(isOrderPaid({ total: 99, payment_collections: [{ captured_amount: 99, status: "completed" }] })).toBe(true)
    expect(isOrderPaid({ total: 29.9, payment_collections: [{ captured_amount: "29.9", status: "completed" }] })).toBe(true)
  })

  it("a ¥0 order is paid as placed; a canceled order or collection never pays", () => {
    expect(isOrderPaid({ total: 0, payment_collections: [] })).toBe(true)
    expect(isOrderPaid({ total: 0, status: "canceled" })).toBe(false)
    expect(isOrderPaid({ total: 99, status: "canceled", payment_collections: [{ captured_amount: 99 }] })).toBe(false)
    expect(isOrderPaid({ total: 99, payment_collections: [{ captured_amount: 99, status: "canceled" }] })).toBe(false)
    expect(isOrderPaid(null)).toBe(false)
    expect(isOrderPaid({ total: 99 })).toBe(false)
  })

  it("is paid exactly when the captured fen reach the due fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 3 }), (dueFen, capturedFen) => {
        const order = {
          total: dueFen / 100,
          payment_collections: capturedFen.map((fen) => ({ captured_amount: fen / 100, status: "completed" })),
        }
        expect(isOrderPaid(order)).toBe(capturedFen.reduce((a, b) => a + b, 0) >= dueFen)
      })
    )
  })
})
