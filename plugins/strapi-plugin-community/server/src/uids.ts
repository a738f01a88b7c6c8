export const PLUGIN_ID = 'community';
export const COURSE_UID = 'plugin::community.course' as const;
export const LESSON_UID = 'plugin::community.lesson' as const;
export const BUNDLE_UID = 'plugin::community.lesson-bundle' as const;
export const INSTRUCTOR_UID = 'plugin::community.instructor' as const;
export const INTEREST_TAG_UID = 'plugin::community.interest-tag' as const;
export const SYNC_STATE_UID = 'plugin::community.catalog-sync-state' as const;

/** Content types that become products in commerce. */
export const SELLABLE_UIDS: readonly string[] = [COURSE_UID, BUNDLE_UID];

/** Content types whose drafts publish themselves at `publish_at` (lessons first, so courses and bundles see them). */
export const SCHEDULED_UIDS = [LESSON_UID, COURSE_UID, BUNDLE_UID] as const;

/**
 * The content-API permission that unlocks a lesson's paid part (body + media). Only API tokens can
 * hold it (see routes/content-api.ts): a custom token with this action, or a full-access token.
 */
export const LESSON_CONTENT_ACTION = 'plugin::community.lesson.content';

/** The auth strategy Strapi 5 registers for content-API tokens (not 'api-token' as in Strapi 4). */
export const API_TOKEN_STRATEGY = 'content-api-token';
