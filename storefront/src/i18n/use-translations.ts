import { defaultLocale, isLocale, type Locale } from './locales';
import { ui, type UiKey } from './ui';

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

/** Resolves a locale value (Astro.locals.locale; may be undefined, e.g. on the 500 page) to a locale we have strings for. */
export function resolveLocale(value: string | undefined): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** Returns t(key, params): looks up the UI string and fills {placeholders}. */
export function useTranslations(locale: string | undefined): Translate {
  const dictionary = ui[resolveLocale(locale)];
  return (key, params) => {
    const template = dictionary[key] ?? ui[defaultLocale][key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}

/**
 * A calendar date in the reader's language ("2026年12月1日", "Dec 1, 2026"). Shown in China
 * time whatever the server's zone, so an expiry never shifts by a day between machines.
 */
export function formatDate(value: string | Date, locale: string | undefined): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(resolveLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}
