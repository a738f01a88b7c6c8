import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { andWaitFor as waitForSubscribers, cancelOrderAsOperator, seedStore, settleEvents } from "./seeded-store"
import { registerVerifiedCustomer } from "./verified-customer"
import { beforeAll, describe, expect, it } from "vitest"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../src/modules/entitlement"
import type EntitlementModuleService from "../../src/modules/entitlement/service"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import { upsertCourseAccessRuleStep } from "../../src/workflows/catalog/steps/upsert-course-access-rule"
import seed from "../../src/scripts/seed"

// Paid memberships, member prices and member-only content, through the real store and admin APIs.

const ADMIN_EMAIL = "admin@example.test"
const ADMIN_PASSWORD = "correct horse battery staple"
const PASSWORD = "member-plan-2026"
const DAY = 86_400_000

const COURSE = "MemberCourse1"
const courseDoc = (overrides: Record<string, unknown> = {}) => ({
  document_id: COURSE,
  kind: "course",
  state: "published",
  slug: "member-course",
  title: "会员课程",
  summary: null,
  price_fen: 19900,
  lesson_document_ids: ["ML1", "ML2"],
  visibility: "public",
  visible_to_plans: [],
  lesson_visibility: [],
  cms_updated_at: "2026-03-01T10:00:00.000Z",
  ...overrides,
})
const bundleDoc = () => ({
  document_id: "MemberTaster1",
  kind: "bundle",
  state: "published",
  slug: "member-taster",
  title: "会员课程 · 试听",
  summary: null,
  price_fen: 2990,
  course_document_id: COURSE,
  lesson_document_ids: ["ML1"],
  validity_days: null,
  cms_updated_at: "2026-03-01T10:00:00.000Z",
})
const COURSE_HANDLE = `course-${COURSE.toLowerCase()}`
const BUNDLE_HANDLE = "bundle-membertaster1"

// Member-only content as the CMS outbox delivers it: the course's visibility and that of each
// lesson that is not public. Commerce decides lesson-access from these, never from the caller.
const GATED = "GatedCourse1" // ¥99, public, with member-only and plan-only lessons
const GATED_HANDLE = `course-${GATED.toLowerCase()}`
const lessonRule = (lesson: string, ...plans: string[]) => ({
  lesson_document_id: lesson,
  visibility: plans.length ? "plans" : "members",
  visible_to_plans: plans,
})
const gatedDoc = () => ({
  document_id: GATED,
  kind: "course",
  state: "published",
  slug: "gated-course",
  title: "分级课程",
  summary: null,
  price_fen: 9900,
  lesson_document_ids: ["GOpen", "GMembers", "GYearlyLifetime", "GYearlyMonthly", "GYearly", "GMonthly", "GLifetime"],
  visibility: "public",
  visible_to_plans: [],
  lesson_visibility: [
    lessonRule("GMembers"),
    lessonRule("GYearlyLifetime", "yearly", "lifetime"),
    lessonRule("GYearlyMonthly", "yearly", "monthly"),
    lessonRule("GYearly", "yearly"),
    lessonRule("GMonthly", "monthly"),
    lessonRule("GLifetime", "lifetime"),
  ],
  cms_updated_at: "2026-03-01T10:00:00.000Z",
})
const MEMBERS_ONLY = "MembersOnly1" // members only, no price: not for sale, so no product
const membersOnlyDoc = (overrides: Record<string, unknown> = {}) => ({
  document_id: MEMBERS_ONLY,
  kind: "course",
  state: "archived",
  slug: "members-only",
  title: "会员专享课",
  summary: null,
  price_fen: null,
  lesson_document_ids: ["MO1", "MO2"],
  visibility: "members",
  visible_to_plans: [],
  lesson_visibility: [],
  cms_updated_at: "2026-03-01T10:00:00.000Z",
  ...overrides,
})
const PLANS_COURSE = "YearlyCourse1" // for yearly and lifetime members; lesson YC2 only for lifetime (stricter of the two)
const plansCourseDoc = () => ({
  ...membersOnlyDoc(),
  document_id: PLANS_COURSE,
  slug: "yearly-course",
  title: "年度会员课",
  lesson_document_ids: ["YC1", "YC2"],
  visibility: "plans",
  visible_to_plans: ["yearly", "lifetime"],
  lesson_visibility: [lessonRule("YC2", "lifetime", "monthly")],
})
const NONE = { allowed: false, reason: "none", expires_at: null }

type Who = "A" | "B" | "C" | "V"
type MyMembership = {
  plan: { handle: string; title: string; interval: string }
  status: string
  starts_at: string
  ends_at: string | null
  days_left: number | null
} | null

medusaIntegrationTestRunner({
  cwd: path.resolve(__dirname, "../.."),
  env: { MEDUSA_ADMIN_EMAIL: ADMIN_EMAIL, MEDUSA_ADMIN_PASSWORD: ADMIN_PASSWORD },
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let adminJwt: string
    let regionId: string
    let vipGroupId: string
    const variants: Record<string, string> = {}
    const customers = {} as Record<Who, { id: string; token: string; email: string }>

    const noThrow = { validateStatus: () => true }
    const pk = (token?: string): AxiosRequestConfig => ({
      headers: { "x-publishable-api-key": publishableKey, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    })
    const admin = (): AxiosRequestConfig => ({ headers: { Authorization: `Bearer ${adminJwt}` } })
    const memberships = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

    const andWaitFor = <T>(event: string | string[], action: () => Promise<T>) => waitForSubscribers(getContainer(), event, action)

    async function cartWith(handle: string, who?: Who) {
      const token = who ? customers[who].token : undefined
      const created = await api.post("/store/carts", { region_id: regionId, ...(who ? {} : { email: "guest@example.test" }) }, pk(token))
      const cartId = created.data.cart.id as string
      const added = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variants[handle], quantity: 1 }, { ...pk(token), ...noThrow })
      expect(added.status, JSON.stringify(added.data)).toBe(200)
      return { id: cartId, unit_price: added.data.cart.items[0].unit_price as number, total: added.data.cart.total as number }
    }

    async function buy(handle: string, who: Who) {
      const token = customers[who].token
      const cart = await cartWith(handle, who)
      const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk(token))
      await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        pk(token)
      )
      const completed = await andWaitFor(settleEvents(collection.data.payment_collection.amount), () => api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(token), ...noThrow }))
      expect(completed.status, JSON.stringify(completed.data)).toBe(200)
      return completed.data.order as { id: string; total: number }
    }

    async function myMembership(who: Who): Promise<MyMembership> {
      const res = await api.get("/store/customers/me/membership", pk(customers[who].token))
      expect(res.status).toBe(200)
      return res.data.membership
    }

    async function lessonAccess(who: Who, lesson = "ML2", course = COURSE, extra = "") {
      const res = await api.get(
        `/store/customers/me/lesson-access?course_document_id=${course}&lesson_document_id=${lesson}${extra}`,
        { ...pk(customers[who].token), ...noThrow }
      )
      return res
    }
    /** The answer for a lesson of the gated course (200 expected). */
    async function gated(who: Who, lesson: string) {
      const res = await lessonAccess(who, lesson, GATED)
      expect(res.status, JSON.stringify(res.data)).toBe(200)
      return res.data
    }
    const deliver = async (doc: Record<string, unknown>) => {
      const res = await api.post("/admin/catalog/documents", doc, { ...admin(), ...noThrow })
      expect(res.status, JSON.stringify(res.data)).toBe(200)
      return res.data as { product_id: string | null; action: string }
    }

    async function inGroup(who: Who, groupName: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "customer", fields: ["groups.name"], filters: { id: customers[who].id } })
      return (data[0].groups ?? []).some((g: { name: string } | null) => g?.name === groupName)
    }

    async function refund(orderId: string) {
      const order = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin())
      const paymentId = order.data.order.payment_collections[0].payments[0].id
      await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, {}, admin()))
    }

    /** A verified customer (the code read from the mail catcher): only they may buy plans. */
    async function registerCustomer(email: string) {
      return registerVerifiedCustomer(api, getContainer(), { email, password: PASSWORD, publishableKey })
    }

    beforeAll(async () => {
      const container = getContainer()
      ;({ publishableKey, regionId } = await seedStore(container))
      adminJwt = (await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).data.token

      for (const doc of [courseDoc(), bundleDoc(), gatedDoc()]) {
        expect((await api.post("/admin/catalog/documents", doc, admin())).data.action).toBe("create")
      }
      // Not for sale: no product is made, but the visibility is stored all the same.
      for (const doc of [membersOnlyDoc(), plansCourseDoc()]) {
        expect((await api.post("/admin/catalog/documents", doc, admin())).data).toMatchObject({ product_id: null, action: "skip" })
      }
      for (const handle of [COURSE_HANDLE, BUNDLE_HANDLE, GATED_HANDLE, "membership-monthly", "membership-yearly", "membership-lifetime"]) {
        const products = await api.get(`/store/products?handle=${handle}&fields=handle,*variants`, pk())
        variants[handle] = products.data.products[0].variants[0].id
      }

      // A second tier: VIPs get 70% of the list price on the course.
      const vip = await api.post("/admin/customer-groups", { name: "vip" }, admin())
      vipGroupId = vip.data.customer_group.id
      const list = await api.post(
        "/admin/price-lists",
        {
          title: "VIP 价",
          description: "70%",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [vipGroupId] },
          prices: [{ variant_id: variants[COURSE_HANDLE], currency_code: "cny", amount: 139.3 }],
        },
        { ...admin(), ...noThrow }
      )
      expect(list.status, JSON.stringify(list.data)).toBe(200)

      customers.A = await registerCustomer("a@example.test")
      customers.B = await registerCustomer("b@example.test")
      customers.C = await registerCustomer("c@example.test")
      customers.V = await registerCustomer("v@example.test")
      await api.post(`/admin/customer-groups/${vipGroupId}/customers`, { add: [customers.V.id, customers.C.id] }, admin())
    })

    describe("seed", () => {
      it("sells every plan as a product in CNY and sets up members pricing", async () => {
        const res = await api.get(
          `/store/products?handle[]=membership-monthly&handle[]=membership-quarterly&handle[]=membership-yearly&handle[]=membership-lifetime&region_id=${regionId}&fields=handle,metadata,*variants.calculated_price`,
          pk()
        )
        const prices = Object.fromEntries(
          res.data.products.map((p: any) => [p.handle, [p.metadata.membership_plan_handle, p.variants[0].calculated_price.calculated_amount]])
        )
        expect(prices).toEqual({
          "membership-monthly": ["monthly", 39],
          "membership-quarterly": ["quarterly", 99],
          "membership-yearly": ["yearly", 299],
          "membership-lifetime": ["lifetime", 999],
        })
        const lists = await api.get("/admin/price-lists", admin())
        const member = lists.data.price_lists.find((l: { title: string }) => l.title === "会员价 Member prices")
        expect(member, JSON.stringify(lists.data)).toMatchObject({ type: "override", status: "active" })
        const groups = await api.get("/admin/customer-groups?name=members", admin())
        expect(groups.data.customer_groups).toHaveLength(1)
        expect(member.rules["customer.groups.id"]).toEqual([groups.data.customer_groups[0].id])

        await seed({ container: getContainer(), args: [] })
        const again = await api.get("/store/products?handle=membership-monthly&fields=id", pk())
        expect(again.data.products).toHaveLength(1)
        expect((await api.get("/admin/customer-groups?name=members", admin())).data.customer_groups).toHaveLength(1)
      })
    })

    describe("member prices from the catalog sync", () => {
      it("prices synced courses and bundles at 80%, keeps an operator's price, and shows them publicly", async () => {
        const res = await api.get(
          `/store/member-prices?variant_id=${variants[COURSE_HANDLE]}&variant_id=${variants[BUNDLE_HANDLE]}&variant_id=${variants["membership-monthly"]}`,
          pk()
        )
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          member_prices: { [variants[COURSE_HANDLE]]: 159.2, [variants[BUNDLE_HANDLE]]: 23.92 },
        })

        // An operator edits the member price in the admin; a later CMS delivery keeps it.
        const lists = await api.get("/admin/price-lists", admin())
        const listed = lists.data.price_lists.find((l: { title: string }) => l.title === "会员价 Member prices")
        const member = (await api.get(`/admin/price-lists/${listed.id}?fields=id,*prices`, admin())).data.price_list
        // The course, the bundle and the gated course (¥99 → ¥79.20).
        expect(member.prices, JSON.stringify(member)).toHaveLength(3)
        const price = member.prices.find((p: { amount: number }) => p.amount === 159.2)
        const edited = await api.post(
          `/admin/price-lists/${member.id}/prices/batch`,
          { update: [{ id: price.id, variant_id: variants[COURSE_HANDLE], currency_code: "cny", amount: 150 }] },
          { ...admin(), ...noThrow }
        )
        expect(edited.status, JSON.stringify(edited.data)).toBe(200)
        await api.post("/admin/catalog/documents", courseDoc({ cms_updated_at: "2026-03-02T10:00:00.000Z" }), admin())
        let after = await api.get(`/store/member-prices?variant_id=${variants[COURSE_HANDLE]}`, pk())
        expect(after.data.member_prices[variants[COURSE_HANDLE]]).toBe(150)
        // The list price drops below it: reset to 80% of the new list price.
        await api.post("/admin/catalog/documents", courseDoc({ price_fen: 9900, cms_updated_at: "2026-03-03T10:00:00.000Z" }), admin())
        after = await api.get(`/store/member-prices?variant_id=${variants[COURSE_HANDLE]}`, pk())
        expect(after.data.member_prices[variants[COURSE_HANDLE]]).toBe(79.2)
      })

      it("answers 400 without variant ids or publishable key", async () => {
        const none = await api.get("/store/member-prices", { ...pk(), ...noThrow })
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/variant_id/)
        const bad = await api.get("/store/member-prices?variant_id=prod_123", { ...pk(), ...noThrow })
        expect(bad.status).toBe(400)
        const noKey = await api.get(`/store/member-prices?variant_id=${variants[COURSE_HANDLE]}`, noThrow)
        expect(noKey.status).toBe(400)
        expect(noKey.data.message).toMatch(/publishable/i)
      })
    })

    describe("buying and renewing", () => {
      it("grants 30 days, extends from the current expiry, grants once per order, and a refund of the renewal shortens back", async () => {
        expect(await myMembership("A")).toBeNull()
        const before = Date.now()
        const first = await buy("membership-monthly", "A")
        expect(first.total).toBe(39)
        const one = (await myMembership("A"))!
        expect(one).toMatchObject({ plan: { handle: "monthly", title: "月度会员", interval: "month" }, status: "active", days_left: 30 })
        const firstEnd = Date.parse(one.ends_at!)
        expect(firstEnd - before).toBeGreaterThanOrEqual(30 * DAY)
        expect(firstEnd - Date.now()).toBeLessThanOrEqual(30 * DAY)
        expect(await inGroup("A", "members")).toBe(true)

        // Early renewal: the new 30 days start at the old expiry, not now.
        const renewal = await buy("membership-monthly", "A")
        const two = (await myMembership("A"))!
        expect(Date.parse(two.ends_at!)).toBe(firstEnd + 30 * DAY)
        expect(two.starts_at).toBe(one.starts_at)
        expect(two.days_left).toBe(60)

        // The same order handled again grants nothing more.
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        await engine.run("grant-membership-for-order", { input: { order_id: renewal.id } })
        expect((await memberships().listMembershipPeriods({ order_id: renewal.id })).length).toBe(1)
        expect((await myMembership("A"))!.ends_at).toBe(two.ends_at)

        // Revenue counts both purchases.
        let revenue = await api.get("/admin/memberships/revenue", admin())
        expect(revenue.data.revenue.find((r: { plan_handle: string }) => r.plan_handle === "monthly")).toMatchObject({ periods: 2, paid_fen: 7800 })

        // Refunding the renewal removes exactly its 30 days.
        await refund(renewal.id)
        const three = (await myMembership("A"))!
        expect(Date.parse(three.ends_at!)).toBe(firstEnd)
        expect(three.status).toBe("active")
        const [revoked] = await memberships().listMembershipPeriods({ order_id: renewal.id })
        expect(revoked.revoked_reason).toBe("refund")
        revenue = await api.get("/admin/memberships/revenue", admin())
        expect(revenue.data.revenue.find((r: { plan_handle: string }) => r.plan_handle === "monthly")).toMatchObject({ periods: 1, paid_fen: 3900 })
        expect(revenue.data.total_fen).toBe(3900)
      })

      it("two plan orders of a new member granted at the same time: both periods, one membership", async () => {
        const first = await buy("membership-monthly", "C")
        const second = await buy("membership-yearly", "C")
        // Back to "never a member" (hard delete), then both orders are granted concurrently.
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const [row] = await memberships().listMemberships({ customer_id: customers.C.id })
        await knex.raw(`delete from "membership_period" where "membership_id" = ?`, [row.id])
        await knex.raw(`delete from "membership" where "id" = ?`, [row.id])

        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        const runs = await Promise.all(
          [first.id, second.id].map((orderId) =>
            engine.run("grant-membership-for-order", { input: { order_id: orderId }, throwOnError: false })
          )
        )
        for (const run of runs) expect(run.errors, JSON.stringify(run.errors)).toEqual([])
        const rows = await memberships().listMemberships({ customer_id: customers.C.id })
        expect(rows).toHaveLength(1)
        const periods = await memberships().listMembershipPeriods({ membership_id: rows[0].id })
        expect(periods.map((p) => p.order_id).sort()).toEqual([first.id, second.id].sort())
        expect(rows[0].status).toBe("active")
      })

      it("refunding the first purchase moves the renewal up; canceling everything revokes and leaves the group", async () => {
        const first = await buy("membership-monthly", "A")
        const second = await buy("membership-monthly", "A")
        await refund(first.id)
        const left = (await myMembership("A"))!
        // 30 days remain (the renewal's): they move up to start when the renewal was bought.
        const [renewal] = await memberships().listMembershipPeriods({ order_id: second.id })
        expect(new Date(renewal.starts_at).getTime()).toBe(new Date(renewal.purchased_at).getTime())
        expect(Date.parse(left.ends_at!)).toBe(new Date(renewal.purchased_at).getTime() + 30 * DAY)
        expect(left.days_left).toBe(30)
        await andWaitFor("order.canceled", () => cancelOrderAsOperator(api, admin(), second.id))
        const gone = (await myMembership("A"))!
        expect(gone.status).toBe("revoked")
        expect(await inGroup("A", "members")).toBe(false)
      })

      it("a lifetime plan never ends", async () => {
        await buy("membership-lifetime", "B")
        expect(await myMembership("B")).toMatchObject({ plan: { handle: "lifetime", interval: "lifetime" }, status: "active", ends_at: null, days_left: null })
        const res = await api.post("/admin/memberships/expire-due", { as_of: "2099-01-01T00:00:00Z" }, admin())
        expect(res.data.expired).toBe(0)
        expect((await myMembership("B"))!.status).toBe("active")
      })
    })

    describe("member prices in the cart", () => {
      it("a non-member pays the list price, a member the member price, until the membership expires", async () => {
        await buy("membership-monthly", "A")
        const member = await cartWith(COURSE_HANDLE, "A")
        const visitor = await cartWith(COURSE_HANDLE, "B")
        expect(member.unit_price).toBe(159.2)
        expect(visitor.unit_price).toBe(199)
        const shown = await api.get(
          `/store/products?handle=${COURSE_HANDLE}&region_id=${regionId}&fields=*variants.calculated_price`,
          pk(customers.A.token)
        )
        expect(shown.data.products[0].variants[0].calculated_price.calculated_amount).toBe(159.2)

        // The clock moves past the end: the operator (or the hourly job) expires it.
        const endsAt = Date.parse((await myMembership("A"))!.ends_at!)
        const tooEarly = await api.post("/admin/memberships/expire-due", { as_of: new Date(endsAt - 60_000).toISOString() }, admin())
        expect(tooEarly.data.expired).toBe(0)
        const expired = await api.post("/admin/memberships/expire-due", { as_of: new Date(endsAt + 60_000).toISOString() }, admin())
        expect(expired.status).toBe(200)
        expect(expired.data.expired).toBe(1)
        expect((await myMembership("A"))!.status).toBe("expired")
        expect(await inGroup("A", "members")).toBe(false)
        expect((await cartWith(COURSE_HANDLE, "A")).unit_price).toBe(199)
      })

      it("a customer in several groups pays the lowest eligible price", async () => {
        // V is only a VIP; C is a VIP and becomes a member.
        expect((await cartWith(COURSE_HANDLE, "V")).unit_price).toBe(139.3)
        await buy("membership-monthly", "C")
        expect(await inGroup("C", "members")).toBe(true)
        expect(await inGroup("C", "vip")).toBe(true)
        const cart = await cartWith(COURSE_HANDLE, "C")
        expect(cart.unit_price).toBe(139.3)
        // Bundle: only the member list prices it.
        expect((await cartWith(BUNDLE_HANDLE, "C")).unit_price).toBe(23.92)
      })
    })

    describe("GET /store/customers/me/lesson-access: visibility as the catalog sync delivered it", () => {
      it("opens member-only and plan-only lessons to members of those plans, without any visibility parameter", async () => {
        expect(await gated("A", "GMembers")).toEqual(NONE)

        await buy("membership-monthly", "A")
        const endsAt = (await myMembership("A"))!.ends_at
        expect(await gated("A", "GMembers")).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        expect(await gated("A", "GYearlyLifetime")).toEqual(NONE)
        expect(await gated("A", "GYearlyMonthly")).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        // Public lessons of a paid course: buyers only, member or not.
        expect(await gated("A", "GOpen")).toEqual(NONE)
        expect((await lessonAccess("A")).data).toEqual(NONE)
        // A course commerce was never told about is public: entitlements only.
        expect((await lessonAccess("A", "X1", "NeverDelivered1")).data).toEqual(NONE)
      })

      it("entitlements still decide first: a buyer opens member-only lessons of the course without a membership", async () => {
        await buy(GATED_HANDLE, "B")
        expect(await gated("B", "GMembers")).toEqual({ allowed: true, reason: "course", expires_at: null })
        expect(await gated("B", "GLifetime")).toEqual({ allowed: true, reason: "course", expires_at: null })
      })

      it("a members-only course that is not for sale still opens to members, and its plan rules to their plans", async () => {
        const products = await api.get(`/store/products?handle=course-${MEMBERS_ONLY.toLowerCase()}`, pk())
        expect(products.data.products).toEqual([])
        expect((await lessonAccess("A", "MO2", MEMBERS_ONLY)).data).toEqual(NONE)

        await buy("membership-monthly", "A")
        const endsAt = (await myMembership("A"))!.ends_at
        for (const lesson of ["MO1", "MO2", "AnyLessonOfIt"]) {
          expect((await lessonAccess("A", lesson, MEMBERS_ONLY)).data).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        }
        // For yearly and lifetime members only: a monthly member stays out.
        expect((await lessonAccess("A", "YC1", PLANS_COURSE)).data).toEqual(NONE)
        expect((await lessonAccess("B", "MO1", MEMBERS_ONLY)).data).toEqual(NONE)
      })

      it("a monthly member who buys yearly opens yearly-only content at once, and keeps monthly content", async () => {
        await buy("membership-monthly", "A")
        expect(await gated("A", "GYearly")).toMatchObject({ allowed: false })
        await buy("membership-yearly", "A")
        const [yearly] = await memberships().listMembershipPeriods({ plan_handle: "yearly" })
        // The yearly days sit after the monthly ones on the timeline...
        expect(new Date(yearly.starts_at).getTime()).toBeGreaterThan(Date.now())
        // ...but the content of the plan bought is open now.
        const endsAt = (await myMembership("A"))!.ends_at
        expect(await gated("A", "GYearly")).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        expect(await gated("A", "GMonthly")).toMatchObject({ allowed: true, reason: "membership" })
        expect(await gated("A", "GLifetime")).toMatchObject({ allowed: false })
        // Course for yearly+lifetime, lesson for lifetime+monthly: the stricter of the two is lifetime only.
        expect((await lessonAccess("A", "YC1", PLANS_COURSE)).data).toMatchObject({ allowed: true, reason: "membership" })
        expect((await lessonAccess("A", "YC2", PLANS_COURSE)).data).toEqual(NONE)
      })

      it("refuses visibility and plans from the caller with 400: a member cannot declare a public paid lesson members-only", async () => {
        await buy("membership-monthly", "A")
        // One answer, whatever the values: the parameters no longer exist.
        for (const extra of ["&visibility=members", "&visibility=public", "&visibility=plans&plans=monthly", "&plans=monthly"]) {
          const res = await lessonAccess("A", "ML2", COURSE, extra)
          expect(res.status, extra).toBe(400)
          expect(res.data.message).toMatch(/Unrecognized fields: '(visibility|plans)/)
        }
        // Nor can a caller narrow member-only content: the same 400.
        expect((await lessonAccess("A", "GMembers", GATED, "&visibility=public")).status).toBe(400)
        // Without them, the public paid lesson stays closed to the member; the member-only one opens.
        expect((await lessonAccess("A", "ML2")).data).toEqual(NONE)
        expect(await gated("A", "GMembers")).toMatchObject({ allowed: true, reason: "membership" })

        for (const url of ["/store/customers/me/membership", `/store/customers/me/lesson-access?course_document_id=${GATED}&lesson_document_id=GMembers`]) {
          expect((await api.get(url, { ...pk(), ...noThrow })).status).toBe(401)
        }
      })

      it("follows the newest delivery: older deliveries are ignored, a later mark or a withdrawal replaces the rule", async () => {
        await buy("membership-monthly", "A")
        const open = async () => (await lessonAccess("A", "MO2", MEMBERS_ONLY)).data.allowed as boolean
        expect(await open()).toBe(true)
        // An older delivery that says public is stale: ignored.
        await deliver(membersOnlyDoc({ visibility: "public", cms_updated_at: "2026-02-01T10:00:00.000Z" }))
        expect(await open()).toBe(true)
        // A newer one replaces the rule...
        await deliver(membersOnlyDoc({ visibility: "plans", visible_to_plans: ["yearly"], cms_updated_at: "2026-03-02T10:00:00.000Z" }))
        expect(await open()).toBe(false)
        await deliver(membersOnlyDoc({ cms_updated_at: "2026-03-03T10:00:00.000Z" }))
        expect(await open()).toBe(true)
        // ...and a withdrawn course (unpublished or deleted in the CMS) opens to no member.
        await deliver({
          document_id: MEMBERS_ONLY,
          kind: "course",
          state: "archived",
          price_fen: null,
          lesson_document_ids: [],
          visibility: "public",
          visible_to_plans: [],
          lesson_visibility: [],
          cms_updated_at: "2026-03-04T10:00:00.000Z",
        })
        expect(await open()).toBe(false)
        // A CMS that sends no visibility (an older build) leaves the stored rule as it is.
        await deliver(membersOnlyDoc({ cms_updated_at: "2026-03-05T10:00:00.000Z" }))
        const { visibility: _v, visible_to_plans: _p, lesson_visibility: _l, ...older } = membersOnlyDoc({ cms_updated_at: "2026-03-06T10:00:00.000Z" })
        await deliver(older)
        expect(await open()).toBe(true)
      })

      it("refuses malformed visibility in a delivery", async () => {
        for (const bad of [
          membersOnlyDoc({ visibility: "vip" }),
          membersOnlyDoc({ visibility: "plans", visible_to_plans: ["Year Plan!"] }),
          membersOnlyDoc({ lesson_visibility: [{ lesson_document_id: "MO1", visibility: "public", visible_to_plans: [] }] }),
        ]) {
          const res = await api.post("/admin/catalog/documents", bad, { ...admin(), ...noThrow })
          expect(res.status, JSON.stringify(bad)).toBe(400)
        }
      })

      it("puts the rule back when a later step of the delivery fails (compensation)", async () => {
        const failAfter = createStep("fail-after-course-access-rule", async () => {
          throw new Error("a later step failed")
        })
        const failing = createWorkflow("test-course-access-rule-then-fail", (input: any) => {
          upsertCourseAccessRuleStep(input)
          failAfter()
          return new WorkflowResponse(null)
        })
        const rules = () => getContainer().resolve<EntitlementModuleService>(ENTITLEMENT_MODULE)
        const ruleOf = async (course: string) => (await rules().listCourseAccessRules({ course_document_id: course }))[0]
        const before = await ruleOf(MEMBERS_ONLY)
        expect(before).toMatchObject({ visibility: "members" })

        // An update is undone...
        const changed = await failing(getContainer()).run({
          input: membersOnlyDoc({ visibility: "public", cms_updated_at: "2026-03-09T10:00:00.000Z" }),
          throwOnError: false,
        })
        expect(changed.errors.length).toBeGreaterThan(0)
        expect(await ruleOf(MEMBERS_ONLY)).toMatchObject({ visibility: "members", cms_updated_at: before.cms_updated_at })
        // ...and so is a create.
        await failing(getContainer()).run({ input: membersOnlyDoc({ document_id: "BrandNew1" }), throwOnError: false })
        expect(await ruleOf("BrandNew1")).toBeUndefined()
      })
    })

    describe("operators", () => {
      it("lists members with email and the ones expiring soon", async () => {
        await buy("membership-monthly", "A")
        await buy("membership-yearly", "B")
        const all = await api.get("/admin/memberships", admin())
        expect(all.status).toBe(200)
        expect(all.data.count).toBe(2)
        expect(all.data.memberships.map((m: { email: string }) => m.email)).toEqual(["a@example.test", "b@example.test"])
        expect(all.data.memberships[0]).toMatchObject({ plan: { handle: "monthly", title: "月度会员" }, status: "active", days_left: 30 })

        expect((await api.get("/admin/memberships?expiring_within_days=7", admin())).data.memberships).toEqual([])
        const soon = await api.get("/admin/memberships?expiring_within_days=31", admin())
        expect(soon.data.memberships.map((m: { email: string }) => m.email)).toEqual(["a@example.test"])
      })

      it("expiry is a status refresh: a run with a future as_of is healed by the next run at the real time", async () => {
        await buy("membership-monthly", "A")
        await buy("membership-lifetime", "B")
        const future = await api.post("/admin/memberships/expire-due", { as_of: new Date(Date.now() + 90 * DAY).toISOString() }, admin())
        expect(future.data).toMatchObject({ expired: 1, reactivated: 0 })
        expect((await myMembership("A"))!.status).toBe("expired")
        expect(await inGroup("A", "members")).toBe(false)
        expect((await myMembership("B"))!.status).toBe("active")

        // The hourly job (no as_of: now) puts the paying member back, in the group too.
        const now = await api.post("/admin/memberships/expire-due", {}, admin())
        expect(now.data).toMatchObject({ expired: 0, reactivated: 1 })
        expect((await myMembership("A"))!.status).toBe("active")
        expect(await inGroup("A", "members")).toBe(true)
        // Nothing left to change.
        expect((await api.post("/admin/memberships/expire-due", {}, admin())).data).toMatchObject({ expired: 0, reactivated: 0 })
      })

      it("the expiry write re-checks ends_at: a renewal between lookup and update is not overwritten", async () => {
        await buy("membership-monthly", "A")
        await buy("membership-monthly", "B")
        const service = memberships()
        const [a] = await service.listMemberships({ customer_id: customers.A.id })
        const [b] = await service.listMemberships({ customer_id: customers.B.id })
        const asOf = new Date(Date.now() + 40 * DAY)
        // Both were due as of asOf when looked up; then A renews (ends_at moves past asOf).
        const due = await service.listMemberships({ status: "active", ends_at: { $lte: asOf } })
        expect(due.map((m) => m.id).sort()).toEqual([a.id, b.id].sort())
        await buy("membership-monthly", "A")
        expect(Date.parse((await myMembership("A"))!.ends_at!)).toBeGreaterThan(asOf.getTime())

        const expired = await service.expireIfDue(due.map((m) => m.id), asOf)
        expect(expired).toEqual([{ id: b.id, customer_id: customers.B.id }])
        expect((await service.retrieveMembership(a.id)).status).toBe("active")
        expect((await service.retrieveMembership(b.id)).status).toBe("expired")

        // Likewise a reactivation only touches rows still expired and not due.
        expect(await service.reactivateIfCurrent([a.id, b.id], asOf)).toEqual([])
        expect(await service.reactivateIfCurrent([a.id, b.id], new Date())).toEqual([{ id: b.id, customer_id: customers.B.id }])
      })

      it("answers 400 for bad input and 401 without an admin", async () => {
        const bad = await api.post("/admin/memberships/expire-due", { as_of: "tomorrow" }, { ...admin(), ...noThrow })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/as_of must be an ISO datetime/)
        const badDays = await api.get("/admin/memberships?expiring_within_days=-1", { ...admin(), ...noThrow })
        expect(badDays.status).toBe(400)
        expect(badDays.data.message).toMatch(/expiring_within_days/)
        for (const [method, url] of [["get", "/admin/memberships"], ["get", "/admin/memberships/revenue"], ["post", "/admin/memberships/expire-due"]] as const) {
          const res = method === "get" ? await api.get(url, noThrow) : await api.post(url, {}, noThrow)
          expect(res.status).toBe(401)
        }
        // A customer token is no admin.
        expect((await api.get("/admin/memberships", { headers: { Authorization: `Bearer ${customers.A.token}` }, ...noThrow })).status).toBe(401)
      })
    })
  },
})
