import { formatFen } from "@community/contracts"

/**
 * The emails commerce sends, as pure functions: data in, { subject, text, html } out, in the
 * buyer's language (zh-CN first, zh-TW, en). No Medusa calls here; the workflows gather the
 * data and hand the result to the Notification Module (channel "email").
 */

export const MAIL_LOCALES = ["zh-CN", "zh-TW", "en"] as const
export type MailLocale = (typeof MAIL_LOCALES)[number]

export type RenderedMail = { subject: string; text: string; html: string }

/** A storefront or stored locale ("zh-CN", "zh-TW", "zh-Hant-TW", "en", "en-US"…) → one we write in; zh-CN otherwise. */
export function mailLocale(value: unknown): MailLocale {
  if (typeof value !== "string") return "zh-CN"
  const v = value.trim().toLowerCase()
  if (v === "zh-tw" || v === "zh-hant" || v.startsWith("zh-hant") || v === "zh-hk") return "zh-TW"
  if (v === "en" || v.startsWith("en-")) return "en"
  return "zh-CN"
}

const SHOP_NAME: Record<MailLocale, string> = { "zh-CN": "社群商城", "zh-TW": "社群商城", en: "Community Shop" }

/** Text → HTML text (the only way data enters the markup). */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

function page(locale: MailLocale, body: string): string {
  const lang = locale === "en" ? "en" : locale === "zh-TW" ? "zh-Hant-TW" : "zh-CN"
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:24px;font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;color:#1f2328;line-height:1.6"><div style="max-width:480px;margin:0 auto">${body}<p style="color:#6e7781;font-size:13px;margin-top:32px">${escapeHtml(SHOP_NAME[locale])}</p></div></body></html>`
}

// ---- verification code ----

export type VerificationCodeMail = { locale: MailLocale; code: string; minutes: number }

const VERIFY: Record<MailLocale, { subject: (code: string) => string; lead: string; valid: (m: number) => string; ignore: string }> = {
  "zh-CN": {
    subject: (code) => `你的验证码：${code}`,
    lead: "你正在验证邮箱，验证码是：",
    valid: (m) => `验证码 ${m} 分钟内有效，请勿告诉他人。`,
    ignore: "如果不是你本人操作，请忽略这封邮件。",
  },
  "zh-TW": {
    subject: (code) => `你的驗證碼：${code}`,
    lead: "你正在驗證電子郵件，驗證碼是：",
    valid: (m) => `驗證碼 ${m} 分鐘內有效，請勿告訴他人。`,
    ignore: "如果不是你本人操作，請忽略這封郵件。",
  },
  en: {
    subject: (code) => `Your verification code: ${code}`,
    lead: "You are verifying your email address. Your code is:",
    valid: (m) => `The code is valid for ${m} minutes. Never share it with anyone.`,
    ignore: "If this was not you, ignore this email.",
  },
}

export function verificationCodeMail({ locale, code, minutes }: VerificationCodeMail): RenderedMail {
  const t = VERIFY[locale]
  return {
    subject: t.subject(code),
    text: `${t.lead}\n\n${code}\n\n${t.valid(minutes)}\n${t.ignore}\n`,
    html: page(
      locale,
      `<p>${escapeHtml(t.lead)}</p><p style="font-size:32px;font-weight:700;letter-spacing:8px;margin:16px 0" data-code>${escapeHtml(code)}</p><p>${escapeHtml(t.valid(minutes))}</p><p style="color:#6e7781">${escapeHtml(t.ignore)}</p>`
    ),
  }
}

// ---- password reset ----

export type PasswordResetMail = { locale: MailLocale; link: string; minutes: number }

const RESET: Record<MailLocale, { subject: string; lead: string; button: string; valid: (m: number) => string; ignore: string }> = {
  "zh-CN": {
    subject: "重置你的密码",
    lead: "我们收到了重置密码的请求。点击下面的链接设置新密码：",
    button: "设置新密码",
    valid: (m) => `链接 ${m} 分钟内有效，只能使用一次。`,
    ignore: "如果不是你本人操作，请忽略这封邮件，密码不会改变。",
  },
  "zh-TW": {
    subject: "重設你的密碼",
    lead: "我們收到了重設密碼的請求。點擊下面的連結設定新密碼：",
    button: "設定新密碼",
    valid: (m) => `連結 ${m} 分鐘內有效，只能使用一次。`,
    ignore: "如果不是你本人操作，請忽略這封郵件，密碼不會改變。",
  },
  en: {
    subject: "Reset your password",
    lead: "We received a request to reset your password. Open the link below to choose a new one:",
    button: "Choose a new password",
    valid: (m) => `The link is valid for ${m} minutes and works once.`,
    ignore: "If this was not you, ignore this email: your password stays as it is.",
  },
}

export function passwordResetMail({ locale, link, minutes }: PasswordResetMail): RenderedMail {
  const t = RESET[locale]
  return {
    subject: t.subject,
    text: `${t.lead}\n\n${link}\n\n${t.valid(minutes)}\n${t.ignore}\n`,
    html: page(
      locale,
      `<p>${escapeHtml(t.lead)}</p><p style="margin:20px 0"><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#d4380d;color:#fff;border-radius:8px;text-decoration:none" data-reset-link>${escapeHtml(t.button)}</a></p><p style="font-size:13px;word-break:break-all">${escapeHtml(link)}</p><p>${escapeHtml(t.valid(minutes))}</p><p style="color:#6e7781">${escapeHtml(t.ignore)}</p>`
    ),
  }
}

// ---- order receipt ----

export type ReceiptLine = { title: string; quantity: number; unit_price_fen: number; total_fen: number }

export type OrderReceiptMail = {
  locale: MailLocale
  display_id: number | string
  lines: ReceiptLine[]
  total_fen: number
  /** Where the member finds what they bought ("我的学习"). */
  account_url?: string | null
}

const RECEIPT: Record<
  MailLocale,
  { subject: (id: string) => string; lead: string; item: string; qty: string; price: string; total: string; open: string }
> = {
  "zh-CN": {
    subject: (id) => `订单 #${id} 付款成功`,
    lead: "感谢购买！你的付款已完成，课程已开通。",
    item: "商品",
    qty: "数量",
    price: "单价",
    total: "合计",
    open: "去「我的学习」开始学习",
  },
  "zh-TW": {
    subject: (id) => `訂單 #${id} 付款成功`,
    lead: "感謝購買！你的付款已完成，課程已開通。",
    item: "商品",
    qty: "數量",
    price: "單價",
    total: "合計",
    open: "前往「我的學習」開始學習",
  },
  en: {
    subject: (id) => `Order #${id}: payment received`,
    lead: "Thank you! Your payment is complete and your purchase is ready.",
    item: "Item",
    qty: "Qty",
    price: "Unit price",
    total: "Total",
    open: 'Start learning in "My learning"',
  },
}

export function orderReceiptMail({ locale, display_id, lines, total_fen, account_url }: OrderReceiptMail): RenderedMail {
  const t = RECEIPT[locale]
  const id = String(display_id)
  const textLines = lines.map(
    (line) => `- ${line.title} × ${line.quantity}  ${formatFen(line.unit_price_fen)}${line.quantity > 1 ? ` = ${formatFen(line.total_fen)}` : ""}`
  )
  const rows = lines
    .map(
      (line) =>
        `<tr data-line><td style="padding:6px 0">${escapeHtml(line.title)}</td><td style="text-align:center">${line.quantity}</td><td style="text-align:right">${escapeHtml(formatFen(line.unit_price_fen))}</td></tr>`
    )
    .join("")
  return {
    subject: t.subject(id),
    text: [
      t.lead,
      "",
      ...textLines,
      "",
      `${t.total}: ${formatFen(total_fen)}`,
      ...(account_url ? ["", `${t.open}: ${account_url}`] : []),
      "",
    ].join("\n"),
    html: page(
      locale,
      `<p>${escapeHtml(t.lead)}</p><table style="width:100%;border-collapse:collapse;margin:16px 0"><thead><tr style="color:#6e7781;font-size:13px"><th style="text-align:left">${escapeHtml(t.item)}</th><th>${escapeHtml(t.qty)}</th><th style="text-align:right">${escapeHtml(t.price)}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><td colspan="2" style="padding-top:8px;font-weight:700">${escapeHtml(t.total)}</td><td style="text-align:right;font-weight:700" data-total>${escapeHtml(formatFen(total_fen))}</td></tr></tfoot></table>${
        account_url ? `<p><a href="${escapeHtml(account_url)}">${escapeHtml(t.open)}</a></p>` : ""
      }`
    ),
  }
}

// ---- membership expiring ----

export type MembershipExpiringMail = {
  locale: MailLocale
  plan_title: string
  ends_at: Date
  days_left: number
  renew_url?: string | null
}

/** The date in China time (the community's clock), written the way each locale writes dates. */
export function mailDate(date: Date, locale: MailLocale): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  const [y, m, d] = [parts.year, Number(parts.month), Number(parts.day)]
  return locale === "en" ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : `${y}年${m}月${d}日`
}

const EXPIRING: Record<
  MailLocale,
  { subject: (days: number) => string; lead: (plan: string, date: string, days: number) => string; renew: string; keep: string }
> = {
  "zh-CN": {
    subject: (days) => `你的会员将在 ${days} 天后到期`,
    lead: (plan, date, days) => `你的「${plan}」会员将于 ${date} 到期（还剩 ${days} 天）。`,
    renew: "立即续费",
    keep: "续费会从当前到期日顺延，已有天数不会浪费。",
  },
  "zh-TW": {
    subject: (days) => `你的會員將在 ${days} 天後到期`,
    lead: (plan, date, days) => `你的「${plan}」會員將於 ${date} 到期（還剩 ${days} 天）。`,
    renew: "立即續費",
    keep: "續費會從目前到期日順延，已有天數不會浪費。",
  },
  en: {
    subject: (days) => `Your membership ends in ${days} day${days === 1 ? "" : "s"}`,
    lead: (plan, date, days) => `Your "${plan}" membership ends on ${date} (${days} day${days === 1 ? "" : "s"} left).`,
    renew: "Renew now",
    keep: "Renewing extends from your current end date: you lose no days.",
  },
}

export function membershipExpiringMail({ locale, plan_title, ends_at, days_left, renew_url }: MembershipExpiringMail): RenderedMail {
  const t = EXPIRING[locale]
  const lead = t.lead(plan_title, mailDate(ends_at, locale), days_left)
  return {
    subject: t.subject(days_left),
    text: [lead, t.keep, ...(renew_url ? ["", `${t.renew}: ${renew_url}`] : []), ""].join("\n"),
    html: page(
      locale,
      `<p>${escapeHtml(lead)}</p><p>${escapeHtml(t.keep)}</p>${renew_url ? `<p><a href="${escapeHtml(renew_url)}">${escapeHtml(t.renew)}</a></p>` : ""}`
    ),
  }
}

/** The storefront's URL for a path in a locale (zh-CN has no prefix), as in storefront/src/paths.ts. */
export function storefrontLink(base: string, path: string, locale: MailLocale, query: Record<string, string> = {}): string {
  const root = base.replace(/\/+$/, "")
  const prefix = locale === "zh-CN" ? "" : `/${locale}`
  const search = new URLSearchParams(query).toString()
  return `${root}${prefix}${path}${search ? `?${search}` : ""}`
}
