import course from './course';
import lesson from './lesson';
import catalogSyncState from './catalog-sync-state';

export default {
  course,
  lesson,
  'catalog-sync-state': catalogSyncState,
};
