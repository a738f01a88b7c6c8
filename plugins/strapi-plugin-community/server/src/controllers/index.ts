import { factories } from '@strapi/strapi';
import syncState from './sync-state';
import bundlePricing from './bundle-pricing';
import lessonContent from './lesson-content';
import { BUNDLE_UID, COURSE_UID, INSTRUCTOR_UID, INTEREST_TAG_UID, LESSON_UID } from '../uids';

export default {
  course: factories.createCoreController(COURSE_UID),
  // `content` is an action of the lesson controller, so its permission reads plugin::community.lesson.content.
  lesson: factories.createCoreController(LESSON_UID, ({ strapi }) => lessonContent({ strapi }) as any),
  'lesson-bundle': factories.createCoreController(BUNDLE_UID),
  instructor: factories.createCoreController(INSTRUCTOR_UID),
  'interest-tag': factories.createCoreController(INTEREST_TAG_UID),
  'sync-state': syncState,
  'bundle-pricing': bundlePricing,
};
