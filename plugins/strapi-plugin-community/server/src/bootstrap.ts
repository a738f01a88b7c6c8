import type { Core } from '@strapi/strapi';
import { backfillRequiredDefaults } from './services/backfill-defaults';
import { BUNDLE_UID, COURSE_UID, INSTRUCTOR_UID, INTEREST_TAG_UID, LESSON_UID } from './uids';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('community');
  // Rows from before an attribute existed must not break readers of required fields.
  await backfillRequiredDefaults(strapi, [COURSE_UID, LESSON_UID, BUNDLE_UID, INSTRUCTOR_UID, INTEREST_TAG_UID]);
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
