import { defaultLocale, isLocale, type Locale } from './locales';
import { ui, type UiKey } from './ui';

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

/** Resolves Astro.currentLocale (which may be undefined) to a locale we have strings for. */
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
