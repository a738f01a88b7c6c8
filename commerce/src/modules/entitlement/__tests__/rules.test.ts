import { describe, expect, it } from "vitest"
import { courseUpgradePrice, planOrderEntitlements, refundTotals, upgradesCreditedBy, type HeldEntitlement, type OrderForGrant } from "../rules"

const products = [
  {
    id: "prod_course",
    metadata: {
      cms_document_id: "Course1",
      cms_kind: "course",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      course_document_id: "Course1",
      lesson_document_ids: ["L1", "L2", "L3", "L4"],
      validity_days: null,
    },
  },
  {
    id: "prod_taster",
    metadata: {
      cms_document_id: "Taster3",
      cms_kind: "bundle",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      course_document_id: "Course1",
      lesson_document_ids: ["L1", "L2", "L3"],
      validity_days: 30,
    },
  },
  {
    id: "prod_pack",
    metadata: {
      cms_document_id: "Pack10",
      cms_kind: "bundle",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      course_document_id: "Course1",
      lesson_document_ids: ["L1", "L2"],
      validity_days: null,
    },
  },
  { id: "prod_tshirt", metadata: { note: "not from the CMS" } },
]

function order(overrides: Partial<OrderForGrant> = {}): OrderForGrant {
  return {
    id: "order_1",
    customer_id: "cus_1",
    status: "pending",
    created_at: "2026-03-10T08:00:00.000Z",
    items: [
      { id: "item_taster", product_id: "prod_taster", quantity: 1, unit_price: 29.9, total: 29.9, metadata: {} },
      { id: "item_tshirt", product_id: "prod_tshirt", quantity: 2, unit_price: 50, total: 100, metadata: null },
    ],
    ...overrides,
  }
}

describe("planOrderEntitlements", () => {
  it("grants a bundle's lessons, with its validity from the order date", () => {
    expect(planOrderEntitlements(order(), products)).toEqual([
      {
        customer_id: "cus_1",
        course_document_id: "Course1",
        scope: "lessons",
        lesson_document_ids: ["L1", "L2", "L3"],
        source_kind: "bundle",
        source_document_id: "Taster3",
        order_id: "order_1",
        line_item_id: "item_taster",
        paid_fen: 2990,
        starts_at: new Date("2026-03-10T08:00:00.000Z"),
        expires_at: new Date("2026-04-09T08:00:00.000Z"),
      },
    ])
  })

  it("grants a course whole, and marks the upgrade line as such", () => {
    const grants = planOrderEntitlements(
      order({
        items: [
          { id: "item_course", product_id: "prod_course", quantity: 1, unit_price: 169.1, total: 169.1, metadata: { course_upgrade: true } },
          { id: "item_pack", product_id: "prod_pack", quantity: 1, unit_price: 99, total: 89, metadata: null },
        ],
      }),
      products
    )
    expect(grants.map((g) => [g.line_item_id, g.scope, g.source_kind, g.lesson_document_ids, g.paid_fen, g.expires_at])).toEqual([
      ["item_course", "course", "upgrade", null, 16910, null],
      // paid_fen is the line total after adjustments (a 10 yuan promotion here), not the list price.
      ["item_pack", "lessons", "bundle", ["L1", "L2"], 8900, null],
    ])
  })

  it("falls back to unit price × quantity when the total is not known", () => {
    const grants = planOrderEntitlements(
      order({ items: [{ id: "item_course", product_id: "prod_course", quantity: 1, unit_price: "199" }] }),
      products
    )
    expect(grants[0]).toMatchObject({ source_kind: "course", paid_fen: 19900 })
  })

  it("grants nothing without a customer, for a canceled order, or for other products", () => {
    expect(planOrderEntitlements(order({ customer_id: null }), products)).toEqual([])
    expect(planOrderEntitlements(order({ status: "canceled" }), products)).toEqual([])
    expect(planOrderEntitlements(order({ items: [order().items![1]] }), products)).toEqual([])
    expect(planOrderEntitlements(order({ items: null }), products)).toEqual([])
  })
})

describe("courseUpgradePrice", () => {
  it("is the course price minus what the lessons cost", () => {
    expect(courseUpgradePrice(19900, 2990)).toEqual({ list_price_fen: 19900, credit_fen: 2990, price_fen: 16910, unit_price: 169.1 })
  })

  it("is never below zero", () => {
    expect(courseUpgradePrice(19900, 2990 + 9900 + 9900)).toMatchObject({ price_fen: 0, unit_price: 0 })
    expect(courseUpgradePrice(19900, 19900)).toMatchObject({ price_fen: 0 })
  })
})

describe("refundTotals", () => {
  const payment = (captures: number[], refunds: number[]) => ({
    captures: captures.map((amount) => ({ amount })),
    refunds: refunds.map((amount) => ({ amount })),
  })

  it("is a full refund when everything captured was refunded", () => {
    expect(refundTotals([payment([29.9], [29.9])])).toEqual({ captured_fen: 2990, refunded_fen: 2990, fully_refunded: true })
    expect(refundTotals([payment([99], [50, 49])]).fully_refunded).toBe(true)
  })

  it("is not a full refund when part of the capture is kept", () => {
    expect(refundTotals([payment([99], [50])])).toEqual({ captured_fen: 9900, refunded_fen: 5000, fully_refunded: false })
  })

  it("adds up every payment of the order", () => {
    expect(refundTotals([payment([29.9], [29.9]), payment([99], [])]).fully_refunded).toBe(false)
    expect(refundTotals([payment([29.9], [29.9]), payment([99], [99])]).fully_refunded).toBe(true)
  })

  it("is no full refund when nothing was captured", () => {
    expect(refundTotals([payment([], [])]).fully_refunded).toBe(false)
    expect(refundTotals([]).fully_refunded).toBe(false)
    expect(refundTotals([null, { captures: null, refunds: null }]).fully_refunded).toBe(false)
  })
})

describe("upgradesCreditedBy", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, day))
  const held = (id: string, overrides: Partial<HeldEntitlement>): HeldEntitlement => ({
    id,
    customer_id: "cus_A",
    course_document_id: "C1",
    scope: "lessons",
    source_kind: "bundle",
    created_at: at(1),
    ...overrides,
  })

  it("finds the upgrades of the same customer and course granted after a revoked bundle", () => {
    const bundle = held("ent_bundle", {})
    const upgrade = held("ent_upgrade", { scope: "course", source_kind: "upgrade", created_at: at(2) })
    const earlier = held("ent_early", { scope: "course", source_kind: "upgrade", created_at: at(0) })
    const otherCourse = held("ent_other_course", { scope: "course", source_kind: "upgrade", course_document_id: "C2", created_at: at(3) })
    const otherCustomer = held("ent_other_customer", { scope: "course", source_kind: "upgrade", customer_id: "cus_B", created_at: at(3) })
    const bought = held("ent_bought", { scope: "course", source_kind: "course", created_at: at(3) })
    expect(upgradesCreditedBy([bundle], [upgrade, earlier, otherCourse, otherCustomer, bought]).map((e) => e.id)).toEqual(["ent_upgrade"])
  })

  it("a revoked course (not a bundle) credits nothing", () => {
    const course = held("ent_course", { scope: "course", source_kind: "course" })
    const upgrade = held("ent_upgrade", { scope: "course", source_kind: "upgrade", created_at: at(2) })
    expect(upgradesCreditedBy([course], [upgrade])).toEqual([])
  })
})
