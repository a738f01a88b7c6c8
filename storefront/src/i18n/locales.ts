/** Locales the storefront knows; zh-CN is the default and is served without a URL prefix. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
