import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('community');
  plugin.service('catalogSync').start();
  plugin.service('scheduledPublishing').start();

  // Media library writes (upload, replace, delete, attach on upload) may change which files are lesson media.
  const invalidate = () => plugin.service('lessonMedia').invalidate();
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file'],
    afterCreate: invalidate,
    afterCreateMany: invalidate,
    afterUpdate: invalidate,
    afterUpdateMany: invalidate,
    afterDelete: invalidate,
    afterDeleteMany: invalidate,
  });
};
