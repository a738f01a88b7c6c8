/** Contracts shared by the CMS plugin, commerce and the storefront. Nothing here does I/O. */
export * from './handles.js';
export * from './money.js';
export * from './catalog.js';
export * from './rate-limit.js';
export * from './visibility.js';
