import { describe, expect, it } from "vitest"
import {
  readCatalogMetadata,
  type CatalogBundleInput,
  type CatalogDocumentInput,
} from "../../../../lib/catalog-product"
import { planCatalogChange, type ExistingProduct } from "../plan-catalog-change"

const SALES_CHANNEL = "sc_01TEST"

function doc(overrides: Record<string, unknown> = {}): CatalogDocumentInput {
  return {
    document_id: "AbC123xyz",
    kind: "course",
    state: "published",
    slug: "intro-to-tea",
    title: "茶道入门",
    summary: "从零开始",
    price_fen: 2990,
    cms_updated_at: "2026-03-01T10:00:00.000Z",
    ...overrides,
  } as CatalogDocumentInput
}

function bundle(overrides: Partial<CatalogBundleInput> = {}): CatalogBundleInput {
  return {
    document_id: "Bnd3Taster",
    kind: "bundle",
    state: "published",
    slug: "tea-taster",
    title: "茶道入门 · 试听三讲",
    summary: null,
    price_fen: 2990,
    course_document_id: "AbC123xyz",
    lesson_document_ids: ["L1", "L2", "L3"],
    validity_days: 30,
    cms_updated_at: "2026-03-01T10:00:00.000Z",
    ...overrides,
  }
}

function existing(overrides: Partial<ExistingProduct> = {}): ExistingProduct {
  return {
    id: "prod_01EXISTING",
    status: "published",
    metadata: {
      cms_document_id: "AbC123xyz",
      cms_kind: "course",
      cms_slug: "intro-to-tea",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      note: "kept",
    },
    variants: [{ id: "variant_01EXISTING" }],
    ...overrides,
  }
}

describe("readCatalogMetadata", () => {
  it("reads a bundle back", () => {
    expect(
      readCatalogMetadata({
        cms_document_id: "B1",
        cms_kind: "bundle",
        cms_slug: "b",
        cms_updated_at: "2026-03-01T10:00:00.000Z",
        course_document_id: "C1",
        lesson_document_ids: ["L1", 7, "L2"],
        validity_days: 30,
      })
    ).toEqual({
      cms_document_id: "B1",
      cms_kind: "bundle",
      cms_slug: "b",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      course_document_id: "C1",
      lesson_document_ids: ["L1", "L2"],
      validity_days: 30,
    })
  })

  it("treats a course synced before lessons were sent as its own course without lessons", () => {
    expect(readCatalogMetadata({ cms_document_id: "C1", cms_kind: "course", cms_updated_at: "x" })).toMatchObject({
      course_document_id: "C1",
      lesson_document_ids: [],
      validity_days: null,
    })
  })

  it("ignores products the CMS does not own, and bundles without a course", () => {
    expect(readCatalogMetadata(null)).toBeNull()
    expect(readCatalogMetadata({ note: "manual product" })).toBeNull()
    expect(readCatalogMetadata({ cms_document_id: "B1", cms_kind: "bundle" })).toBeNull()
  })
})

describe("planCatalogChange", () => {
  it("creates a published product when the document is new and offered", () => {
    const plan = planCatalogChange(doc(), undefined, SALES_CHANNEL)
    expect(plan.action).toBe("create")
    if (plan.action !== "create") throw new Error("unreachable")
    expect(plan.handle).toBe("course-abc123xyz")
    expect(plan.status).toBe("published")
    expect(plan.product).toMatchObject({
      title: "茶道入门",
      handle: "course-abc123xyz",
      description: "从零开始",
      status: "published",
      metadata: {
        cms_document_id: "AbC123xyz",
        cms_kind: "course",
        cms_slug: "intro-to-tea",
        cms_updated_at: "2026-03-01T10:00:00.000Z",
      },
      sales_channels: [{ id: SALES_CHANNEL }],
    })
    const variants = plan.product.variants as { manage_inventory: boolean; prices: unknown[] }[]
    expect(variants).toHaveLength(1)
    expect(variants[0].manage_inventory).toBe(false)
    expect(variants[0].prices).toEqual([{ currency_code: "cny", amount: 29.9 }])
  })

  it("creates without a sales channel when the store has no default one", () => {
    const plan = planCatalogChange(doc(), undefined, null)
    expect(plan.action).toBe("create")
    if (plan.action !== "create") throw new Error("unreachable")
    expect(plan.product).not.toHaveProperty("sales_channels")
  })

  it("skips a document that is not offered (no price) and was never synced", () => {
    const plan = planCatalogChange(doc({ price_fen: null }), undefined, SALES_CHANNEL)
    expect(plan).toEqual({
      action: "skip",
      reason: "not offered and never synced",
      product_id: null,
      handle: "course-abc123xyz",
      status: "none",
    })
  })

  it("skips an archived document that was never synced", () => {
    const plan = planCatalogChange(doc({ state: "archived" }), undefined, SALES_CHANNEL)
    expect(plan).toMatchObject({ action: "skip", product_id: null, status: "none" })
  })

  it("updates a known product and its price", () => {
    const plan = planCatalogChange(
      doc({ title: "茶道入门（第二版）", price_fen: 19900, cms_updated_at: "2026-03-02T08:00:00.000Z" }),
      existing(),
      SALES_CHANNEL
    )
    expect(plan.action).toBe("update")
    if (plan.action !== "update") throw new Error("unreachable")
    expect(plan.product_id).toBe("prod_01EXISTING")
    expect(plan.status).toBe("published")
    expect(plan.product).toEqual({
      id: "prod_01EXISTING",
      status: "published",
      title: "茶道入门（第二版）",
      description: "从零开始",
      metadata: {
        cms_document_id: "AbC123xyz",
        cms_kind: "course",
        cms_slug: "intro-to-tea",
        cms_updated_at: "2026-03-02T08:00:00.000Z",
        course_document_id: "AbC123xyz",
        lesson_document_ids: [],
        validity_days: null,
        note: "kept",
      },
    })
    expect(plan.variant_prices).toEqual({
      id: "variant_01EXISTING",
      prices: [{ currency_code: "cny", amount: 199 }],
    })
  })

  it("re-applies a delivery with the same cms_updated_at (idempotent redelivery)", () => {
    const plan = planCatalogChange(doc(), existing(), SALES_CHANNEL)
    expect(plan.action).toBe("update")
  })

  it("withdraws an archived document: status draft, no price change", () => {
    const plan = planCatalogChange(
      doc({ state: "archived", title: undefined, slug: undefined, summary: undefined, cms_updated_at: "2026-03-05T00:00:00.000Z" }),
      existing(),
      SALES_CHANNEL
    )
    expect(plan.action).toBe("update")
    if (plan.action !== "update") throw new Error("unreachable")
    expect(plan.status).toBe("draft")
    expect(plan.product.status).toBe("draft")
    expect(plan.product).not.toHaveProperty("title")
    expect(plan.product).not.toHaveProperty("description")
    expect(plan.variant_prices).toBeNull()
  })

  it("withdraws a published document whose price was removed", () => {
    const plan = planCatalogChange(
      doc({ price_fen: null, cms_updated_at: "2026-03-05T00:00:00.000Z" }),
      existing(),
      SALES_CHANNEL
    )
    expect(plan.action).toBe("update")
    if (plan.action !== "update") throw new Error("unreachable")
    expect(plan.status).toBe("draft")
    expect(plan.variant_prices).toBeNull()
  })

  it("skips a stale delivery (older cms_updated_at than the product's)", () => {
    const plan = planCatalogChange(
      doc({ title: "旧标题", cms_updated_at: "2026-02-28T23:59:59.000Z" }),
      existing(),
      SALES_CHANNEL
    )
    expect(plan).toEqual({
      action: "skip",
      reason: "stale",
      product_id: "prod_01EXISTING",
      handle: "course-abc123xyz",
      status: "published",
    })
  })

  it("compares cms_updated_at as instants, not strings (offsets and precision)", () => {
    // 12:00 at +08:00 is 04:00Z: older than the stored 10:00Z although it sorts after it as text.
    const olderWithOffset = planCatalogChange(
      doc({ cms_updated_at: "2026-03-01T12:00:00+08:00" }),
      existing(),
      SALES_CHANNEL
    )
    expect(olderWithOffset.action).toBe("skip")

    // Half a second later, but "…00.500Z" sorts before "…00Z" as text.
    const newerWithMillis = planCatalogChange(
      doc({ cms_updated_at: "2026-03-01T10:00:00.500Z" }),
      existing({ metadata: { cms_updated_at: "2026-03-01T10:00:00Z" } }),
      SALES_CHANNEL
    )
    expect(newerWithMillis.action).toBe("update")
  })

  it("updates a product that carries no cms_updated_at yet", () => {
    const plan = planCatalogChange(doc(), existing({ metadata: null, variants: null }), SALES_CHANNEL)
    expect(plan.action).toBe("update")
    if (plan.action !== "update") throw new Error("unreachable")
    // No variant to price: the product is updated, the price is left alone.
    expect(plan.variant_prices).toBeNull()
    expect(plan.product.metadata).toMatchObject({ cms_updated_at: "2026-03-01T10:00:00.000Z" })
  })

  it("keeps a course's lessons in order and names it its own course", () => {
    const plan = planCatalogChange(doc({ lesson_document_ids: ["L3", "L1", "L2"] }), undefined, SALES_CHANNEL)
    if (plan.action !== "create") throw new Error("unreachable")
    expect(plan.product.metadata).toEqual({
      cms_document_id: "AbC123xyz",
      cms_kind: "course",
      cms_slug: "intro-to-tea",
      cms_updated_at: "2026-03-01T10:00:00.000Z",
      course_document_id: "AbC123xyz",
      lesson_document_ids: ["L3", "L1", "L2"],
      validity_days: null,
    })
  })

  it("keeps the known lessons when an older CMS sends a course without lesson_document_ids", () => {
    const plan = planCatalogChange(
      doc({ cms_updated_at: "2026-03-02T00:00:00.000Z" }),
      existing({ metadata: { ...existing().metadata, lesson_document_ids: ["L1", "L2"] } }),
      SALES_CHANNEL
    )
    if (plan.action !== "update") throw new Error("unreachable")
    expect((plan.product.metadata as Record<string, unknown>).lesson_document_ids).toEqual(["L1", "L2"])
  })

  it("creates a bundle product with its course, lessons and validity", () => {
    const plan = planCatalogChange(bundle(), undefined, SALES_CHANNEL)
    expect(plan.action).toBe("create")
    if (plan.action !== "create") throw new Error("unreachable")
    expect(plan.handle).toBe("bundle-bnd3taster")
    expect(plan.product).toMatchObject({
      title: "茶道入门 · 试听三讲",
      handle: "bundle-bnd3taster",
      description: "",
      status: "published",
      metadata: {
        cms_document_id: "Bnd3Taster",
        cms_kind: "bundle",
        cms_slug: "tea-taster",
        cms_updated_at: "2026-03-01T10:00:00.000Z",
        course_document_id: "AbC123xyz",
        lesson_document_ids: ["L1", "L2", "L3"],
        validity_days: 30,
      },
      options: [{ title: "类型", values: ["课程包"] }],
      sales_channels: [{ id: SALES_CHANNEL }],
    })
    const variants = plan.product.variants as { title: string; manage_inventory: boolean; prices: unknown[] }[]
    expect(variants).toHaveLength(1)
    expect(variants[0]).toMatchObject({ title: "课程包", manage_inventory: false })
    expect(variants[0].prices).toEqual([{ currency_code: "cny", amount: 29.9 }])
  })

  it("stores no expiry for a bundle without validity_days", () => {
    const plan = planCatalogChange(bundle({ validity_days: undefined }), undefined, SALES_CHANNEL)
    if (plan.action !== "create") throw new Error("unreachable")
    expect((plan.product.metadata as Record<string, unknown>).validity_days).toBeNull()
  })

  it("updates a bundle's lessons, course and price", () => {
    const known = {
      id: "prod_01BUNDLE",
      status: "published",
      metadata: {
        cms_document_id: "Bnd3Taster",
        cms_kind: "bundle",
        cms_slug: "tea-taster",
        cms_updated_at: "2026-03-01T10:00:00.000Z",
        course_document_id: "AbC123xyz",
        lesson_document_ids: ["L1", "L2", "L3"],
        validity_days: 30,
      },
      variants: [{ id: "variant_01BUNDLE" }],
    }
    const plan = planCatalogChange(
      bundle({
        lesson_document_ids: ["L1", "L2", "L3", "L4"],
        validity_days: null,
        price_fen: 3990,
        cms_updated_at: "2026-03-02T00:00:00.000Z",
      }),
      known,
      SALES_CHANNEL
    )
    if (plan.action !== "update") throw new Error("unreachable")
    expect(plan.product.metadata).toMatchObject({
      lesson_document_ids: ["L1", "L2", "L3", "L4"],
      validity_days: null,
      cms_updated_at: "2026-03-02T00:00:00.000Z",
    })
    expect(plan.variant_prices).toEqual({ id: "variant_01BUNDLE", prices: [{ currency_code: "cny", amount: 39.9 }] })
  })

  it("withdraws an archived bundle and keeps what the delivery left out", () => {
    const known = {
      id: "prod_01BUNDLE",
      status: "published",
      metadata: {
        cms_document_id: "Bnd3Taster",
        cms_kind: "bundle",
        cms_updated_at: "2026-03-01T10:00:00.000Z",
        course_document_id: "AbC123xyz",
        lesson_document_ids: ["L1", "L2", "L3"],
        validity_days: 30,
      },
      variants: [{ id: "variant_01BUNDLE" }],
    }
    for (const withdrawn of [
      { document_id: "Bnd3Taster", kind: "bundle" as const, state: "archived" as const, price_fen: null, cms_updated_at: "2026-03-05T00:00:00.000Z" },
      // As the CMS sends it once the bundle is unpublished: no course, no lessons, no validity.
      {
        document_id: "Bnd3Taster",
        kind: "bundle" as const,
        state: "archived" as const,
        price_fen: null,
        course_document_id: null,
        lesson_document_ids: [],
        validity_days: null,
        cms_updated_at: "2026-03-05T00:00:00.000Z",
      },
    ]) {
      const plan = planCatalogChange(withdrawn, known, SALES_CHANNEL)
      if (plan.action !== "update") throw new Error("unreachable")
      expect(plan.status).toBe("draft")
      expect(plan.product.metadata).toMatchObject({
        cms_updated_at: "2026-03-05T00:00:00.000Z",
        course_document_id: "AbC123xyz",
        lesson_document_ids: ["L1", "L2", "L3"],
        validity_days: 30,
      })
      expect(plan.variant_prices).toBeNull()
    }
  })
})
