import { defaultLocale, type Locale } from './locales';

/**
 * The ONE place where storefront page locales meet the CMS's i18n locale codes. Strapi takes its
 * codes from an ISO list that has zh-CN but no zh-TW: Traditional Chinese (Taiwan) is zh-Hant-TW
 * there (cms/src/bootstrap/locales.ts creates these three).
 */
export const cmsLocales = {
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-Hant-TW',
  en: 'en',
} as const satisfies Record<Locale, string>;

export type CmsLocale = (typeof cmsLocales)[Locale];

/** The CMS default locale: every document has its canonical version (slug, price, lessons) here. */
export const cmsDefaultLocale: CmsLocale = cmsLocales[defaultLocale];

/** The CMS locale code for a page locale. */
export function cmsLocale(locale: Locale): CmsLocale {
  return cmsLocales[locale];
}
