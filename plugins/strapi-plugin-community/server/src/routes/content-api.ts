import { API_TOKEN_STRATEGY, LESSON_CONTENT_ACTION } from '../uids';

/**
 * The paid part of a lesson: only content-API tokens may ask (`strategies`), and only tokens
 * allowed `plugin::community.lesson.content` get it: a custom token with that permission, or a
 * full-access token. A read-only token does not: Strapi lets those through only for scopes that
 * end in find/findOne. The public role (users-permissions) is not even consulted.
 */
const lockedContent = { auth: { strategies: [API_TOKEN_STRATEGY], scope: [LESSON_CONTENT_ACTION] }, policies: [] };

/** Read-only REST for published content; permissions are granted to the public role by the app. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/courses', handler: 'course.find', config: { policies: [] } },
    { method: 'GET', path: '/courses/:id', handler: 'course.findOne', config: { policies: [] } },
    { method: 'GET', path: '/lessons', handler: 'lesson.find', config: { policies: [] } },
    { method: 'GET', path: '/lessons/:id', handler: 'lesson.findOne', config: { policies: [] } },
    { method: 'GET', path: '/lessons/:documentId/content', handler: 'lesson.content', config: lockedContent },
    // Same action and permission as /content; the controller streams the file instead.
    { method: 'GET', path: '/lessons/:documentId/media', handler: 'lesson.content', config: lockedContent },
    { method: 'GET', path: '/lesson-bundles', handler: 'lesson-bundle.find', config: { policies: [] } },
    { method: 'GET', path: '/lesson-bundles/:id', handler: 'lesson-bundle.findOne', config: { policies: [] } },
    { method: 'GET', path: '/instructors', handler: 'instructor.find', config: { policies: [] } },
    { method: 'GET', path: '/instructors/:id', handler: 'instructor.findOne', config: { policies: [] } },
    { method: 'GET', path: '/interest-tags', handler: 'interest-tag.find', config: { policies: [] } },
    { method: 'GET', path: '/interest-tags/:id', handler: 'interest-tag.findOne', config: { policies: [] } },
  ],
};
