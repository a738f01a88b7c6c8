import { CatalogSyncPanel } from './components/catalog-sync-panel';
import { PLUGIN_ID } from './plugin-id';

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Community' });
  },

  bootstrap(app: any) {
    // Editors see, on each course, whether commerce sells it (and why not).
    app.getPlugin('content-manager').apis.addEditViewSidePanel([CatalogSyncPanel]);
  },
};
