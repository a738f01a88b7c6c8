import catalogSync from './catalog-sync';

export default {
  catalogSync,
};
