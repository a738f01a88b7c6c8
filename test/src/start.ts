/**
 * `npm start`: the whole system with embedded Postgres and demo data, until Ctrl-C.
 * Data lives in <repo>/.data (DATA_DIR overrides); DATABASE_URL / STRAPI_DATABASE_URL
 * point commerce / the CMS at an external Postgres instead.
 */
import path from 'node:path';
import { DEFAULT_PORTS, REPO_ROOT, startStack, type Stack } from './stack';

const started = Date.now();
let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping storefront, Strapi, Medusa, the mail catcher and Postgres…');
  await stack?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  stack = await startStack({
    dataDir: process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data'),
    ports: DEFAULT_PORTS,
    // Loopback by default: the admins run with published demo logins. HOST=0.0.0.0 opens them to the network.
    host: process.env.HOST ?? '127.0.0.1',
    seedDemo: process.env.SEED_DEMO !== 'false',
    echo: process.env.QUIET !== 'true',
    medusaDatabaseUrl: process.env.DATABASE_URL,
    strapiDatabaseUrl: process.env.STRAPI_DATABASE_URL,
    smtpUrl: process.env.SMTP_URL || undefined,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const { urls, logins } = stack;
  console.log(`
✔ Everything is up (${seconds}s). Ctrl-C stops it all, the database included.

  Storefront      ${urls.storefront}
  Strapi admin    ${urls.strapiAdmin}   login ${logins.strapi.email} / ${logins.strapi.password}
  Medusa admin    ${urls.medusaAdmin}   login ${logins.medusa.email} / ${logins.medusa.password}
  Strapi GraphQL  ${urls.strapi}/graphql
  Medusa API      ${urls.medusa}
  Email inbox     ${urls.mailInbox ?? `(sent through ${process.env.SMTP_URL})`}   verification codes, reset links, receipts
  Logs            ${path.join(process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data'), 'logs')}
`);
} catch (error) {
  console.error(`\n✖ Could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
