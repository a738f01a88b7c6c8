import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { andWaitFor as waitForSubscribers, seedStore, settleEvents } from "./seeded-store"
import { registerVerifiedCustomer } from "./verified-customer"
import { beforeAll, describe, expect, it } from "vitest"
import { ENTITLEMENT_MODULE } from "../../src/modules/entitlement"
import type EntitlementModuleService from "../../src/modules/entitlement/service"

// Courses, split-price lesson bundles and gated learning, through the real store and admin APIs.

const ADMIN_EMAIL = "admin@example.test"
const ADMIN_PASSWORD = "correct horse battery staple"
const PASSWORD = "lesson-plan-2026"

const COURSE = "TeaCourse01"
const LESSONS = Array.from({ length: 12 }, (_, i) => `Lesson${String(i + 1).padStart(2, "0")}`)
const TASTER = "TeaTaster3"
const PACK = "TeaPack10"

const courseDoc = (overrides: Record<string, unknown> = {}) => ({
  document_id: COURSE,
  kind: "course",
  state: "published",
  slug: "tea-basics",
  title: "茶道入门",
  summary: "十二讲",
  price_fen: 19900,
  lesson_document_ids: LESSONS,
  cms_updated_at: "2026-03-01T10:00:00.000Z",
  ...overrides,
})
const bundleDoc = (overrides: Record<string, unknown> = {}) => ({
  document_id: TASTER,
  kind: "bundle",
  state: "published",
  slug: "tea-taster",
  title: "茶道入门 · 试听三讲",
  summary: null,
  price_fen: 2990,
  course_document_id: COURSE,
  lesson_document_ids: LESSONS.slice(0, 3),
  validity_days: 30,
  cms_updated_at: "2026-03-01T10:00:00.000Z",
  ...overrides,
})
const packDoc = () =>
  bundleDoc({
    document_id: PACK,
    slug: "tea-pack",
    title: "茶道入门 · 十讲包",
    price_fen: 9900,
    lesson_document_ids: LESSONS.slice(0, 10),
    validity_days: null,
  })

const COURSE_HANDLE = `course-${COURSE.toLowerCase()}`
const TASTER_HANDLE = `bundle-${TASTER.toLowerCase()}`
const PACK_HANDLE = `bundle-${PACK.toLowerCase()}`

type Entitlement = {
  id: string
  course_document_id: string
  scope: "course" | "lessons"
  lesson_document_ids: string[] | null
  source_kind: string
  source_document_id: string
  order_id: string
  starts_at: string
  expires_at: string | null
}

medusaIntegrationTestRunner({
  cwd: path.resolve(__dirname, "../.."),
  env: { MEDUSA_ADMIN_EMAIL: ADMIN_EMAIL, MEDUSA_ADMIN_PASSWORD: ADMIN_PASSWORD },
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let adminJwt: string
    let regionId: string
    let salesChannelId: string
    const variants: Record<string, string> = {}
    const customers: Record<"A" | "B", { id: string; token: string; email: string }> = {} as never

    const noThrow = { validateStatus: () => true }
    const pk = (token?: string): AxiosRequestConfig => ({
      headers: {
        "x-publishable-api-key": publishableKey,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    })
    const admin = (): AxiosRequestConfig => ({ headers: { Authorization: `Bearer ${adminJwt}` } })

    const entitlementService = () => getContainer().resolve<EntitlementModuleService>(ENTITLEMENT_MODULE)

    const andWaitFor = <T>(event: string | string[], action: () => Promise<T>) => waitForSubscribers(getContainer(), event, action)

    async function newCart(token?: string, email?: string) {
      const res = await api.post(
        "/store/carts",
        { region_id: regionId, ...(email ? { email } : {}) },
        pk(token)
      )
      return res.data.cart as { id: string; customer_id: string | null }
    }

    async function addLine(cartId: string, variantId: string, token?: string) {
      return api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, { ...pk(token), ...noThrow })
    }

    /** Payment collection + system payment session + complete, waiting for the capture and the grants. */
    async function checkout(cartId: string, token?: string) {
      const collection = await api.post("/store/payment-collections", { cart_id: cartId }, pk(token))
      await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        pk(token)
      )
      const completed = await andWaitFor(settleEvents(collection.data.payment_collection.amount), () =>
        api.post(`/store/carts/${cartId}/complete`, {}, { ...pk(token), ...noThrow })
      )
      expect(completed.status, JSON.stringify(completed.data)).toBe(200)
      expect(completed.data.type, JSON.stringify(completed.data)).toBe("order")
      const order = completed.data.order as { id: string; total: number; items: { id: string }[] }
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: order.id } })
      return { ...order, customer_id: data[0].customer_id as string }
    }

    async function buy(handleKey: string, who?: "A" | "B") {
      const token = who ? customers[who].token : undefined
      const cart = await newCart(token, who ? undefined : "guest@example.test")
      const added = await addLine(cart.id, variants[handleKey], token)
      expect(added.status, JSON.stringify(added.data)).toBe(200)
      return checkout(cart.id, token)
    }

    async function myEntitlements(who: "A" | "B", query = "") {
      const res = await api.get(`/store/customers/me/entitlements${query}`, pk(customers[who].token))
      expect(res.status).toBe(200)
      return res.data.entitlements as Entitlement[]
    }

    async function lessonAccess(who: "A" | "B", lesson: string, course = COURSE) {
      const res = await api.get(
        `/store/customers/me/lesson-access?course_document_id=${course}&lesson_document_id=${lesson}`,
        pk(customers[who].token)
      )
      expect(res.status).toBe(200)
      return res.data as { allowed: boolean; reason: string; expires_at: string | null }
    }

    async function upgrade(cartId: string, who: "A" | "B" | null, body: Record<string, unknown> = { course_document_id: COURSE }) {
      return api.post(`/store/carts/${cartId}/course-upgrade`, body, {
        ...pk(who ? customers[who].token : undefined),
        ...noThrow,
      })
    }

    async function orderPaymentId(orderId: string) {
      const res = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin())
      return res.data.order.payment_collections[0].payments[0].id as string
    }

    /** A verified customer (the code read from the mail catcher): only they may buy courses and bundles. */
    async function registerCustomer(email: string) {
      return registerVerifiedCustomer(api, getContainer(), {
        email,
        password: PASSWORD,
        publishableKey,
        customer: { first_name: email.split("@")[0] },
      })
    }

    beforeAll(async () => {
      const container = getContainer()
      ;({ publishableKey, regionId, salesChannelId } = await seedStore(container))

      const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      adminJwt = login.data.token

      // The CMS delivers the course and two bundles of it.
      for (const doc of [courseDoc(), bundleDoc(), packDoc()]) {
        const res = await api.post("/admin/catalog/documents", doc, admin())
        expect(res.data.action).toBe("create")
      }
      for (const handle of [COURSE_HANDLE, TASTER_HANDLE, PACK_HANDLE]) {
        const products = await api.get(`/store/products?handle=${handle}&fields=handle,*variants`, pk())
        variants[handle] = products.data.products[0].variants[0].id
      }
      expect(Object.keys(variants)).toHaveLength(3)

      customers.A = await registerCustomer("a@example.test")
      customers.B = await registerCustomer("b@example.test")
    })

    describe("buying a bundle", () => {
      it("grants exactly the bundle's lessons to the customer, for its validity", async () => {
        const order = await buy(TASTER_HANDLE, "A")
        expect(order.customer_id).toBe(customers.A.id)
        expect(order.total).toBe(29.9)

        const [granted, ...others] = await myEntitlements("A")
        expect(others).toHaveLength(0)
        expect(granted).toMatchObject({
          course_document_id: COURSE,
          scope: "lessons",
          lesson_document_ids: LESSONS.slice(0, 3),
          source_kind: "bundle",
          source_document_id: TASTER,
          order_id: order.id,
        })
        const days = (Date.parse(granted.expires_at!) - Date.parse(granted.starts_at)) / 86_400_000
        expect(days).toBe(30)
        const [stored] = await entitlementService().listEntitlements({ order_id: order.id })
        expect(stored.paid_fen).toBe(2990)
        expect(stored.line_item_id).toBe(order.items[0].id)

        expect(await lessonAccess("A", LESSONS[1])).toEqual({ allowed: true, reason: "bundle", expires_at: granted.expires_at })
        expect(await lessonAccess("A", LESSONS[3])).toEqual({ allowed: false, reason: "none", expires_at: null })
        expect(await lessonAccess("A", LESSONS[0], "AnotherCourse")).toMatchObject({ allowed: false, reason: "none" })
      })

      // Guest orders from before this rule are claimed by whoever verifies their email: accounts-and-mail.spec.ts.
      it("refuses a guest order of a bundle: access is bought by verified customers only", async () => {
        const cart = await newCart(undefined, "guest@example.test")
        expect((await addLine(cart.id, variants[PACK_HANDLE])).status).toBe(200)
        const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk())
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          pk()
        )
        const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(), ...noThrow })
        expect(completed.status).toBe(400)
        expect(completed.data.message).toMatch(/verified email/)
        expect(await entitlementService().listEntitlements({ course_document_id: COURSE })).toEqual([])
        expect(await myEntitlements("A")).toEqual([])
      })

      it("grants once when the order is handled twice", async () => {
        const order = await buy(TASTER_HANDLE, "A")
        // By id through the engine: importing the workflow here would register it a second time.
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        const again = await engine.run("grant-entitlements-for-order", { input: { order_id: order.id } })
        expect(again.result.created).toEqual([])
        expect(again.result.skipped_line_item_ids).toEqual([order.items[0].id])
        // The events delivered a second time: still one entitlement, and no second capture.
        const paymentId = await orderPaymentId(order.id)
        await andWaitFor(["order.placed", "payment.captured"], async () => {
          const bus = getContainer().resolve(Modules.EVENT_BUS)
          await bus.emit({ name: "order.placed", data: { id: order.id } })
          await bus.emit({ name: "payment.captured", data: { id: paymentId } })
        })
        const res = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments.captures`, admin())
        expect(res.data.order.payment_collections[0].payments[0].captures).toHaveLength(1)
        expect(await entitlementService().listEntitlements({ order_id: order.id })).toHaveLength(1)
        expect(await myEntitlements("A")).toHaveLength(1)
      })

      it("sells a course or bundle one at a time", async () => {
        const cart = await newCart(customers.A.token)
        const two = await api.post(
          `/store/carts/${cart.id}/line-items`,
          { variant_id: variants[TASTER_HANDLE], quantity: 2 },
          { ...pk(customers.A.token), ...noThrow }
        )
        expect(two.status).toBe(400)
        expect(two.data.message).toMatch(/quantity of a course or lesson bundle must be 1/)

        const first = await addLine(cart.id, variants[TASTER_HANDLE], customers.A.token)
        expect(first.status).toBe(200)
        const again = await addLine(cart.id, variants[TASTER_HANDLE], customers.A.token)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/already in the cart/)

        const lineId = first.data.cart.items[0].id
        const more = await api.post(
          `/store/carts/${cart.id}/line-items/${lineId}`,
          { quantity: 3 },
          { ...pk(customers.A.token), ...noThrow }
        )
        expect(more.status).toBe(400)
        expect(more.data.message).toMatch(/must be 1/)
      })
    })

    describe("paying: access follows captured money, never an authorization alone", () => {
      async function orderPayment(orderId: string) {
        const res = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections,*payment_collections.payments`, admin())
        const collection = res.data.order.payment_collections[0]
        return { collection, payment: collection.payments[0] as { id: string; captured_at: string | null; canceled_at: string | null } }
      }

      /** An order of the pack plus a product that is not a digital good: it stays authorized. */
      async function placeMixedOrder() {
        const created = await api.post(
          "/admin/products",
          {
            title: "茶具 Tea set",
            status: "published",
            options: [{ title: "Default", values: ["Default"] }],
            variants: [{ title: "Default", options: { Default: "Default" }, manage_inventory: false, prices: [{ currency_code: "cny", amount: 50 }] }],
            sales_channels: [{ id: salesChannelId }],
          },
          { ...admin(), ...noThrow }
        )
        expect(created.status, JSON.stringify(created.data)).toBe(200)
        const token = customers.A.token
        const cart = await newCart(token)
        expect((await addLine(cart.id, variants[PACK_HANDLE], token)).status).toBe(200)
        expect((await addLine(cart.id, created.data.product.variants[0].id, token)).status).toBe(200)
        const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk(token))
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          pk(token)
        )
        const completed = await andWaitFor("order.placed", () => api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(token), ...noThrow }))
        expect(completed.data.type, JSON.stringify(completed.data)).toBe("order")
        return completed.data.order as { id: string; total: number }
      }

      it("captures a digital order in full right after it is placed, and the capture grants", async () => {
        const order = await buy(PACK_HANDLE, "A")
        const { collection, payment } = await orderPayment(order.id)
        expect(payment.captured_at).toBeTruthy()
        expect(collection.captured_amount).toBe(99)
        expect(await myEntitlements("A")).toHaveLength(1)
        // Delivered with the access: the operator sees it fulfilled, once, however often the events come.
        const fulfilled = await api.get(`/admin/orders/${order.id}?fields=id,fulfillment_status,*fulfillments`, admin())
        expect(fulfilled.data.order.fulfillment_status).toBe("fulfilled")
        expect(fulfilled.data.order.fulfillments).toHaveLength(1)
        await andWaitFor("payment.captured", async () =>
          getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: payment.id } })
        )
        const again = await api.get(`/admin/orders/${order.id}?fields=id,fulfillment_status,*fulfillments`, admin())
        expect(again.data.order.fulfillments).toHaveLength(1)
      })

      it("an authorized order grants nothing; capturing it grants", async () => {
        const order = await placeMixedOrder()
        expect(order.total).toBe(149)
        const { payment } = await orderPayment(order.id)
        expect(payment.captured_at).toBeNull()
        expect(await myEntitlements("A")).toEqual([])
        const status = await api.get(`/admin/orders/${order.id}?fields=id,fulfillment_status`, admin())
        expect(status.data.order.fulfillment_status).toBe("not_fulfilled") // the tea set is the operator's to ship
        expect(await lessonAccess("A", LESSONS[9])).toMatchObject({ allowed: false, reason: "none" })
        // Running the grant by hand changes nothing either: the order is not paid.
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        const early = await engine.run("grant-entitlements-for-order", { input: { order_id: order.id } })
        expect(early.result.created).toEqual([])

        const captured = await andWaitFor("payment.captured", () => api.post(`/admin/payments/${payment.id}/capture`, {}, admin()))
        expect(captured.status).toBe(200)
        expect(await myEntitlements("A")).toHaveLength(1)
        expect(await lessonAccess("A", LESSONS[9])).toMatchObject({ allowed: true, reason: "bundle" })
      })

      it("a canceled authorization grants nothing, ever", async () => {
        const order = await placeMixedOrder()
        const canceled = await andWaitFor("order.canceled", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin()))
        expect(canceled.status).toBe(200)
        const { payment } = await orderPayment(order.id)
        expect(payment.canceled_at).toBeTruthy()
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        await engine.run("grant-entitlements-for-order", { input: { order_id: order.id } })
        expect(await myEntitlements("A")).toEqual([])
        expect(await entitlementService().listEntitlements({ order_id: order.id })).toEqual([])
      })
    })

    describe("a registered customer's cart is theirs alone", () => {
      it("nobody else can read, change, pay, hand over or complete it, and nothing about A leaks", async () => {
        const cart = await newCart(customers.A.token)
        expect((await addLine(cart.id, variants[PACK_HANDLE], customers.A.token)).status).toBe(200)
        const others: [string, string | undefined][] = [["B", customers.B.token], ["anonymous", undefined]]
        for (const [who, token] of others) {
          const calls = [
            api.get(`/store/carts/${cart.id}?fields=*customer,*customer.groups`, { ...pk(token), ...noThrow }),
            api.post(`/store/carts/${cart.id}`, { email: "thief@example.test" }, { ...pk(token), ...noThrow }),
            api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variants[TASTER_HANDLE], quantity: 1 }, { ...pk(token), ...noThrow }),
            api.post(`/store/carts/${cart.id}/customer`, {}, { ...pk(token), ...noThrow }),
            api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(token), ...noThrow }),
            api.post("/store/payment-collections", { cart_id: cart.id }, { ...pk(token), ...noThrow }),
          ]
          for (const res of await Promise.all(calls)) {
            expect(res.status, `${who} ${res.config.method} ${res.config.url}`).toBe(404)
            const body = JSON.stringify(res.data)
            expect(body).not.toContain(customers.A.email)
            expect(body).not.toContain(customers.A.id)
          }
        }
        // The owner still has it, unchanged.
        const own = await api.get(`/store/carts/${cart.id}?fields=id,email,*items`, pk(customers.A.token))
        expect(own.data.cart.email).toBe(customers.A.email)
        expect(own.data.cart.items).toHaveLength(1)
        await checkout(cart.id, customers.A.token)
        expect(await myEntitlements("A")).toHaveLength(1)
      })

      it("a guest cart cannot take a registered customer's email, so purchases cannot be pushed into their account", async () => {
        const created = await api.post("/store/carts", { region_id: regionId, email: customers.A.email }, { ...pk(), ...noThrow })
        expect(created.status).toBe(409)
        expect(created.data.type).toBe("email_has_account")
        const upper = await api.post("/store/carts", { region_id: regionId, email: customers.A.email.toUpperCase() }, { ...pk(), ...noThrow })
        expect(upper.status).toBe(409)

        const guest = await newCart(undefined, "guest@example.test")
        const renamed = await api.post(`/store/carts/${guest.id}`, { email: customers.A.email }, { ...pk(), ...noThrow })
        expect(renamed.status).toBe(409)
        const after = await api.get(`/store/carts/${guest.id}?fields=email,customer_id,*customer`, pk())
        expect(after.data.cart.email).toBe("guest@example.test")
        expect(after.data.cart.customer_id).not.toBe(customers.A.id)
        // Signed in, A buys with their own email as usual.
        const own = await api.post("/store/carts", { region_id: regionId, email: customers.A.email }, pk(customers.A.token))
        expect(own.data.cart.customer_id).toBe(customers.A.id)
      })
    })

    describe("BOLA matrix: customer A, customer B and an anonymous caller", () => {
      it("everything customer-scoped that is A's answers only A; B and anonymous get 401 or 404 and nothing of A's", async () => {
        const order = await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        const added = await addLine(cart.id, variants[PACK_HANDLE], customers.A.token)
        const lineId = added.data.cart.items[0].id as string
        const address = await api.post(
          "/store/customers/me/addresses",
          { first_name: "甲", address_1: "人民路 1 号", city: "上海", country_code: "cn", phone: "13800000000" },
          pk(customers.A.token)
        )
        const addressId = address.data.customer.addresses[0].id as string
        const lesson = `course_document_id=${COURSE}&lesson_document_id=${LESSONS[1]}`

        type Call = { name: string; run: (token?: string) => Promise<{ status: number; data: unknown }>; anonymous: number; other: number | "own" }
        const get = (url: string) => (token?: string) => api.get(url, { ...pk(token), ...noThrow })
        const post = (url: string, body: Record<string, unknown> = {}) => (token?: string) => api.post(url, body, { ...pk(token), ...noThrow })
        const del = (url: string) => (token?: string) => api.delete(url, { ...pk(token), ...noThrow })
        const calls: Call[] = [
          { name: "read A's order", run: get(`/store/orders/${order.id}?fields=*items,email,*customer`), anonymous: 404, other: 404 },
          { name: "list orders", run: get("/store/orders?fields=id,email"), anonymous: 401, other: "own" },
          { name: "read A's cart", run: get(`/store/carts/${cart.id}?fields=*customer,*customer.groups,email`), anonymous: 404, other: 404 },
          { name: "update A's cart", run: post(`/store/carts/${cart.id}`, { metadata: { x: 1 } }), anonymous: 404, other: 404 },
          { name: "add to A's cart", run: post(`/store/carts/${cart.id}/line-items`, { variant_id: variants[TASTER_HANDLE], quantity: 1 }), anonymous: 404, other: 404 },
          { name: "change A's line", run: post(`/store/carts/${cart.id}/line-items/${lineId}`, { quantity: 1 }), anonymous: 404, other: 404 },
          { name: "remove A's line", run: del(`/store/carts/${cart.id}/line-items/${lineId}`), anonymous: 404, other: 404 },
          { name: "take A's cart", run: post(`/store/carts/${cart.id}/customer`), anonymous: 404, other: 404 },
          { name: "upgrade in A's cart", run: post(`/store/carts/${cart.id}/course-upgrade`, { course_document_id: COURSE }), anonymous: 404, other: 404 },
          { name: "pay A's cart", run: post("/store/payment-collections", { cart_id: cart.id }), anonymous: 404, other: 404 },
          { name: "complete A's cart", run: post(`/store/carts/${cart.id}/complete`), anonymous: 404, other: 404 },
          { name: "entitlements", run: get("/store/customers/me/entitlements"), anonymous: 401, other: "own" },
          { name: "membership", run: get("/store/customers/me/membership"), anonymous: 401, other: "own" },
          { name: "lesson access", run: get(`/store/customers/me/lesson-access?${lesson}`), anonymous: 401, other: "own" },
          { name: "upgrade quote", run: get(`/store/customers/me/course-upgrade-quote?course_document_id=${COURSE}`), anonymous: 401, other: 400 },
          { name: "A's address", run: get(`/store/customers/me/addresses/${addressId}`), anonymous: 401, other: 404 },
          { name: "me", run: get("/store/customers/me?fields=*addresses,*groups"), anonymous: 401, other: "own" },
        ]
        // (The ids the caller sent may come back in a 404's message: they knew them already.)
        const secrets = [customers.A.email, customers.A.id, "人民路", "13800000000"]
        for (const call of calls) {
          const anonymous = await call.run()
          expect(anonymous.status, `anonymous: ${call.name}`).toBe(call.anonymous)
          const other = await call.run(customers.B.token)
          if (call.other !== "own") expect(other.status, `B: ${call.name}`).toBe(call.other)
          else expect(other.status, `B: ${call.name}`).toBe(200)
          for (const [who, res] of [["anonymous", anonymous], ["B", other]] as const) {
            const body = JSON.stringify(res.data)
            for (const secret of secrets) expect(body.includes(secret), `${who}: ${call.name} leaks ${secret}`).toBe(false)
          }
        }
        // B's own answers are B's: nothing granted, not a member, the lesson closed.
        expect((await get("/store/customers/me/entitlements")(customers.B.token)).data).toEqual({ entitlements: [] })
        expect((await get(`/store/customers/me/lesson-access?${lesson}`)(customers.B.token)).data).toMatchObject({ allowed: false })
        // And A still has all of it, untouched by the attempts.
        expect((await get(`/store/carts/${cart.id}?fields=*items`)(customers.A.token)).data).toMatchObject({ cart: { items: [{ id: lineId }] } })
        expect((await get(`/store/orders/${order.id}`)(customers.A.token)).status).toBe(200)
      })
    })

    describe("an order is its owner's alone", () => {
      it("GET /store/orders/:id answers the owner, and 404 with nothing in it to anyone else", async () => {
        const order = await buy(PACK_HANDLE, "A")
        const own = await api.get(`/store/orders/${order.id}`, { ...pk(customers.A.token), ...noThrow })
        expect(own.status).toBe(200)
        expect(own.data.order.email).toBe(customers.A.email)
        for (const token of [customers.B.token, undefined]) {
          for (const [res, status] of [
            [await api.get(`/store/orders/${order.id}`, { ...pk(token), ...noThrow }), 404],
            [await api.get(`/store/orders/${order.id}?fields=*customer,email,*items`, { ...pk(token), ...noThrow }), 404],
            // Asking for a transfer needs a signed-in customer first (Medusa's own 401).
            [await api.post(`/store/orders/${order.id}/transfer/request`, {}, { ...pk(token), ...noThrow }), token ? 404 : 401],
          ] as const) {
            expect(res.status, `${token ? "B" : "anonymous"} ${res.config.url}`).toBe(status)
            expect(JSON.stringify(res.data)).not.toContain(customers.A.email)
          }
        }
        const unknown = await api.get("/store/orders/order_01DOESNOTEXIST000000000000", { ...pk(customers.A.token), ...noThrow })
        expect(unknown.status).toBe(404)
      })
    })

    describe("GET /store/customers/me/entitlements and /lesson-access", () => {
      it("shows each customer only their own", async () => {
        await buy(TASTER_HANDLE, "A")
        expect(await myEntitlements("A")).toHaveLength(1)
        expect(await myEntitlements("B")).toEqual([])
        expect(await myEntitlements("B", "?include=expired")).toEqual([])
        expect(await lessonAccess("B", LESSONS[0])).toEqual({ allowed: false, reason: "none", expires_at: null })
        // A customer id in the query is no way in: it is refused, not obeyed.
        const sneaky = await api.get(`/store/customers/me/entitlements?customer_id=${customers.A.id}`, {
          ...pk(customers.B.token),
          ...noThrow,
        })
        expect(sneaky.status).toBe(400)
      })

      it("lists expired entitlements only when asked, and says why a lesson is closed", async () => {
        const order = await buy(TASTER_HANDLE, "A")
        const [stored] = await entitlementService().listEntitlements({ order_id: order.id })
        const ended = new Date(Date.now() - 60_000)
        await entitlementService().updateEntitlements({ id: stored.id, expires_at: ended })

        expect(await myEntitlements("A")).toEqual([])
        const all = await myEntitlements("A", "?include=expired")
        expect(all.map((e) => e.id)).toEqual([stored.id])
        expect(await lessonAccess("A", LESSONS[0])).toEqual({
          allowed: false,
          reason: "expired",
          expires_at: ended.toISOString(),
        })
      })

      it("answers 401 without a signed-in customer", async () => {
        for (const url of [
          "/store/customers/me/entitlements",
          `/store/customers/me/lesson-access?course_document_id=${COURSE}&lesson_document_id=${LESSONS[0]}`,
        ]) {
          const anonymous = await api.get(url, { ...pk(), ...noThrow })
          expect(anonymous.status).toBe(401)
          const forged = await api.get(url, { ...pk("not-a-jwt"), ...noThrow })
          expect(forged.status).toBe(401)
          const asAdmin = await api.get(url, {
            headers: { "x-publishable-api-key": publishableKey, Authorization: `Bearer ${adminJwt}` },
            ...noThrow,
          })
          expect(asAdmin.status).toBe(401)
        }
      })

      it("answers 400 for a missing or unknown query parameter", async () => {
        const missing = await api.get(`/store/customers/me/lesson-access?course_document_id=${COURSE}`, {
          ...pk(customers.A.token),
          ...noThrow,
        })
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/lesson_document_id/)
        const unknown = await api.get("/store/customers/me/entitlements?include=revoked", {
          ...pk(customers.A.token),
          ...noThrow,
        })
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/include/)
      })
    })

    describe("POST /store/carts/:id/course-upgrade", () => {
      type CartLine = {
        id: string
        product_id: string
        unit_price: number
        compare_at_unit_price: number | null
        is_custom_price: boolean
        quantity: number
        metadata: Record<string, unknown> | null
      }
      async function cartLines(cartId: string, token: string) {
        const res = await api.get(`/store/carts/${cartId}?fields=id,total,*items`, pk(token))
        return { total: res.data.cart.total as number, items: res.data.cart.items as CartLine[] }
      }

      it("prices the course minus what the lessons cost, keeps that price through cart refreshes, and grants the course", async () => {
        await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        const res = await upgrade(cart.id, "A")
        expect(res.status, JSON.stringify(res.data)).toBe(200)
        expect(res.data.upgrade).toEqual({
          course_document_id: COURSE,
          list_price_fen: 19900,
          course_price_fen: 19900,
          credit_fen: 2990,
          price_fen: 16910,
          line_item_id: expect.stringMatching(/^cali_/),
        })
        const line = res.data.cart.items.find((i: CartLine) => i.id === res.data.upgrade.line_item_id) as CartLine
        expect(line).toMatchObject({
          unit_price: 169.1,
          compare_at_unit_price: 199,
          is_custom_price: true,
          quantity: 1,
          metadata: { course_upgrade: true, course_document_id: COURSE, list_price_fen: 19900, upgrade_credit_fen: 2990 },
        })
        expect(res.data.cart.total).toBe(169.1)

        // Adding another item refreshes the cart: the upgrade price stays.
        expect((await addLine(cart.id, variants[PACK_HANDLE], customers.A.token)).status).toBe(200)
        let lines = await cartLines(cart.id, customers.A.token)
        expect(lines.items.find((i) => i.id === line.id)?.unit_price).toBe(169.1)
        expect(lines.total).toBe(169.1 + 99)
        await api.delete(`/store/carts/${cart.id}/line-items/${lines.items.find((i) => i.id !== line.id)!.id}`, pk(customers.A.token))

        // A full price recalculation (a new shipping address re-prices every line): still 169.1.
        await api.post(
          `/store/carts/${cart.id}`,
          { shipping_address: { country_code: "cn", province: "北京市", city: "北京", postal_code: "100000" } },
          pk(customers.A.token)
        )
        lines = await cartLines(cart.id, customers.A.token)
        expect(lines.items).toHaveLength(1)
        expect(lines.items[0]).toMatchObject({ id: line.id, unit_price: 169.1, is_custom_price: true })
        expect(lines.total).toBe(169.1)

        // Quantity stays 1.
        const more = await api.post(
          `/store/carts/${cart.id}/line-items/${line.id}`,
          { quantity: 2 },
          { ...pk(customers.A.token), ...noThrow }
        )
        expect(more.status).toBe(400)

        // Completing places the order at the upgrade price and grants the whole course.
        const order = await checkout(cart.id, customers.A.token)
        expect(order.total).toBe(169.1)
        const granted = await entitlementService().listEntitlements({ order_id: order.id })
        expect(granted, JSON.stringify(order)).toHaveLength(1)
        expect(granted[0]).toMatchObject({
          customer_id: customers.A.id,
          scope: "course",
          source_kind: "upgrade",
          source_document_id: COURSE,
          paid_fen: 16910,
          expires_at: null,
        })
        expect(await lessonAccess("A", LESSONS[11])).toEqual({ allowed: true, reason: "course", expires_at: null })

        // Owning the course now: no second upgrade.
        const again = await upgrade((await newCart(customers.A.token)).id, "A")
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/already own course/)
      })

      it("is dropped with every custom-priced line when the cart changes region, and can be asked for again", async () => {
        await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        expect((await upgrade(cart.id, "A")).status).toBe(200)
        const other = await api.post(
          "/admin/regions",
          { name: "海外华人", currency_code: "cny", payment_providers: ["pp_system_default"] },
          admin()
        )
        // Medusa deletes custom-priced lines on a region change (the currency or tax mode may differ).
        await api.post(`/store/carts/${cart.id}`, { region_id: other.data.region.id }, pk(customers.A.token))
        expect((await cartLines(cart.id, customers.A.token)).items).toEqual([])

        const again = await upgrade(cart.id, "A")
        expect(again.status).toBe(200)
        expect(again.data.cart.items).toHaveLength(1)
        expect(again.data.cart.items[0]).toMatchObject({ unit_price: 169.1, is_custom_price: true })
      })

      it("replaces a full-price line of the course and never goes below zero", async () => {
        await buy(TASTER_HANDLE, "A")
        await buy(PACK_HANDLE, "A")
        // The course gets cheaper than the two bundles together (29.9 + 99 > 100).
        await api.post("/admin/catalog/documents", courseDoc({ price_fen: 10000, cms_updated_at: "2026-03-02T10:00:00.000Z" }), admin())

        const cart = await newCart(customers.A.token)
        expect((await addLine(cart.id, variants[COURSE_HANDLE], customers.A.token)).status).toBe(200)
        const res = await upgrade(cart.id, "A")
        expect(res.status, JSON.stringify(res.data)).toBe(200)
        expect(res.data.upgrade).toMatchObject({ list_price_fen: 10000, credit_fen: 12890, price_fen: 0 })
        expect(res.data.cart.items).toHaveLength(1)
        expect(res.data.cart.items[0]).toMatchObject({ unit_price: 0, is_custom_price: true })
        expect(res.data.cart.total).toBe(0)

        const order = await checkout(cart.id, customers.A.token)
        expect(order.total).toBe(0)
        const [granted] = await entitlementService().listEntitlements({ order_id: order.id })
        expect(granted).toMatchObject({ scope: "course", source_kind: "upgrade", paid_fen: 0 })
      })

      it("starts from the member price for a member, shows the price before ordering, and charges exactly that", async () => {
        await buy(TASTER_HANDLE, "A")
        const customerModule = getContainer().resolve(Modules.CUSTOMER)
        const [members] = await customerModule.listCustomerGroups({ name: "members" })
        await customerModule.addCustomerToGroup({ customer_id: customers.A.id, customer_group_id: members.id })

        const quote = await api.get(`/store/customers/me/course-upgrade-quote?course_document_id=${COURSE}`, pk(customers.A.token))
        // 会员价 ¥159.20 (80 % of ¥199) minus the taster's ¥29.90: never more than buying the course.
        expect(quote.data.upgrade).toEqual({
          course_document_id: COURSE,
          list_price_fen: 19900,
          course_price_fen: 15920,
          credit_fen: 2990,
          price_fen: 12930,
        })
        const cart = await newCart(customers.A.token)
        const res = await upgrade(cart.id, "A")
        expect(res.data.upgrade).toMatchObject({ list_price_fen: 19900, course_price_fen: 15920, price_fen: 12930 })
        const order = await checkout(cart.id, customers.A.token)
        expect(order.total).toBe(129.3)

        const anonymous = await api.get(`/store/customers/me/course-upgrade-quote?course_document_id=${COURSE}`, { ...pk(), ...noThrow })
        expect(anonymous.status).toBe(401)
        const bad = await api.get(`/store/customers/me/course-upgrade-quote?course_document_id=${COURSE}&visibility=x`, { ...pk(customers.A.token), ...noThrow })
        expect(bad.status).toBe(400)
        const none = await api.get(`/store/customers/me/course-upgrade-quote?course_document_id=${COURSE}`, { ...pk(customers.B.token), ...noThrow })
        expect(none.status).toBe(400)
      })

      it("refuses to complete when the credit changed after the line was added", async () => {
        const bundleOrder = await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        expect((await upgrade(cart.id, "A")).status).toBe(200)

        // The bundle is refunded in full before the upgrade is paid.
        const paymentId = await orderPaymentId(bundleOrder.id)
        await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, {}, admin()))

        const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk(customers.A.token))
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          pk(customers.A.token)
        )
        const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(customers.A.token), ...noThrow })
        expect(completed.status).toBe(400)
        expect(completed.data.message).toMatch(/own no lessons of course/)
      })

      it("keeps the upgrade line's metadata, and re-checks every custom-priced course line at completion", async () => {
        const bundleOrder = await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        const res = await upgrade(cart.id, "A")
        expect(res.status).toBe(200)
        const lineId = res.data.upgrade.line_item_id as string

        // The owner cannot unmark the upgrade line through the store API (Medusa would keep the price).
        const rewrite = await api.post(
          `/store/carts/${cart.id}/line-items/${lineId}`,
          { quantity: 1, metadata: { course_upgrade: false } },
          { ...pk(customers.A.token), ...noThrow }
        )
        expect(rewrite.status).toBe(400)
        expect(rewrite.data.message).toMatch(/metadata of "茶道入门" cannot be changed/)
        let lines = await cartLines(cart.id, customers.A.token)
        expect(lines.items[0]).toMatchObject({ unit_price: 169.1, is_custom_price: true, metadata: { course_upgrade: true } })
        // Sending the same metadata back (a storefront echoing the line) is fine.
        const same = await api.post(
          `/store/carts/${cart.id}/line-items/${lineId}`,
          { quantity: 1, metadata: { ...lines.items[0].metadata } },
          { ...pk(customers.A.token), ...noThrow }
        )
        expect(same.status, JSON.stringify(same.data)).toBe(200)

        // The flag is removed some other way, then the bundle is refunded: no discount is left.
        await getContainer().resolve(Modules.CART).updateLineItems(lineId, { metadata: { course_upgrade: null } })
        lines = await cartLines(cart.id, customers.A.token)
        expect(lines.items[0]).toMatchObject({ unit_price: 169.1, is_custom_price: true })
        expect(lines.items[0].metadata?.course_upgrade).toBeFalsy()
        const paymentId = await orderPaymentId(bundleOrder.id)
        await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, {}, admin()))

        const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk(customers.A.token))
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          pk(customers.A.token)
        )
        const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(customers.A.token), ...noThrow })
        expect(completed.status, JSON.stringify(completed.data)).toBe(400)
        expect(completed.data.message).toMatch(/own no lessons of course/)
        expect(await entitlementService().listEntitlements({ customer_id: customers.A.id, scope: "course" })).toEqual([])
      })

      it("answers 400 to a customer without lessons of the course, and for a bad body", async () => {
        const cart = await newCart(customers.B.token)
        const none = await upgrade(cart.id, "B")
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/own no lessons of course TeaCourse01/)

        const noBody = await upgrade(cart.id, "B", {})
        expect(noBody.status).toBe(400)
        expect(noBody.data.message).toMatch(/course_document_id/)

        const unknownField = await upgrade(cart.id, "B", { course_document_id: COURSE, price: 1 })
        expect(unknownField.status).toBe(400)
        expect((await cartLines(cart.id, customers.B.token)).items).toHaveLength(0)
      })

      it("answers 404 for a course that is not sold", async () => {
        await buy(TASTER_HANDLE, "A")
        const res = await upgrade((await newCart(customers.A.token)).id, "A", { course_document_id: "NoSuchCourse" })
        expect(res.status).toBe(404)
        expect(res.data.message).toMatch(/NoSuchCourse is not sold here/)
      })

      it("works only on the signed-in customer's own cart", async () => {
        await buy(TASTER_HANDLE, "A")
        // A registered customer's cart does not exist for anyone else (see "a registered customer's cart is theirs alone").
        const anonymous = await upgrade((await newCart(customers.A.token)).id, null)
        expect(anonymous.status).toBe(404)

        const theirs = await newCart(customers.B.token)
        const res = await upgrade(theirs.id, "A")
        expect(res.status).toBe(404)
        expect((await cartLines(theirs.id, customers.B.token)).items).toHaveLength(0)

        const guest = await newCart(undefined, "guest@example.test")
        expect((await upgrade(guest.id, "A")).status).toBe(403)
      })
    })

    describe("refunds and cancellations", () => {
      it("a full refund revokes the order's entitlements", async () => {
        const order = await buy(PACK_HANDLE, "A")
        expect(await lessonAccess("A", LESSONS[9])).toMatchObject({ allowed: true, reason: "bundle" })

        const paymentId = await orderPaymentId(order.id)
        const refunded = await andWaitFor("payment.refunded", () =>
          api.post(`/admin/payments/${paymentId}/refund`, {}, admin())
        )
        expect(refunded.status).toBe(200)

        expect(await myEntitlements("A")).toEqual([])
        expect(await lessonAccess("A", LESSONS[9])).toEqual({ allowed: false, reason: "none", expires_at: null })
        const [stored] = await entitlementService().listEntitlements({ order_id: order.id })
        expect(stored.revoked_at).toBeTruthy()
        expect(stored.revoked_reason).toBe("refund")
      })

      it("a partial refund keeps access; refunding the rest revokes it", async () => {
        const order = await buy(PACK_HANDLE, "A")
        const paymentId = await orderPaymentId(order.id)

        await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, { amount: 50 }, admin()))
        expect(await myEntitlements("A")).toHaveLength(1)

        await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, { amount: 49 }, admin()))
        expect(await myEntitlements("A")).toEqual([])
      })

      it("refunding a bundle that was credited toward an upgrade revokes the upgraded course too", async () => {
        const bundleOrder = await buy(TASTER_HANDLE, "A")
        const cart = await newCart(customers.A.token)
        expect((await upgrade(cart.id, "A")).status).toBe(200)
        const upgradeOrder = await checkout(cart.id, customers.A.token)
        expect(await lessonAccess("A", LESSONS[11])).toMatchObject({ allowed: true, reason: "course" })

        const paymentId = await orderPaymentId(bundleOrder.id)
        await andWaitFor("payment.refunded", () => api.post(`/admin/payments/${paymentId}/refund`, {}, admin()))
        // The upgrade paid ¥199 − ¥29.90; with the ¥29.90 back, the course is not paid for.
        expect(await lessonAccess("A", LESSONS[11])).toEqual({ allowed: false, reason: "none", expires_at: null })
        const [upgraded] = await entitlementService().listEntitlements({ order_id: upgradeOrder.id })
        expect(upgraded).toMatchObject({ source_kind: "upgrade", revoked_reason: "credit_revoked" })
        expect(upgraded.revoked_at).toBeTruthy()
      })

      it("canceling the order revokes its entitlements", async () => {
        const order = await buy(TASTER_HANDLE, "A")
        const other = await buy(PACK_HANDLE, "A")
        // A digital order is delivered (fulfilled) when paid: the operator cancels that first, as for any order.
        const { data: delivered } = await api.get(`/admin/orders/${order.id}?fields=id,*fulfillments`, admin())
        const fulfillmentId = delivered.order.fulfillments[0].id as string
        const refused = await api.post(`/admin/orders/${order.id}/cancel`, {}, { ...admin(), ...noThrow })
        expect(refused.status).toBe(400)
        expect((await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/cancel`, {}, admin())).status).toBe(200)
        const canceled = await andWaitFor("order.canceled", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin()))
        expect(canceled.status).toBe(200)

        const left = await myEntitlements("A")
        expect(left.map((e) => e.order_id)).toEqual([other.id])
        const [stored] = await entitlementService().listEntitlements({ order_id: order.id })
        expect(stored.revoked_reason).toBe("canceled")
      })
    })
  },
})
