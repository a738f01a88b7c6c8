import type { Core } from '@strapi/strapi';

/**
 * What anonymous visitors (the storefront's GraphQL and REST reads) may do. Drafts stay hidden by
 * the plugin; a lesson's paid part (body, media) is private and served only to API tokens
 * holding plugin::community.lesson.content, which is never granted here.
 */
export const PUBLIC_READ_ACTIONS = [
  'plugin::community.course.find',
  'plugin::community.course.findOne',
  'plugin::community.lesson.find',
  'plugin::community.lesson.findOne',
  'plugin::community.lesson-bundle.find',
  'plugin::community.lesson-bundle.findOne',
  'plugin::community.instructor.find',
  'plugin::community.instructor.findOne',
  'plugin::community.interest-tag.find',
  'plugin::community.interest-tag.findOne',
];

/** Locked lesson content: for the storefront server's API token, never for anonymous visitors. */
export const NEVER_PUBLIC_ACTIONS = ['plugin::community.lesson.content'];

export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findMany({ where: { role: role.id, action: { $in: PUBLIC_READ_ACTIONS } } });
  const have = new Set(granted.map((p: { action: string }) => p.action));
  for (const action of PUBLIC_READ_ACTIONS) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
  // Never for the public: even if clicked in the admin (the route admits API tokens only anyway).
  await permissions.deleteMany({ where: { role: role.id, action: { $in: NEVER_PUBLIC_ACTIONS } } });
}
