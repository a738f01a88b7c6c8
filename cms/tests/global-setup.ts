import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from '@community/test/postgres';

/** A real PostgreSQL of its own for the CMS tests, on a port `npm start` does not use. */
export default async function setup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cms-test-'));
  await chmod(dir, 0o755); // the postgres OS user must be able to enter it when we run as root
  const postgres = await startPostgres({ dataDir: path.join(dir, 'pg'), port: Number(process.env.CMS_TEST_PG_PORT ?? 54341) });
  await postgres.ensureDatabase('strapi_test');
  process.env.DATABASE_URL = postgres.url('strapi_test');
  return async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

