import type { Core } from '@strapi/strapi';

/**
 * The content locales, in code like the permissions, so every database gets the same ones.
 * Codes come from Strapi's ISO list (@strapi/i18n constants/iso-locales.json): zh-CN exists
 * there as "Chinese (Simplified, China)"; Traditional Chinese for Taiwan is `zh-Hant-TW`
 * (there is no `zh-TW` in the list). The storefront maps its page locales onto these
 * (storefront/src/i18n/cms-locale.ts).
 */
export const DEFAULT_LOCALE = 'zh-CN';
export const CONTENT_LOCALES = [
  { code: 'zh-CN', name: 'Chinese (Simplified, China) (zh-CN)' },
  { code: 'zh-Hant-TW', name: 'Chinese (Traditional, Taiwan) (zh-Hant-TW)' },
  { code: 'en', name: 'English (en)' },
] as const;

const LOCALE_UID = 'plugin::i18n.locale';
const LOCALE_TABLE = 'i18n_locale';
const CORE_STORE_TABLE = 'strapi_core_store_settings';

/**
 * Creates the missing locales and makes zh-CN the default (Strapi makes `en` the default on a
 * new database). Idempotent; runs on every start.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  let created = false;
  for (const locale of CONTENT_LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create({ ...locale });
      created = true;
      strapi.log.info(`Created the content locale ${locale.code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    strapi.log.info(`Made ${DEFAULT_LOCALE} the default content locale`);
  }
  if (created) {
    // Locales written before i18n's own hooks were up (see defaultLocaleBeforeSchemaSync) need this too.
    await strapi.plugin('i18n').service('permissions').actions.syncSuperAdminPermissionsWithLocales();
  }
}

/**
 * On a database created before the content types were localized, Strapi's schema sync gives every
 * existing row the CURRENT default locale, which is still `en` then (bootstrap runs after the
 * sync). Switch the default to zh-CN before the sync, so existing courses, lessons, bundles,
 * instructors and tags become the zh-CN versions they are. Nothing to do on a new database.
 * Register from the app's register().
 */
export function defaultLocaleBeforeSchemaSync(strapi: Core.Strapi): void {
  strapi.hook('strapi::content-types.beforeSync').register(async () => {
    const schema = strapi.db.getSchemaConnection();
    if (!(await schema.hasTable(LOCALE_TABLE)) || !(await schema.hasTable(CORE_STORE_TABLE))) return;
    const rows = strapi.db.query(LOCALE_UID);
    const zhCN = CONTENT_LOCALES[0];
    if (!(await rows.findOne({ where: { code: zhCN.code } }))) await rows.create({ data: { ...zhCN } });
    const locales = strapi.plugin('i18n').service('locales');
    if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
      await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
      strapi.log.info(`Made ${DEFAULT_LOCALE} the default content locale before the schema sync`);
    }
  });
}
