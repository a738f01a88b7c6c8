import type { Core } from '@strapi/strapi';

/** What anonymous visitors (the storefront's GraphQL and REST reads) may do. Drafts stay hidden by the plugin. */
export const PUBLIC_READ_ACTIONS = [
  'plugin::community.course.find',
  'plugin::community.course.findOne',
  'plugin::community.lesson.find',
  'plugin::community.lesson.findOne',
];

export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findMany({ where: { role: role.id, action: { $in: PUBLIC_READ_ACTIONS } } });
  const have = new Set(granted.map((p: { action: string }) => p.action));
  for (const action of PUBLIC_READ_ACTIONS) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
