/** Locales the storefront knows; zh-CN is the default and is served without a URL prefix. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'zh-CN';

/** Each language's own name, for the language switcher (never translated). */
export const localeLabels: Record<Locale, string> = {
  'zh-CN': '简体',
  'zh-TW': '繁體',
  en: 'EN',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Locales that appear as the first path segment (the default locale has no prefix). */
function isPrefixedLocale(value: string | undefined): value is Locale {
  return value !== defaultLocale && isLocale(value);
}

/**
 * Splits a pathname into its locale and the path without the locale prefix:
 * "/en/courses/x" → { locale: "en", path: "/courses/x" }. Only the FIRST segment counts
 * (Astro.currentLocale looks at every segment, so a course slugged "en" would turn English).
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const first = pathname.split('/')[1];
  if (!isPrefixedLocale(first)) return { locale: defaultLocale, path: pathname || '/' };
  const rest = pathname.slice(first.length + 1);
  return { locale: first, path: rest.startsWith('/') ? rest : `/${rest}` };
}

/**
 * The locale of a `[...locale]` route parameter: none → zh-CN, "zh-TW"/"en" → that locale,
 * anything else (including "zh-CN", which is never a prefix) → null, meaning "no such page".
 */
export function localeFromParam(param: string | undefined): Locale | null {
  if (param === undefined || param === '') return defaultLocale;
  return isPrefixedLocale(param) ? param : null;
}
