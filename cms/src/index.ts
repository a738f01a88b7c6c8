import type { Core } from '@strapi/strapi';
import { grantPublicRead } from './bootstrap/grant-public-read';
import { ensureAdminUser } from './bootstrap/ensure-admin-user';
import { seedDemoContent } from './bootstrap/seed-demo-content';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Permissions live in code, never clicked by hand, so every database gets the same ones.
    await grantPublicRead(strapi);
    await ensureAdminUser(strapi, {
      email: process.env.STRAPI_ADMIN_EMAIL,
      password: process.env.STRAPI_ADMIN_PASSWORD,
    });
    if (process.env.SEED_DEMO === 'true') await seedDemoContent(strapi);
  },
};
