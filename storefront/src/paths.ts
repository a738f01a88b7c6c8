import { defaultLocale, type Locale } from './i18n/locales';

/** Default-locale URLs carry no prefix (i18n.routing.prefixDefaultLocale is false). */
export function localizePath(path: string, locale: Locale = defaultLocale): string {
  if (locale === defaultLocale) return path;
  // "/" → "/en/", "/?tag=x" → "/en/?tag=x", "/courses/x" → "/en/courses/x".
  return `/${locale}${path}`;
}

function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

const segment = encodeURIComponent;

/** Catalog filters carried in the query string (?tag=…&level=…). */
export interface CatalogQuery {
  tag?: string | null;
  level?: string | null;
}

/** Every URL the storefront links or redirects to is built here. */
export const paths = {
  home: (locale?: Locale) => localizePath('/', locale),
  catalog: (query: CatalogQuery = {}, locale?: Locale) =>
    localizePath(withQuery('/', { tag: query.tag, level: query.level }), locale),
  course: (slug: string, locale?: Locale) => localizePath(`/courses/${segment(slug)}`, locale),
  /** The purchase box of a course page. */
  courseBuy: (slug: string, locale?: Locale) => `${paths.course(slug, locale)}#buy`,
  lesson: (slug: string, lessonId: string, locale?: Locale) =>
    localizePath(`/courses/${segment(slug)}/lessons/${segment(lessonId)}`, locale),
  /** The server-side media proxy of a lesson (not localized: it answers bytes, not a page). */
  lessonMedia: (slug: string, lessonId: string) =>
    `/courses/${segment(slug)}/lessons/${segment(lessonId)}/media`,
  /** The confirm step's path without an item (the buy form's GET target). */
  checkoutPage: (locale?: Locale) => localizePath('/checkout', locale),
  /** The confirm step: one product (by handle) or "complete the course" (by course document id). */
  checkout: (item: { product: string } | { upgrade: string }, locale?: Locale) =>
    localizePath(withQuery('/checkout', 'product' in item ? { product: item.product } : { upgrade: item.upgrade }), locale),
  checkoutDone: (orderId: string, locale?: Locale) =>
    localizePath(withQuery('/checkout/done', { order: orderId }), locale),
  account: (locale?: Locale) => localizePath('/account', locale),
  /** 我的订单: the signed-in customer's orders, each with its receipt (checkoutDone). */
  orders: (locale?: Locale) => localizePath('/account/orders', locale),
  /** Membership plans (付费会员): buy or renew. */
  membership: (locale?: Locale) => localizePath('/membership', locale),
  /** `next`: where to go after signing in (validated again when used). */
  login: (next?: string | null, locale?: Locale) =>
    localizePath(withQuery('/account/login', { next }), locale),
  register: (next?: string | null, locale?: Locale) =>
    localizePath(withQuery('/account/register', { next }), locale),
  logout: (locale?: Locale) => localizePath('/account/logout', locale),
  /** The code step of a sign-in or registration that is waiting for its email code. */
  verifyEmail: (next?: string | null, locale?: Locale) =>
    localizePath(withQuery('/account/login', { step: 'verify', next }), locale),
  forgotPassword: (locale?: Locale) => localizePath('/account/forgot-password', locale),
  /** The page the reset email links to (commerce builds the same URL with the token). */
  resetPassword: (token: string, email: string, locale?: Locale) =>
    localizePath(withQuery('/account/reset-password', { token, email }), locale),
  notFound: () => '/404',
};
