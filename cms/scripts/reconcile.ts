/**
 * `npm run reconcile -w @community/cms` — the catalog drift report, from a shell.
 *
 * Boots the CMS (no HTTP server, no admin panel) with the same environment as `npm run start`
 * (database, COMMERCE_URL, COMMERCE_API_KEY, Strapi secrets), compares every sellable document
 * (courses, lesson bundles) with the product commerce holds for it, queues what differs in the
 * catalog outbox, prints the JSON report on stdout and exits:
 *   0  commerce matches the CMS
 *   1  drift found (queued; the running CMS delivers it)
 *   2  commerce could not be asked (unreachable or no API key); everything was queued
 * Logs go to stderr. Run `npm run build -w @community/cms` first (this runs from dist/).
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Report = { drift: { problem: string }[]; commerce: { reachable: boolean } };

async function main(): Promise<number> {
  // Compiled to dist/scripts/reconcile.js; the app root is two levels up from there.
  const appDir = path.basename(path.resolve(__dirname, '..')) === 'dist' ? path.resolve(__dirname, '../..') : path.resolve(__dirname, '..');
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  // Keep stdout for the report: Strapi's console logger writes to stdout.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: any, ...rest: any[]) => (process.stderr.write as any)(chunk, ...rest)) as typeof process.stdout.write;

  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  let report: Report;
  try {
    report = await strapi.plugin('community').service('catalogSync').reconcileAll();
  } finally {
    await strapi.destroy();
  }
  write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.commerce.reachable || report.drift.some((d) => d.problem === 'check_failed')) return 2;
  return report.drift.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(3);
  }
);
