import { BUNDLE_UID, COURSE_UID } from '../uids';

const admin = 'admin::isAuthenticatedAdmin';
const can = (action: string, subject?: string) => ({
  name: 'admin::hasPermissions',
  config: { actions: [subject ? [action, subject] : action] },
});

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/sync-states/:uid/:documentId',
      handler: 'sync-state.findOne',
      config: { policies: [admin] },
    },
    {
      method: 'POST',
      path: '/reconcile',
      handler: 'sync-state.reconcile',
      // CASL needs the subject: without it no editor (not even a super admin) passes.
      config: { policies: [admin, can('plugin::content-manager.explorer.publish', COURSE_UID)] },
    },
    {
      method: 'GET',
      path: '/bundle-pricing/courses',
      handler: 'bundle-pricing.courses',
      config: { policies: [admin, can('plugin::content-manager.explorer.read', COURSE_UID)] },
    },
    {
      method: 'POST',
      path: '/bundle-pricing/preview',
      handler: 'bundle-pricing.preview',
      config: { policies: [admin] },
    },
    {
      method: 'POST',
      path: '/bundles',
      handler: 'bundle-pricing.createBundle',
      config: { policies: [admin, can('plugin::content-manager.explorer.create', BUNDLE_UID)] },
    },
  ],
};
