import { describe, expect, it } from "vitest"
import { daysLeft, DAY_MS, replayTimeline, statusAt } from "../timeline"
import { memberPriceChange, memberPriceFen, planOrderMemberships } from "../rules"

const T0 = new Date("2026-03-01T00:00:00.000Z").getTime()
const at = (days: number) => new Date(T0 + days * DAY_MS)

describe("replayTimeline", () => {
  it("extends from the current end when bought while active, and starts at purchase after a lapse", () => {
    const t = replayTimeline([
      { id: "p1", plan_handle: "monthly", days: 30, purchased_at: at(0) },
      { id: "p2", plan_handle: "monthly", days: 30, purchased_at: at(10) },
      { id: "p3", plan_handle: "yearly", days: 365, purchased_at: at(100) },
    ])
    expect(t.periods.map((p) => [p.starts_at, p.ends_at])).toEqual([
      [at(0), at(30)],
      [at(30), at(60)],
      [at(100), at(465)],
    ])
    expect(t).toMatchObject({ starts_at: at(100), ends_at: at(465), plan_handle: "yearly", live: true })
  })

  it("a revoked period removes exactly its days; nothing left is revoked", () => {
    const periods = [
      { id: "p1", plan_handle: "monthly", days: 30, purchased_at: at(0) },
      { id: "p2", plan_handle: "monthly", days: 30, purchased_at: at(10), revoked_at: at(11) },
      { id: "p3", plan_handle: "quarterly", days: 91, purchased_at: at(20) },
    ]
    expect(replayTimeline(periods).ends_at).toEqual(at(121))
    const none = replayTimeline(periods.map((p) => ({ ...p, revoked_at: at(50) })))
    expect(none.live).toBe(false)
    expect(statusAt(none, at(0))).toBe("revoked")
  })

  it("lifetime never ends and later periods add nothing", () => {
    const t = replayTimeline([
      { id: "p1", plan_handle: "monthly", days: 30, purchased_at: at(0) },
      { id: "p2", plan_handle: "lifetime", days: null, purchased_at: at(5) },
      { id: "p3", plan_handle: "monthly", days: 30, purchased_at: at(6) },
    ])
    expect(t).toMatchObject({ ends_at: null, plan_handle: "lifetime" })
    expect(t.periods[1]).toEqual({ id: "p2", starts_at: at(30), ends_at: null })
    expect(statusAt(t, at(10_000))).toBe("active")
    expect(daysLeft(null, at(0))).toBeNull()
  })

  it("counts days left rounded up, expired once the end passed", () => {
    expect(daysLeft(at(30), new Date(at(0).getTime() + 1))).toBe(30)
    expect(daysLeft(at(30), at(31))).toBe(0)
    expect(statusAt({ live: true, ends_at: at(30) }, at(30))).toBe("expired")
  })
})

describe("planOrderMemberships", () => {
  it("one period per plan line, quantity multiplies, other lines and guests grant nothing", () => {
    const order = {
      id: "order_1",
      customer_id: "cus_1",
      items: [
        { id: "li_1", product_id: "prod_m", quantity: 2, total: 78 },
        { id: "li_2", product_id: "prod_l", quantity: 1, total: 999 },
        { id: "li_3", product_id: "prod_course", quantity: 1, total: 199 },
      ],
    }
    const products = [
      { id: "prod_m", metadata: { membership_plan_handle: "monthly" } },
      { id: "prod_l", metadata: { membership_plan_handle: "lifetime" } },
      { id: "prod_course", metadata: { cms_kind: "course" } },
    ]
    const plans = [
      { handle: "monthly", interval: "month", duration_days: 30 },
      { handle: "lifetime", interval: "lifetime", duration_days: null },
    ]
    expect(planOrderMemberships(order, products, plans).lines).toEqual([
      { line_item_id: "li_1", plan_handle: "monthly", days: 60, paid_fen: 7800 },
      { line_item_id: "li_2", plan_handle: "lifetime", days: null, paid_fen: 99900 },
    ])
    expect(planOrderMemberships({ ...order, customer_id: null }, products, plans).lines).toEqual([])
    expect(planOrderMemberships({ ...order, status: "canceled" }, products, plans).lines).toEqual([])
  })
})

describe("member prices", () => {
  it("are 80% of the list price in whole fen, kept when set, reset when above the list price", () => {
    expect(memberPriceFen(19900)).toBe(15920)
    expect(memberPriceFen(2990)).toBe(2392)
    expect(memberPriceFen(999)).toBe(799)
    expect(memberPriceChange(19900, null)).toEqual({ action: "create", amount_fen: 15920 })
    expect(memberPriceChange(19900, 15000)).toEqual({ action: "none" })
    expect(memberPriceChange(9900, 15000)).toEqual({ action: "update", amount_fen: 7920 })
  })
})
