import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { andWaitFor as waitForSubscribers, seedStore, settleEvents } from "./seeded-store"
import { beforeAll, describe, expect, it } from "vitest"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
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

    async function lessonAccess(who: Who, extra = "") {
      const res = await api.get(
        `/store/customers/me/lesson-access?course_document_id=${COURSE}&lesson_document_id=ML2${extra}`,
        { ...pk(customers[who].token), ...noThrow }
      )
      return res
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

    async function registerCustomer(email: string) {
      const registration = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
      const created = await api.post("/store/customers", { email }, pk(registration.data.token))
      const login = await api.post("/auth/customer/emailpass", { email, password: PASSWORD })
      return { id: created.data.customer.id as string, token: login.data.token as string, email }
    }

    beforeAll(async () => {
      const container = getContainer()
      ;({ publishableKey, regionId } = await seedStore(container))
      adminJwt = (await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).data.token

      for (const doc of [courseDoc(), bundleDoc()]) {
        expect((await api.post("/admin/catalog/documents", doc, admin())).data.action).toBe("create")
      }
      for (const handle of [COURSE_HANDLE, BUNDLE_HANDLE, "membership-monthly", "membership-yearly", "membership-lifetime"]) {
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
        expect(member.prices, JSON.stringify(member)).toHaveLength(2)
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
        await andWaitFor("order.canceled", () => api.post(`/admin/orders/${second.id}/cancel`, {}, admin()))
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

    describe("GET /store/customers/me/lesson-access with visibility", () => {
      it("opens member-only and plan-only content to members of those plans", async () => {
        const plain = await lessonAccess("A")
        expect(plain.data).toEqual({ allowed: false, reason: "none", expires_at: null })
        expect((await lessonAccess("A", "&visibility=members")).data).toEqual({ allowed: false, reason: "none", expires_at: null })

        await buy("membership-monthly", "A")
        const endsAt = (await myMembership("A"))!.ends_at
        expect((await lessonAccess("A", "&visibility=members")).data).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        expect((await lessonAccess("A", "&visibility=plans&plans=yearly,lifetime")).data).toMatchObject({ allowed: false, reason: "none" })
        expect((await lessonAccess("A", "&visibility=plans&plans=yearly,monthly")).data).toMatchObject({ allowed: true, reason: "membership" })
        // Without the parameters (or public), entitlements only, as before.
        expect((await lessonAccess("A")).data).toEqual({ allowed: false, reason: "none", expires_at: null })
        expect((await lessonAccess("A", "&visibility=public")).data).toEqual({ allowed: false, reason: "none", expires_at: null })
      })

      it("a monthly member who buys yearly opens yearly-only content at once, and keeps monthly content", async () => {
        await buy("membership-monthly", "A")
        expect((await lessonAccess("A", "&visibility=plans&plans=yearly")).data).toMatchObject({ allowed: false })
        await buy("membership-yearly", "A")
        const [yearly] = await memberships().listMembershipPeriods({ plan_handle: "yearly" })
        // The yearly days sit after the monthly ones on the timeline...
        expect(new Date(yearly.starts_at).getTime()).toBeGreaterThan(Date.now())
        // ...but the content of the plan bought is open now.
        const endsAt = (await myMembership("A"))!.ends_at
        expect((await lessonAccess("A", "&visibility=plans&plans=yearly")).data).toEqual({ allowed: true, reason: "membership", expires_at: endsAt })
        expect((await lessonAccess("A", "&visibility=plans&plans=monthly")).data).toMatchObject({ allowed: true, reason: "membership" })
        expect((await lessonAccess("A", "&visibility=plans&plans=lifetime")).data).toMatchObject({ allowed: false })
      })

      it("answers 400 for bad visibility parameters and 401 without a customer", async () => {
        const noPlans = await lessonAccess("A", "&visibility=plans")
        expect(noPlans.status).toBe(400)
        expect(noPlans.data.message).toMatch(/plans is required when visibility is plans/)
        const plansAlone = await lessonAccess("A", "&plans=monthly")
        expect(plansAlone.status).toBe(400)
        expect(plansAlone.data.message).toMatch(/only allowed with visibility=plans/)
        const unknown = await lessonAccess("A", "&visibility=vip")
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/visibility/)

        for (const url of ["/store/customers/me/membership", `/store/customers/me/lesson-access?course_document_id=${COURSE}&lesson_document_id=ML1&visibility=members`]) {
          expect((await api.get(url, { ...pk(), ...noThrow })).status).toBe(401)
        }
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
