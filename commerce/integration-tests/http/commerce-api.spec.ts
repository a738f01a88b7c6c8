import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { seedStore } from "./seeded-store"
import { beforeAll, describe, expect, it } from "vitest"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import seed, { PUBLISHABLE_KEY_TITLE, SALES_CHANNEL_NAME } from "../../src/scripts/seed"

const ADMIN_EMAIL = "admin@example.test"
const ADMIN_PASSWORD = "correct horse battery staple"

/** A CMS delivery of one course, as the outbox sends it. */
function courseDoc(overrides: Record<string, unknown> = {}) {
  return {
    document_id: "Q7fLm2XkP9sT",
    kind: "course",
    state: "published",
    slug: "tea-basics",
    title: "茶道入门",
    summary: "从零开始学茶",
    price_fen: 2990,
    cms_updated_at: "2026-03-01T10:00:00.000Z",
    ...overrides,
  }
}
const HANDLE = "course-q7flm2xkp9st"

/** A CMS delivery of one split-price lesson bundle of that course. */
function bundleDoc(overrides: Record<string, unknown> = {}) {
  return {
    document_id: "Bq3Taster01",
    kind: "bundle",
    state: "published",
    slug: "tea-basics-taster",
    title: "茶道入门 · 试听三讲",
    summary: null,
    price_fen: 2990,
    course_document_id: "Q7fLm2XkP9sT",
    lesson_document_ids: ["Les01", "Les02", "Les03"],
    validity_days: 30,
    cms_updated_at: "2026-03-01T10:00:00.000Z",
    ...overrides,
  }
}
const BUNDLE_HANDLE = "bundle-bq3taster01"

medusaIntegrationTestRunner({
  cwd: path.resolve(__dirname, "../.."),
  env: { MEDUSA_ADMIN_EMAIL: ADMIN_EMAIL, MEDUSA_ADMIN_PASSWORD: ADMIN_PASSWORD },
  testSuite: ({ api, getContainer }) => {
    // Everything below is created once, before the runner snapshots the database; the
    // runner restores that snapshot before every test, so each test starts from here.
    let publishableKey: string
    let secretKey: string
    let adminJwt: string
    let regionId: string
    let salesChannelId: string

    const pk = (): AxiosRequestConfig => ({ headers: { "x-publishable-api-key": publishableKey } })
    // What the CMS does: HTTP Basic with the secret key as user name and no password.
    const cmsAuth = (): AxiosRequestConfig => ({
      headers: { Authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}` },
    })
    const noThrow = { validateStatus: () => true }

    const deliver = (doc: Record<string, unknown>) => api.post("/admin/catalog/documents", doc, cmsAuth())

    async function adminProducts(handle: string) {
      const res = await api.get(
        `/admin/products?handle=${handle}&fields=id,title,status,metadata,*variants,*variants.prices,*sales_channels`,
        cmsAuth()
      )
      return res.data.products as {
        id: string
        title: string
        status: string
        metadata: Record<string, unknown>
        variants: { id: string; prices: { currency_code: string; amount: number }[] }[]
        sales_channels: { id: string }[]
      }[]
    }

    async function storeProducts(handle: string) {
      const res = await api.get(
        `/store/products?handle=${handle}&region_id=${regionId}&fields=id,title,handle,*variants.calculated_price`,
        pk()
      )
      return res.data.products as {
        id: string
        title: string
        variants: { calculated_price: { calculated_amount: number; currency_code: string } }[]
      }[]
    }

    async function counts(container: MedusaContainer) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "cny" } })
      const { data: keys } = await query.graph({
        entity: "api_key",
        fields: ["id"],
        filters: { type: "publishable", title: PUBLISHABLE_KEY_TITLE },
      })
      const { data: channels } = await query.graph({
        entity: "sales_channel",
        fields: ["id"],
        filters: { name: SALES_CHANNEL_NAME },
      })
      const { data: stores } = await query.graph({
        entity: "store",
        fields: ["id", "default_sales_channel_id", "default_region_id", "supported_currencies.currency_code"],
      })
      const plans = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).listMembershipPlans({})
      const users = await container.resolve(Modules.USER).listUsers({ email: ADMIN_EMAIL })
      const identities = await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: ADMIN_EMAIL })
      return { regions, keys, channels, stores, plans, users, identities }
    }

    beforeAll(async () => {
      const container = getContainer()
      ;({ publishableKey, regionId, salesChannelId } = await seedStore(container))

      // The seeded operator logs in, and creates the secret key the CMS uses.
      const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      adminJwt = login.data.token
      const created = await api.post(
        "/admin/api-keys",
        { title: "CMS outbox", type: "secret" },
        { headers: { Authorization: `Bearer ${adminJwt}` } }
      )
      secretKey = created.data.api_key.token
      expect(secretKey).toMatch(/^sk_/)
    })

    describe("seed", () => {
      it("can run twice without duplicating anything", async () => {
        const container = getContainer()
        const first = await counts(container)
        await seed({ container, args: [] })
        const second = await counts(container)

        for (const snapshot of [first, second]) {
          expect(snapshot.regions).toHaveLength(1)
          expect(snapshot.keys).toHaveLength(1)
          expect(snapshot.channels).toHaveLength(1)
          expect(snapshot.plans.map((p) => p.handle).sort()).toEqual(["lifetime", "monthly", "quarterly", "yearly"])
          expect(snapshot.users).toHaveLength(1)
          expect(snapshot.identities).toHaveLength(1)
          expect(snapshot.stores).toHaveLength(1)
          const [store] = snapshot.stores
          expect(store.default_sales_channel_id).toBe(snapshot.channels[0].id)
          expect(store.default_region_id).toBe(snapshot.regions[0].id)
          expect(store.supported_currencies.map((c: { currency_code: string } | null) => c?.currency_code)).toEqual([
            "cny",
          ])
        }
        expect(second.regions[0].id).toBe(first.regions[0].id)
        expect(second.keys[0].id).toBe(first.keys[0].id)
        expect(second.users[0].id).toBe(first.users[0].id)

        // The region takes CNY through the system payment provider.
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: regions } = await query.graph({
          entity: "region",
          fields: ["name", "payment_providers.id", "countries.iso_2"],
          filters: { id: second.regions[0].id },
        })
        expect(regions[0].name).toBe("中国")
        expect(regions[0].payment_providers?.map((p: { id: string } | null) => p?.id)).toEqual(["pp_system_default"])
        expect(regions[0].countries?.map((c: { iso_2: string } | null) => c?.iso_2)).toEqual(["cn"])

        // The publishable key sells through the storefront's sales channel.
        const { data: keys } = await query.graph({
          entity: "api_key",
          fields: ["sales_channels.id"],
          filters: { id: second.keys[0].id },
        })
        expect(keys[0].sales_channels?.map((sc: { id: string } | null) => sc?.id)).toEqual([second.channels[0].id])
      })
    })

    describe("GET /store/membership-plans", () => {
      it("lists the active plans, shortest first", async () => {
        const res = await api.get("/store/membership-plans", pk())
        expect(res.status).toBe(200)
        expect(res.data.membership_plans.map((p: { interval: string }) => p.interval)).toEqual([
          "month",
          "quarter",
          "year",
          "lifetime",
        ])
        expect(res.data.membership_plans[0]).toMatchObject({ handle: "monthly", title: "月度会员", duration_days: 30 })
      })

      it("filters by interval", async () => {
        const res = await api.get("/store/membership-plans?interval=year", pk())
        expect(res.status).toBe(200)
        expect(res.data.membership_plans.map((p: { handle: string }) => p.handle)).toEqual(["yearly"])
      })

      it("answers 400 for an unknown interval or query parameter", async () => {
        const weekly = await api.get("/store/membership-plans?interval=weekly", { ...pk(), ...noThrow })
        expect(weekly.status).toBe(400)
        expect(weekly.data.message).toMatch(/interval/)

        const unknown = await api.get("/store/membership-plans?foo=bar", { ...pk(), ...noThrow })
        expect(unknown.status).toBe(400)
      })

      it("needs the publishable key", async () => {
        const res = await api.get("/store/membership-plans", noThrow)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/publishable/i)
      })
    })

    describe("POST /admin/catalog/documents", () => {
      it("creates the product of a new course, once", async () => {
        const res = await deliver(courseDoc())
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          product_id: expect.stringMatching(/^prod_/),
          handle: HANDLE,
          status: "published",
          action: "create",
        })

        const [product, ...others] = await adminProducts(HANDLE)
        expect(others).toHaveLength(0)
        expect(product.id).toBe(res.data.product_id)
        expect(product.title).toBe("茶道入门")
        expect(product.status).toBe("published")
        expect(product.metadata).toMatchObject({
          cms_document_id: "Q7fLm2XkP9sT",
          cms_updated_at: "2026-03-01T10:00:00.000Z",
        })
        expect(product.sales_channels.map((sc) => sc.id)).toEqual([salesChannelId])
        expect(product.variants).toHaveLength(1)
        expect(product.variants[0].prices.map((p) => [p.currency_code, p.amount])).toEqual([["cny", 29.9]])

        // The storefront sees it, priced in CNY.
        const store = await storeProducts(HANDLE)
        expect(store).toHaveLength(1)
        expect(store[0].title).toBe("茶道入门")
        expect(store[0].variants[0].calculated_price).toMatchObject({ calculated_amount: 29.9, currency_code: "cny" })

        // The outbox retries: the same delivery again changes nothing.
        const again = await deliver(courseDoc())
        expect(again.status).toBe(200)
        expect(again.data).toMatchObject({ action: "update", product_id: product.id, status: "published" })
        const after = await adminProducts(HANDLE)
        expect(after).toHaveLength(1)
        expect(after[0].variants).toHaveLength(1)
        expect(after[0].variants[0].prices.map((p) => [p.currency_code, p.amount])).toEqual([["cny", 29.9]])
        expect(await storeProducts(HANDLE)).toHaveLength(1)
      })

      it("applies a newer delivery (title and price) and ignores an older one", async () => {
        await deliver(courseDoc())
        const newer = await deliver(
          courseDoc({ title: "茶道入门（第二版）", price_fen: 19900, cms_updated_at: "2026-03-02T10:00:00.000Z" })
        )
        expect(newer.data.action).toBe("update")
        let [product] = await adminProducts(HANDLE)
        expect(product.title).toBe("茶道入门（第二版）")
        expect(product.variants[0].prices.map((p) => [p.currency_code, p.amount])).toEqual([["cny", 199]])

        // Delivered late: older than what the product already shows.
        const stale = await deliver(courseDoc({ title: "旧标题", price_fen: 100, cms_updated_at: "2026-03-01T12:00:00.000Z" }))
        expect(stale.status).toBe(200)
        expect(stale.data).toEqual({ product_id: product.id, handle: HANDLE, status: "published", action: "skip" })
        ;[product] = await adminProducts(HANDLE)
        expect(product.title).toBe("茶道入门（第二版）")
        expect(product.metadata.cms_updated_at).toBe("2026-03-02T10:00:00.000Z")
        expect(product.variants[0].prices.map((p) => p.amount)).toEqual([199])
        expect((await storeProducts(HANDLE))[0].title).toBe("茶道入门（第二版）")

        // Same rule with a UTC+8 timestamp: 17:00+08:00 is 09:00Z, before 10:00Z.
        const staleWithOffset = await deliver(
          courseDoc({ title: "旧标题（北京时间）", cms_updated_at: "2026-03-02T17:00:00+08:00" })
        )
        expect(staleWithOffset.data.action).toBe("skip")
        expect((await adminProducts(HANDLE))[0].title).toBe("茶道入门（第二版）")
      })

      it("refuses a delivery stamped in the future, so it cannot freeze the product", async () => {
        await deliver(courseDoc())
        const future = await api.post(
          "/admin/catalog/documents",
          courseDoc({ title: "来自 2099", price_fen: 1, cms_updated_at: "2099-01-01T00:00:00.000Z" }),
          { ...cmsAuth(), ...noThrow }
        )
        expect(future.status).toBe(400)
        expect(JSON.stringify(future.data)).toContain("cms_updated_at is in the future")
        // A real change after it still applies; a clock a minute fast is tolerated.
        const soon = new Date(Date.now() + 60_000).toISOString()
        const next = await deliver(courseDoc({ title: "茶道入门（新）", cms_updated_at: soon }))
        expect(next.status).toBe(200)
        expect(next.data.action).toBe("update")
        const [product] = await adminProducts(HANDLE)
        expect(product.title).toBe("茶道入门（新）")
        // The refused delivery's price (1 fen) never reached the product.
        expect(product.variants[0].prices.map((p) => p.amount)).toEqual([29.9])
      })

      it("withdraws an archived course: draft, gone from the store, price kept", async () => {
        await deliver(courseDoc())
        expect(await storeProducts(HANDLE)).toHaveLength(1)

        const res = await deliver({
          document_id: "Q7fLm2XkP9sT",
          kind: "course",
          state: "archived",
          price_fen: null,
          cms_updated_at: "2026-03-03T10:00:00.000Z",
        })
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ action: "update", status: "draft" })

        const [product, ...others] = await adminProducts(HANDLE)
        expect(others).toHaveLength(0)
        expect(product.status).toBe("draft")
        expect(product.title).toBe("茶道入门")
        expect(product.variants[0].prices.map((p) => p.amount)).toEqual([29.9])
        expect(await storeProducts(HANDLE)).toHaveLength(0)

        // Published again later: back in the store.
        await deliver(courseDoc({ cms_updated_at: "2026-03-04T10:00:00.000Z" }))
        expect(await storeProducts(HANDLE)).toHaveLength(1)
      })

      it("creates nothing for a course without a price that was never synced", async () => {
        const res = await deliver(courseDoc({ price_fen: null }))
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ product_id: null, handle: HANDLE, status: "none", action: "skip" })
        expect(await adminProducts(HANDLE)).toHaveLength(0)
      })

      it.each([
        ["a negative price", courseDoc({ price_fen: -1 }), /price_fen/],
        ["a price in yuan", courseDoc({ price_fen: 29.9 }), /price_fen/],
        ["no cms_updated_at", courseDoc({ cms_updated_at: undefined }), /cms_updated_at/],
        ["a date that is not ISO 8601", courseDoc({ cms_updated_at: "yesterday" }), /ISO datetime/],
        ["an unknown field", courseDoc({ price_yuan: 29.9 }), /price_yuan/],
        ["an unknown kind", courseDoc({ kind: "lesson" }), /kind must be one of: course, bundle/],
        ["lesson ids that are not a list", courseDoc({ lesson_document_ids: "Les01" }), /lesson_document_ids/],
        ["a published course without title", courseDoc({ title: undefined }), /title and slug/],
      ])("answers 400 for %s", async (_, body, message) => {
        const res = await api.post("/admin/catalog/documents", body, { ...cmsAuth(), ...noThrow })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        expect(await adminProducts(HANDLE)).toHaveLength(0)
      })

      it("answers 401 without valid credentials", async () => {
        const none = await api.post("/admin/catalog/documents", courseDoc(), noThrow)
        expect(none.status).toBe(401)

        const wrongKey = await api.post("/admin/catalog/documents", courseDoc(), {
          headers: { Authorization: `Basic ${Buffer.from("sk_not-a-real-key:").toString("base64")}` },
          ...noThrow,
        })
        expect(wrongKey.status).toBe(401)

        // A secret key is only accepted as Basic auth.
        const asBearer = await api.post("/admin/catalog/documents", courseDoc(), {
          headers: { Authorization: `Bearer ${secretKey}` },
          ...noThrow,
        })
        expect(asBearer.status).toBe(401)

        // A publishable key is no admin credential.
        const publishable = await api.post("/admin/catalog/documents", courseDoc(), { ...pk(), ...noThrow })
        expect(publishable.status).toBe(401)

        expect(await adminProducts(HANDLE)).toHaveLength(0)
      })

      it("also accepts the admin user's token", async () => {
        const res = await api.post("/admin/catalog/documents", courseDoc(), {
          headers: { Authorization: `Bearer ${adminJwt}` },
        })
        expect(res.status).toBe(200)
        expect(res.data.action).toBe("create")
      })
    })

    describe("POST /admin/catalog/documents with bundles", () => {
      it("keeps a course's lessons, and accepts a course without them (older CMS)", async () => {
        const lessons = ["Les01", "Les02", "Les03", "Les04"]
        await deliver(courseDoc({ lesson_document_ids: lessons }))
        let [product] = await adminProducts(HANDLE)
        expect(product.metadata).toEqual({
          cms_document_id: "Q7fLm2XkP9sT",
          cms_kind: "course",
          cms_slug: "tea-basics",
          cms_updated_at: "2026-03-01T10:00:00.000Z",
          course_document_id: "Q7fLm2XkP9sT",
          lesson_document_ids: lessons,
          validity_days: null,
        })

        const old = await deliver(courseDoc({ title: "茶道入门（旧版 CMS）", cms_updated_at: "2026-03-02T10:00:00.000Z" }))
        expect(old.status).toBe(200)
        ;[product] = await adminProducts(HANDLE)
        expect(product.title).toBe("茶道入门（旧版 CMS）")
        expect(product.metadata.lesson_document_ids).toEqual(lessons)
      })

      it("creates a bundle product with its course, lessons and validity, sold in the store", async () => {
        const res = await deliver(bundleDoc())
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          product_id: expect.stringMatching(/^prod_/),
          handle: BUNDLE_HANDLE,
          status: "published",
          action: "create",
        })
        const [product, ...others] = await adminProducts(BUNDLE_HANDLE)
        expect(others).toHaveLength(0)
        expect(product.title).toBe("茶道入门 · 试听三讲")
        expect(product.metadata).toEqual({
          cms_document_id: "Bq3Taster01",
          cms_kind: "bundle",
          cms_slug: "tea-basics-taster",
          cms_updated_at: "2026-03-01T10:00:00.000Z",
          course_document_id: "Q7fLm2XkP9sT",
          lesson_document_ids: ["Les01", "Les02", "Les03"],
          validity_days: 30,
        })
        expect(product.sales_channels.map((sc) => sc.id)).toEqual([salesChannelId])
        expect(product.variants[0].prices.map((p) => [p.currency_code, p.amount])).toEqual([["cny", 29.9]])
        const store = await storeProducts(BUNDLE_HANDLE)
        expect(store).toHaveLength(1)
        expect(store[0].variants[0].calculated_price).toMatchObject({ calculated_amount: 29.9, currency_code: "cny" })

        // Redelivered: same product; a newer delivery changes lessons, price and validity.
        expect((await deliver(bundleDoc())).data).toMatchObject({ action: "update", product_id: product.id })
        await deliver(
          bundleDoc({
            lesson_document_ids: ["Les01", "Les02", "Les03", "Les04", "Les05"],
            price_fen: 3990,
            validity_days: null,
            cms_updated_at: "2026-03-02T10:00:00.000Z",
          })
        )
        const [after] = await adminProducts(BUNDLE_HANDLE)
        expect(after.metadata).toMatchObject({
          lesson_document_ids: ["Les01", "Les02", "Les03", "Les04", "Les05"],
          validity_days: null,
        })
        expect(after.variants[0].prices.map((p) => p.amount)).toEqual([39.9])
      })

      it("withdraws an archived bundle and keeps its lessons", async () => {
        await deliver(bundleDoc())
        // As the CMS sends an unpublished bundle: no course, no lessons, no validity.
        const res = await deliver({
          document_id: "Bq3Taster01",
          kind: "bundle",
          state: "archived",
          price_fen: null,
          course_document_id: null,
          lesson_document_ids: [],
          validity_days: null,
          cms_updated_at: "2026-03-03T10:00:00.000Z",
        })
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ action: "update", status: "draft" })
        const [product] = await adminProducts(BUNDLE_HANDLE)
        expect(product.status).toBe("draft")
        expect(product.metadata).toMatchObject({
          course_document_id: "Q7fLm2XkP9sT",
          lesson_document_ids: ["Les01", "Les02", "Les03"],
          validity_days: 30,
        })
        expect(await storeProducts(BUNDLE_HANDLE)).toHaveLength(0)
      })

      it.each([
        ["a published bundle without its course", bundleDoc({ course_document_id: undefined }), /course_document_id/],
        ["a published bundle whose course is null", bundleDoc({ course_document_id: null }), /course_document_id/],
        ["a published bundle without lessons", bundleDoc({ lesson_document_ids: [] }), /at least one of lesson_document_ids/],
        ["validity_days of 0", bundleDoc({ validity_days: 0 }), /validity_days/],
        ["validity_days that is not whole", bundleDoc({ validity_days: 1.5 }), /validity_days/],
        ["a course field on a bundle", bundleDoc({ kind: "course" }), /course_document_id|validity_days/],
        ["a published bundle without title", bundleDoc({ title: undefined }), /title and slug/],
      ])("answers 400 for %s", async (_, body, message) => {
        const res = await api.post("/admin/catalog/documents", body, { ...cmsAuth(), ...noThrow })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        expect(await adminProducts(BUNDLE_HANDLE)).toHaveLength(0)
      })
    })
  },
})
