import type { Core } from '@strapi/strapi';

/** Creates the editors' first super-admin login from the environment, once. */
export async function ensureAdminUser(
  strapi: Core.Strapi,
  { email, password }: { email?: string; password?: string }
): Promise<void> {
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists({ email })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email,
    password,
    firstname: 'Admin',
    lastname: 'Demo',
    registrationToken: null,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`Created the Strapi admin ${email}`);
}
