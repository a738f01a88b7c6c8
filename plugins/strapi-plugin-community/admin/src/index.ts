import { PriceTag } from '@strapi/icons';
import { CatalogSyncPanel } from './components/catalog-sync-panel';
import { PLUGIN_ID } from './plugin-id';

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Community' });
    // 拆分课程包 Bundles: price split-price lesson bundles against their course.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/bundles`,
      icon: PriceTag,
      intlLabel: { id: `${PLUGIN_ID}.bundles.menu`, defaultMessage: '拆分课程包 Bundles' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'plugin::community.course' }],
      Component: () => import('./pages/bundles-page').then((mod) => ({ default: mod.BundlesPage })),
    });
  },

  bootstrap(app: any) {
    // Editors see, on each course and bundle, whether commerce sells it (and why not).
    app.getPlugin('content-manager').apis.addEditViewSidePanel([CatalogSyncPanel]);
  },
};
