export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/sync-states/:uid/:documentId',
      handler: 'sync-state.findOne',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/reconcile',
      handler: 'sync-state.reconcile',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: ['plugin::content-manager.explorer.publish'] } },
        ],
      },
    },
  ],
};
