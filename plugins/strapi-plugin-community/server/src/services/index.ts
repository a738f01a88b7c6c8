import { factories } from '@strapi/strapi';
import catalogSync from './catalog-sync';
import { COURSE_UID, LESSON_UID } from '../uids';

export default {
  // Core services back the core REST controllers of each content type.
  course: factories.createCoreService(COURSE_UID),
  lesson: factories.createCoreService(LESSON_UID),
  catalogSync,
};
