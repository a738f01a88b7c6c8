import { defaultLocale, type Locale } from './i18n/locales';

/** Default-locale URLs carry no prefix (i18n.routing.prefixDefaultLocale is false). */
export function localizePath(path: string, locale: Locale = defaultLocale): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}/` : `/${locale}${path}`;
}

/** Every URL the storefront links or redirects to is built here. */
export const paths = {
  home: (locale?: Locale) => localizePath('/', locale),
  course: (slug: string, locale?: Locale) =>
    localizePath(`/courses/${encodeURIComponent(slug)}`, locale),
  checkoutDone: (orderId: string, locale?: Locale) =>
    localizePath(`/checkout/done?order=${encodeURIComponent(orderId)}`, locale),
  notFound: () => '/404',
};
