import path from "node:path"
import type { IAuthModuleService, ICustomerModuleService, IOrderModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { codeIn, resetLinkIn, type InboxMark } from "@community/test/mail"
import { beforeAll, describe, expect, it } from "vitest"
import { ENTITLEMENT_MODULE } from "../../src/modules/entitlement"
import type EntitlementModuleService from "../../src/modules/entitlement/service"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import { andWaitFor as waitForSubscribers, seedStore, settleEvents } from "./seeded-store"
import { registerVerifiedCustomer, testMailbox } from "./verified-customer"

// Accounts that belong to whoever owns the email, and email that really goes out: every message
// here went through Medusa's Notification Module, SMTP and the maildev the global setup started.

const ADMIN_EMAIL = "admin@example.test"
const ADMIN_PASSWORD = "correct horse battery staple"
const PASSWORD = "mail-and-trust-2026"
const DAY = 86_400_000

const COURSE = "MailCourse01"
const LESSONS = ["ML01", "ML02", "ML03", "ML04"]
const BUNDLE = "MailTaster3"
const courseDoc = () => ({
  document_id: COURSE,
  kind: "course",
  state: "published",
  slug: "mail-course",
  title: "社群运营入门",
  summary: null,
  price_fen: 19900,
  lesson_document_ids: LESSONS,
  cms_updated_at: "2026-03-01T10:00:00.000Z",
})
const bundleDoc = () => ({
  document_id: BUNDLE,
  kind: "bundle",
  state: "published",
  slug: "mail-taster",
  title: "社群运营入门 · 试听三讲",
  summary: null,
  price_fen: 2990,
  course_document_id: COURSE,
  lesson_document_ids: LESSONS.slice(0, 3),
  validity_days: null,
  cms_updated_at: "2026-03-01T10:00:00.000Z",
})
const BUNDLE_HANDLE = `bundle-${BUNDLE.toLowerCase()}`

medusaIntegrationTestRunner({
  cwd: path.resolve(__dirname, "../.."),
  env: {
    MEDUSA_ADMIN_EMAIL: ADMIN_EMAIL,
    MEDUSA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // The request rate limits (src/api/rate-limit, proven in their own spec) are lifted here, so
    // what these tests see is the verification provider's own limits: 5 guesses a code, a code a minute.
    RATE_LIMIT_LOGIN_PER_ACCOUNT: "1000",
    RATE_LIMIT_LOGIN_PER_IP: "1000",
    RATE_LIMIT_CODE_PER_ACCOUNT: "1000",
    RATE_LIMIT_CODE_PER_IP: "1000",
  },
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let adminJwt: string
    let regionId: string
    let salesChannelId: string
    const variants: Record<string, string> = {}
    const box = testMailbox()

    const noThrow = { validateStatus: () => true }
    const pk = (token?: string): AxiosRequestConfig => ({
      headers: { "x-publishable-api-key": publishableKey, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    })
    const bearer = (token: string): AxiosRequestConfig => ({ headers: { Authorization: `Bearer ${token}` }, ...noThrow })
    const admin = (): AxiosRequestConfig => ({ headers: { Authorization: `Bearer ${adminJwt}` } })
    const andWaitFor = <T>(event: string | string[], action: () => Promise<T>) => waitForSubscribers(getContainer(), event, action)
    const auth = () => getContainer().resolve<IAuthModuleService>(Modules.AUTH)

    /** Registration as the storefront does it, stopping before the code is confirmed. */
    async function registerUnverified(email: string, locale?: string) {
      const registration = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
      const token = registration.data.token as string
      const created = await api.post("/store/customers", { email, ...(locale ? { metadata: { locale } } : {}) }, pk(token))
      return { token, customerId: created.data.customer.id as string }
    }

    async function requestCode(email: string, token: string, locale?: string) {
      return andWaitFor("auth.verification_requested", () =>
        api.post(
          "/auth/verification/request",
          { entity_id: email, entity_type: "email", code_provider: "email_code", ...(locale ? { metadata: { locale } } : {}) },
          bearer(token)
        )
      )
    }

    const confirm = (code: string, token?: string) =>
      api.post("/auth/verification/confirm", { code, code_provider: "email_code" }, token ? bearer(token) : noThrow)

    const login = (email: string, password = PASSWORD) => api.post("/auth/customer/emailpass", { email, password }, noThrow)

    /** A code that is not `code` (same length). */
    const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0")

    async function buyBundleAs(token: string) {
      const cart = (await api.post("/store/carts", { region_id: regionId }, pk(token))).data.cart
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variants[BUNDLE_HANDLE], quantity: 1 }, pk(token))
      return checkout(cart.id, token)
    }

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
      return completed.data.order as { id: string; display_id: number; total: number }
    }

    beforeAll(async () => {
      ;({ publishableKey, regionId, salesChannelId } = await seedStore(getContainer()))
      adminJwt = (await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).data.token
      for (const doc of [courseDoc(), bundleDoc()]) {
        expect((await api.post("/admin/catalog/documents", doc, admin())).data.action).toBe("create")
      }
      for (const handle of [BUNDLE_HANDLE, "membership-monthly"]) {
        const products = await api.get(`/store/products?handle=${handle}&fields=handle,*variants`, pk())
        variants[handle] = products.data.products[0].variants[0].id
      }
    })

    describe("verifying an email with a 6-digit code", () => {
      it("registers, emails the code in zh-CN, confirms it, and only then signs in", async () => {
        const email = "new.member@example.test"
        const after = await box.mark()
        const { token, customerId } = await registerUnverified(email)

        // Before verification: no session, only the identity token to finish verifying with.
        const early = await login(email)
        expect(early.status).toBe(200)
        expect(early.data.verification_required).toBe(true)
        expect(JSON.stringify(early.data)).not.toMatch(/code_hash|salt/)
        const me = await api.get("/store/customers/me", { ...pk(early.data.token), ...noThrow })
        expect(me.status).toBe(401)

        const requested = await requestCode(email, token)
        expect(requested.status).toBe(201)
        expect(requested.data.verification.code).toBeUndefined()
        expect(JSON.stringify(requested.data)).not.toMatch(/code_hash|salt/)
        const mail = await box.waitForMail(email, { after })
        expect(mail.subject).toMatch(/^你的验证码：\d{6}$/)
        expect(mail.text).toContain("10 分钟内有效")
        expect(mail.from).toEqual(["no-reply@example.test"])
        const code = codeIn(mail)
        // Never stored readable: not on the verification row, not on the notification row.
        const [row] = await auth().listAuthVerifications({ entity_id: email })
        expect(JSON.stringify(row)).not.toContain(code)
        const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: email })
        expect(notifications).toHaveLength(1)
        expect(JSON.stringify(notifications)).not.toContain(code)

        const confirmed = await andWaitFor("email_verification.confirmed", () => confirm(code, early.data.token))
        expect(confirmed.status, JSON.stringify(confirmed.data)).toBe(200)
        expect(confirmed.data.verified_at).toBeTruthy()

        const signedIn = await login(email)
        expect(signedIn.data.verification_required).toBeUndefined()
        const mine = await api.get("/store/customers/me", pk(signedIn.data.token))
        expect(mine.data.customer.id).toBe(customerId)
        // The identity token from registration becomes a session too, without the password again.
        const refreshed = await api.post("/auth/token/refresh", {}, bearer(token))
        expect((await api.get("/store/customers/me", pk(refreshed.data.token))).data.customer.id).toBe(customerId)
      })

      it("writes the code in the language the page asked for (zh-TW, en), or the one stored on the customer", async () => {
        const tw = "tw.member@example.test"
        let after = await box.mark()
        const a = await registerUnverified(tw)
        await requestCode(tw, a.token, "zh-TW")
        expect((await box.waitForMail(tw, { after })).subject).toMatch(/^你的驗證碼：\d{6}$/)

        const en = "en.member@example.test"
        after = await box.mark()
        const b = await registerUnverified(en, "en")
        await requestCode(en, b.token)
        const mail = await box.waitForMail(en, { after })
        expect(mail.subject).toMatch(/^Your verification code: \d{6}$/)
        expect(mail.text).toContain("valid for 10 minutes")
      })

      it("refuses a wrong code, then every code after 5 wrong ones, an expired code, and a code sent to someone else", async () => {
        const email = "careful@example.test"
        let after = await box.mark()
        const { token } = await registerUnverified(email)
        await requestCode(email, token)
        const code = codeIn(await box.waitForMail(email, { after }))

        const wrong = await confirm(other(code), token)
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toMatch(/not right \(4 attempts left\)/)
        expect((await confirm("12345", token)).status).toBe(400)
        // Not signed in at all: refused, and it counts for nobody.
        expect((await confirm(code)).status).toBeGreaterThanOrEqual(400)
        // Asking again at once sends nothing (one code a minute).
        const soon = await api.post(
          "/auth/verification/request",
          { entity_id: email, entity_type: "email", code_provider: "email_code" },
          bearer(token)
        )
        expect(soon.status).toBe(400)
        expect(soon.data.message).toMatch(/less than a minute ago/)

        // Parallel guesses cannot get past the limit: at most 4 more are even compared.
        const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => confirm(other(String((Number(code) + i) % 1e6)), token)))
        expect(guesses.map((g) => g.status), JSON.stringify(guesses.map((g) => g.data))).toEqual(guesses.map(() => 400))
        expect(guesses.filter((g) => /too many/i.test(g.data.message)).length).toBeGreaterThanOrEqual(4)
        const late = await confirm(code, token)
        expect(late.status).toBe(400)
        expect(late.data.message).toMatch(/too many wrong codes/i)
        expect((await login(email)).data.verification_required).toBe(true)

        // A new code (a minute later) works again; one left for 11 minutes has expired.
        const [row] = await auth().listAuthVerifications({ entity_id: email })
        await auth().updateAuthVerifications({ id: row.id, requested_at: new Date(Date.now() - 2 * 60_000) })
        after = await box.mark()
        expect((await requestCode(email, token)).status).toBe(201)
        const fresh = codeIn(await box.waitForMail(email, { after }))
        await auth().updateAuthVerifications({ id: row.id, requested_at: new Date(Date.now() - 11 * 60_000) })
        const expired = await confirm(fresh, token)
        expect(expired.status).toBe(400)
        expect(expired.data.message).toMatch(/expired/)

        // Someone else's code does not verify this account, and this account cannot send a code to another address.
        const stranger = "stranger@example.test"
        after = await box.mark()
        const s = await registerUnverified(stranger)
        await requestCode(stranger, s.token)
        const theirs = codeIn(await box.waitForMail(stranger, { after }))
        expect((await confirm(theirs, token)).status).toBe(400)
        const hijack = await api.post(
          "/auth/verification/request",
          { entity_id: stranger, entity_type: "email", code_provider: "email_code" },
          bearer(token)
        )
        expect(hijack.status).toBe(400)
        expect(hijack.data.message).toMatch(/Only the email this account signed up with/)
        expect((await login(email)).data.verification_required).toBe(true)
      })
    })

    describe("password reset from the email", () => {
      it("emails a storefront link in the member's language; the link sets a new password once", async () => {
        const email = "forgetful@example.test"
        const customer = await registerVerifiedCustomer(api, getContainer(), { email, password: PASSWORD, publishableKey })
        const after = await box.mark()
        const asked = await andWaitFor("auth.password_reset", () =>
          api.post("/auth/customer/emailpass/reset-password", { identifier: email, metadata: { locale: "zh-TW" } })
        )
        expect(asked.status).toBe(201)
        const mail = await box.waitForMail(email, { after })
        expect(mail.subject).toBe("重設你的密碼")
        const link = new URL(resetLinkIn(mail))
        expect(`${link.origin}${link.pathname}`).toBe("http://localhost:4321/zh-TW/account/reset-password")
        expect(link.searchParams.get("email")).toBe(email)
        const resetToken = link.searchParams.get("token")!
        expect(mail.html).toContain("data-reset-link")

        const updated = await api.post("/auth/customer/emailpass/update", { password: "a-brand-new-one-2026" }, bearer(resetToken))
        expect(updated.status, JSON.stringify(updated.data)).toBe(200)
        expect((await login(email)).status).toBe(401)
        const fresh = await login(email, "a-brand-new-one-2026")
        expect((await api.get("/store/customers/me", pk(fresh.data.token))).data.customer.id).toBe(customer.id)
        // The link works once.
        expect((await api.post("/auth/customer/emailpass/update", { password: "yet-another-2026" }, bearer(resetToken))).status).toBe(401)

        // Unknown addresses answer the same and get nothing.
        const before = await box.mark()
        expect((await api.post("/auth/customer/emailpass/reset-password", { identifier: "nobody@example.test" })).status).toBe(201)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect((await box.list()).filter((m) => !before.has(m.id))).toEqual([])
      })
    })

    describe("only verified customers buy what grants access", () => {
      it("refuses a guest cart of digital goods at completion", async () => {
        const cart = (await api.post("/store/carts", { region_id: regionId, email: "guest.buyer@example.test" }, pk())).data.cart
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variants[BUNDLE_HANDLE], quantity: 1 }, pk())
        const collection = await api.post("/store/payment-collections", { cart_id: cart.id }, pk())
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          pk()
        )
        const completed = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...pk(), ...noThrow })
        expect(completed.data.type).not.toBe("order")
        expect(JSON.stringify(completed.data)).toMatch(/verified email/)
        const orders = await getContainer().resolve<IOrderModuleService>(Modules.ORDER).listOrders({ email: "guest.buyer@example.test" })
        expect(orders).toEqual([])
      })

      it("sends the receipt once the payment is captured, in zh-CN with the amounts, once per order", async () => {
        const email = "receipt@example.test"
        const buyer = await registerVerifiedCustomer(api, getContainer(), { email, password: PASSWORD, publishableKey })
        const after = await box.mark()
        const order = await buyBundleAs(buyer.token)
        const mail = await box.waitForMail(email, { after, subject: /付款成功/ })
        expect(mail.subject).toBe(`订单 #${order.display_id} 付款成功`)
        expect(mail.text).toContain("社群运营入门 · 试听三讲 × 1  ¥29.90")
        expect(mail.text).toContain("合计: ¥29.90")
        expect(mail.html).toMatch(/data-total>¥29\.90</)

        // The capture delivered again: no second receipt.
        const res = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments`, admin())
        const paymentId = res.data.order.payment_collections[0].payments[0].id
        const mark = await box.mark()
        await andWaitFor("payment.captured", async () => {
          await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: paymentId } })
        })
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect((await box.to(email)).filter((m) => !mark.has(m.id))).toEqual([])
      })
    })

    describe("guest purchases belong to whoever proves the email", () => {
      /** A purchase made as a guest before accounts had to be verified: a guest customer, their order, a bundle and a month. */
      async function earlierGuestPurchase(email: string) {
        const container = getContainer()
        const [guest] = await container.resolve<ICustomerModuleService>(Modules.CUSTOMER).createCustomers([{ email, has_account: false }])
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { handle: BUNDLE_HANDLE } })
        const [order] = await container.resolve<IOrderModuleService>(Modules.ORDER).createOrders([
          {
            email,
            customer_id: guest.id,
            currency_code: "cny",
            region_id: regionId,
            sales_channel_id: salesChannelId,
            items: [{ title: "社群运营入门 · 试听三讲", product_id: products[0].id, variant_id: variants[BUNDLE_HANDLE], quantity: 1, unit_price: 29.9 }],
          },
        ])
        const { data: items } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: order.id } })
        const entitlements = container.resolve<EntitlementModuleService>(ENTITLEMENT_MODULE)
        await entitlements.createEntitlements([
          {
            customer_id: guest.id,
            course_document_id: COURSE,
            scope: "lessons",
            lesson_document_ids: LESSONS.slice(0, 3),
            source_kind: "bundle",
            source_document_id: BUNDLE,
            order_id: order.id,
            line_item_id: items[0].items[0].id,
            paid_fen: 2990,
            starts_at: new Date(Date.now() - 3 * DAY),
          },
        ])
        const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
        const bought = new Date(Date.now() - 10 * DAY)
        const membership = await memberships.createMemberships({
          customer_id: guest.id,
          plan_handle: "monthly",
          status: "active",
          starts_at: bought,
          ends_at: bought,
        })
        await memberships.createMembershipPeriods({
          membership_id: membership.id,
          plan_handle: "monthly",
          order_id: order.id,
          line_item_id: `${items[0].items[0].id}-plan`,
          days: 30,
          paid_fen: 3900,
          purchased_at: bought,
          starts_at: bought,
          ends_at: null,
        })
        await memberships.replay(membership.id, new Date())
        return { guestId: guest.id, orderId: order.id }
      }

      it("moves the orders, courses and membership days to the customer who verifies that email, and to no one else", async () => {
        const email = "was.a.guest@example.test"
        const { guestId, orderId } = await earlierGuestPurchase(email)

        // Someone with another email gets nothing.
        const other = await registerVerifiedCustomer(api, getContainer(), { email: "someone.else@example.test", password: PASSWORD, publishableKey })
        expect((await api.get("/store/customers/me/entitlements", pk(other.token))).data.entitlements).toEqual([])

        // Registering the guest's email is not enough: only proving it claims.
        const after: InboxMark = await box.mark()
        const { token, customerId } = await registerUnverified(email)
        const entitlements = getContainer().resolve<EntitlementModuleService>(ENTITLEMENT_MODULE)
        expect((await entitlements.listEntitlements({ order_id: orderId }))[0].customer_id).toBe(guestId)

        await requestCode(email, token)
        const code = codeIn(await box.waitForMail(email, { after }))
        await andWaitFor("email_verification.confirmed", () => confirm(code, token))
        const session = (await login(email)).data.token as string

        const mine = await api.get("/store/customers/me/entitlements", pk(session))
        expect(mine.data.entitlements).toHaveLength(1)
        expect(mine.data.entitlements[0]).toMatchObject({ order_id: orderId, source_document_id: BUNDLE })
        const orders = await api.get("/store/orders?fields=id,customer_id", pk(session))
        expect(orders.data.orders.map((o: { id: string }) => o.id)).toEqual([orderId])
        const membership = await api.get("/store/customers/me/membership", pk(session))
        expect(membership.data.membership).toMatchObject({ status: "active", days_left: 20 })
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: groups } = await query.graph({ entity: "customer", fields: ["groups.name"], filters: { id: customerId } })
        expect(groups[0].groups.map((g: { name: string }) => g.name)).toContain("members")
        // The guest keeps nothing; the other customer still has nothing.
        const memberships = getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
        expect((await memberships.membershipOf(guestId))?.status).toBe("revoked")
        expect((await api.get("/store/customers/me/entitlements", pk(other.token))).data.entitlements).toEqual([])
        expect((await api.get("/store/orders", pk(other.token))).data.orders).toEqual([])

        // Claiming again moves nothing twice.
        const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
        const identities = await auth().listProviderIdentities({ entity_id: email, provider: "emailpass" })
        const again = await engine.run("claim-guest-purchases", { input: { auth_identity_id: identities[0].auth_identity_id, email } })
        expect(again.result).toMatchObject({ customer_id: customerId, order_ids: [], entitlement_ids: [], period_ids: [] })
      })
    })

    describe("membership expiring in 7 days", () => {
      it("reminds each member once, as of the clock it is given", async () => {
        const email = "almost.expired@example.test"
        const member = await registerVerifiedCustomer(api, getContainer(), { email, password: PASSWORD, publishableKey })
        const cart = (await api.post("/store/carts", { region_id: regionId }, pk(member.token))).data.cart
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variants["membership-monthly"], quantity: 1 }, pk(member.token))
        await checkout(cart.id, member.token)
        const endsAt = Date.parse((await api.get("/store/customers/me/membership", pk(member.token))).data.membership.ends_at)

        const remind = (asOf: number) =>
          api.post("/admin/memberships/remind-expiring", { as_of: new Date(asOf).toISOString() }, { ...admin(), ...noThrow })

        const after = await box.mark()
        const tooEarly = await remind(endsAt - 10 * DAY)
        expect(tooEarly.status, JSON.stringify(tooEarly.data)).toBe(200)
        expect(tooEarly.data).toMatchObject({ reminded: 0, already_reminded: 0 })

        const due = await remind(endsAt - 6 * DAY + 60_000)
        expect(due.data).toMatchObject({ reminded: 1, already_reminded: 0, failed: 0 })
        const mail = await box.waitForMail(email, { after })
        expect(mail.subject).toBe("你的会员将在 6 天后到期")
        expect(mail.text).toContain("「月度会员」会员")
        expect(mail.text).toContain("http://localhost:4321/membership")

        const again = await remind(endsAt - 5 * DAY)
        expect(again.data).toMatchObject({ reminded: 0, already_reminded: 1 })
        const ended = await remind(endsAt + 60_000)
        expect(ended.data).toMatchObject({ reminded: 0, already_reminded: 0 })
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect((await box.to(email)).filter((m) => !after.has(m.id))).toHaveLength(1)

        const bad = await api.post("/admin/memberships/remind-expiring", { as_of: "tomorrow" }, { ...admin(), ...noThrow })
        expect(bad.status).toBe(400)
      })
    })
  },
})
