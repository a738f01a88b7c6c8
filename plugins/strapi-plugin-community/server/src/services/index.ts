import { factories } from '@strapi/strapi';
import catalogSync from './catalog-sync';
import lessonMedia from './lesson-media';
import loginAttempts from './login-attempts';
import scheduledPublishing from './scheduled-publishing';
import { BUNDLE_UID, COURSE_UID, INSTRUCTOR_UID, INTEREST_TAG_UID, LESSON_UID } from '../uids';

export default {
  // Core services back the core REST controllers of each content type.
  course: factories.createCoreService(COURSE_UID),
  lesson: factories.createCoreService(LESSON_UID),
  'lesson-bundle': factories.createCoreService(BUNDLE_UID),
  instructor: factories.createCoreService(INSTRUCTOR_UID),
  'interest-tag': factories.createCoreService(INTEREST_TAG_UID),
  catalogSync,
  lessonMedia,
  loginAttempts,
  scheduledPublishing,
};
