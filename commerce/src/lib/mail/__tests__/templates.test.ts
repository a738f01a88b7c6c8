import { describe, expect, it } from "vitest"
import {
  escapeHtml,
  mailDate,
  mailLocale,
  membershipExpiringMail,
  orderReceiptMail,
  passwordResetMail,
  storefrontLink,
  verificationCodeMail,
} from "../templates"
import { storefrontUrl } from "../storefront-url"

describe("mailLocale", () => {
  it("maps storefront and stored locales, zh-CN otherwise", () => {
    expect(mailLocale("zh-CN")).toBe("zh-CN")
    expect(mailLocale("zh-TW")).toBe("zh-TW")
    expect(mailLocale("zh-Hant-TW")).toBe("zh-TW")
    expect(mailLocale("en")).toBe("en")
    expect(mailLocale("en-US")).toBe("en")
    expect(mailLocale("fr")).toBe("zh-CN")
    expect(mailLocale(undefined)).toBe("zh-CN")
    expect(mailLocale(42)).toBe("zh-CN")
  })
})

describe("verification code", () => {
  it("puts the code in the subject and body, in each language", () => {
    const cn = verificationCodeMail({ locale: "zh-CN", code: "012345", minutes: 10 })
    expect(cn.subject).toBe("你的验证码：012345")
    expect(cn.text).toContain("012345")
    expect(cn.text).toContain("10 分钟内有效")
    expect(cn.html).toContain('lang="zh-CN"')
    expect(verificationCodeMail({ locale: "zh-TW", code: "012345", minutes: 10 }).subject).toBe("你的驗證碼：012345")
    const en = verificationCodeMail({ locale: "en", code: "012345", minutes: 10 })
    expect(en.subject).toBe("Your verification code: 012345")
    expect(en.html).toContain('lang="en"')
  })
})

describe("password reset", () => {
  it("links to the page and escapes the link in HTML", () => {
    const link = "https://shop.example/account/reset-password?token=a.b.c&email=x%40y.z"
    const mail = passwordResetMail({ locale: "zh-CN", link, minutes: 15 })
    expect(mail.subject).toBe("重置你的密码")
    expect(mail.text).toContain(link)
    expect(mail.html).toContain("token=a.b.c&amp;email=x%40y.z")
    expect(mail.html).not.toContain("&email")
    expect(passwordResetMail({ locale: "en", link, minutes: 15 }).text).toContain("valid for 15 minutes")
  })
})

describe("order receipt", () => {
  const lines = [
    { title: "社群运营 · 试听三讲", quantity: 1, unit_price_fen: 2990, total_fen: 2990 },
    { title: "月度会员 <VIP>", quantity: 2, unit_price_fen: 3900, total_fen: 7800 },
  ]
  it("lists items with unit prices and the total in fen-exact yuan", () => {
    const mail = orderReceiptMail({ locale: "zh-CN", display_id: 12, lines, total_fen: 10790, account_url: "http://s/account" })
    expect(mail.subject).toBe("订单 #12 付款成功")
    expect(mail.text).toContain("- 社群运营 · 试听三讲 × 1  ¥29.90")
    expect(mail.text).toContain("- 月度会员 <VIP> × 2  ¥39.00 = ¥78.00")
    expect(mail.text).toContain("合计: ¥107.90")
    expect(mail.text).toContain("http://s/account")
    // Titles come from the catalog: never markup in the HTML.
    expect(mail.html).toContain("月度会员 &lt;VIP&gt;")
    expect(mail.html).not.toContain("<VIP>")
    expect(mail.html).toMatch(/data-total>¥107\.90</)
  })
  it("speaks zh-TW and en", () => {
    expect(orderReceiptMail({ locale: "zh-TW", display_id: 3, lines, total_fen: 10790 }).subject).toBe("訂單 #3 付款成功")
    const en = orderReceiptMail({ locale: "en", display_id: 3, lines, total_fen: 10790 })
    expect(en.subject).toBe("Order #3: payment received")
    expect(en.text).toContain("Total: ¥107.90")
  })
})

describe("membership expiring", () => {
  const ends = new Date("2026-05-07T16:30:00Z") // 2026-05-08 00:30 in China
  it("gives the end date in China time and the days left", () => {
    const mail = membershipExpiringMail({ locale: "zh-CN", plan_title: "月度会员", ends_at: ends, days_left: 6, renew_url: "http://s/membership" })
    expect(mail.subject).toBe("你的会员将在 6 天后到期")
    expect(mail.text).toContain("你的「月度会员」会员将于 2026年5月8日 到期（还剩 6 天）")
    expect(mail.text).toContain("http://s/membership")
    expect(membershipExpiringMail({ locale: "en", plan_title: "Monthly", ends_at: ends, days_left: 1 }).subject).toBe(
      "Your membership ends in 1 day"
    )
    expect(mailDate(ends, "en")).toBe("2026-05-08")
    expect(membershipExpiringMail({ locale: "zh-TW", plan_title: "月度會員", ends_at: ends, days_left: 7 }).subject).toBe(
      "你的會員將在 7 天後到期"
    )
  })
})

describe("links", () => {
  it("prefixes non-default locales like the storefront does", () => {
    expect(storefrontLink("http://s/", "/account", "zh-CN")).toBe("http://s/account")
    expect(storefrontLink("http://s", "/account/reset-password", "en", { token: "t", email: "a@b.c" })).toBe(
      "http://s/en/account/reset-password?token=t&email=a%40b.c"
    )
  })
  it("finds the storefront from STOREFRONT_URL or STORE_CORS", () => {
    expect(storefrontUrl({ STOREFRONT_URL: "https://shop.example/" })).toBe("https://shop.example")
    expect(storefrontUrl({ STORE_CORS: "http://localhost:4331,http://other" })).toBe("http://localhost:4331")
    expect(storefrontUrl({ STORE_CORS: "/vercel\\.app$/" })).toBe("http://localhost:4321")
    expect(storefrontUrl({})).toBe("http://localhost:4321")
  })
  it("escapes all five HTML specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  })
})
