import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('community').service('scheduledPublishing').stop();
  await strapi.plugin('community').service('catalogSync').stop();
};
