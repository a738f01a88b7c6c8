import course from './course';
import lesson from './lesson';
import lessonBundle from './lesson-bundle';
import instructor from './instructor';
import interestTag from './interest-tag';
import catalogSyncState from './catalog-sync-state';

export default {
  course,
  lesson,
  'lesson-bundle': lessonBundle,
  instructor,
  'interest-tag': interestTag,
  'catalog-sync-state': catalogSyncState,
};
