export const PLUGIN_ID = 'community';
export const COURSE_UID = 'plugin::community.course' as const;
export const LESSON_UID = 'plugin::community.lesson' as const;
export const SYNC_STATE_UID = 'plugin::community.catalog-sync-state' as const;

/** Content types that become products in commerce. */
export const SELLABLE_UIDS: readonly string[] = [COURSE_UID];
