import { factories } from '@strapi/strapi';
import syncState from './sync-state';
import { COURSE_UID, LESSON_UID } from '../uids';

export default {
  course: factories.createCoreController(COURSE_UID),
  lesson: factories.createCoreController(LESSON_UID),
  'sync-state': syncState,
};
