import type { Core } from '@strapi/strapi';

/** The locale editors write first; what Strapi falls back to when the i18n plugin has no default yet. */
export const FALLBACK_DEFAULT_LOCALE = 'zh-CN';

/**
 * The i18n default locale (zh-CN in this app, set by the cms bootstrap). Read from Strapi's i18n
 * plugin, so code that must use the "canonical" version of a document (the catalog outbox, the
 * slug rule, the locked-content fallback) follows the setting instead of hard-coding it.
 */
export async function getDefaultLocale(strapi: Core.Strapi): Promise<string> {
  const i18n = strapi.plugin('i18n');
  const code = i18n ? await i18n.service('locales').getDefaultLocale() : null;
  return typeof code === 'string' && code ? code : FALLBACK_DEFAULT_LOCALE;
}

/** The locale codes configured in Strapi (Settings → Internationalization). */
export async function getLocaleCodes(strapi: Core.Strapi): Promise<string[]> {
  const i18n = strapi.plugin('i18n');
  if (!i18n) return [FALLBACK_DEFAULT_LOCALE];
  const rows = (await i18n.service('locales').find()) as { code: string }[];
  return rows.map((row) => row.code);
}
