/** Read-only REST for published content; permissions are granted to the public role by the app. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/courses', handler: 'course.find', config: { policies: [] } },
    { method: 'GET', path: '/courses/:id', handler: 'course.findOne', config: { policies: [] } },
    { method: 'GET', path: '/lessons', handler: 'lesson.find', config: { policies: [] } },
    { method: 'GET', path: '/lessons/:id', handler: 'lesson.findOne', config: { policies: [] } },
  ],
};
