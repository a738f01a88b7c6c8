import type { Core } from '@strapi/strapi';
import { grantPublicRead } from './bootstrap/grant-public-read';
import { ensureAdminUser } from './bootstrap/ensure-admin-user';
import { seedDemoContent } from './bootstrap/seed-demo-content';
import { defaultLocaleBeforeSchemaSync, ensureLocales } from './bootstrap/locales';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    defaultLocaleBeforeSchemaSync(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Content locales: zh-CN (default), zh-Hant-TW, en.
    await ensureLocales(strapi);
    // Permissions live in code, never clicked by hand, so every database gets the same ones.
    await grantPublicRead(strapi);
    await ensureAdminUser(strapi, {
      email: process.env.STRAPI_ADMIN_EMAIL,
      password: process.env.STRAPI_ADMIN_PASSWORD,
    });
    if (process.env.SEED_DEMO === 'true') await seedDemoContent(strapi);
  },
};
