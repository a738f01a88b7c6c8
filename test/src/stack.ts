import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailCatcher } from './mail-catcher';
import { startPostgres, type PostgresServer } from './postgres';
import { runToCompletion, spawnService, waitForHttp, type ServiceProcess } from './service-process';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type StackPorts = {
  postgres: number;
  strapi: number;
  medusa: number;
  storefront: number;
  /** The mail catcher's SMTP port and web inbox; by default Medusa's port + 16000 / + 17000 (9010 → 25010 / 26010). */
  mailSmtp?: number;
  mailWeb?: number;
};

/** The mail catcher's ports of a stack: given, or derived from Medusa's so every stack has its own. */
export function mailPorts(ports: StackPorts): { smtp: number; web: number } {
  return { smtp: ports.mailSmtp ?? ports.medusa + 16000, web: ports.mailWeb ?? ports.medusa + 17000 };
}

/** The ports `npm start` uses: each framework's default, Postgres on a non-default one. */
export const DEFAULT_PORTS: StackPorts = {
  postgres: Number(process.env.POSTGRES_PORT ?? 54329),
  strapi: Number(process.env.STRAPI_PORT ?? 1337),
  medusa: Number(process.env.MEDUSA_PORT ?? 9000),
  storefront: Number(process.env.STOREFRONT_PORT ?? 4321),
  // maildev's own defaults.
  mailSmtp: Number(process.env.MAIL_SMTP_PORT ?? 1025),
  mailWeb: Number(process.env.MAIL_WEB_PORT ?? 1080),
};

export const DEMO_LOGINS = {
  strapi: { email: process.env.STRAPI_ADMIN_EMAIL ?? 'admin@example.com', password: process.env.STRAPI_ADMIN_PASSWORD ?? 'Admin1234!' },
  medusa: { email: process.env.MEDUSA_ADMIN_EMAIL ?? 'admin@example.com', password: process.env.MEDUSA_ADMIN_PASSWORD ?? 'supersecret' },
};

export type StackOptions = {
  /** Holds the Postgres cluster, generated secrets and logs. */
  dataDir: string;
  ports: StackPorts;
  /** Address the web services bind to. */
  host?: string;
  seedDemo?: boolean;
  /** Echo every service's output to the console, prefixed (for `npm start`). */
  echo?: boolean;
  /** Use these instead of the embedded Postgres (external databases). */
  medusaDatabaseUrl?: string;
  strapiDatabaseUrl?: string;
  /** How often the CMS outbox retries (ms). */
  catalogSyncIntervalMs?: number;
  /** Send email through this SMTP server instead of the local mail catcher (SMTP_URL). */
  smtpUrl?: string;
  log?: (line: string) => void;
};

export type Stack = {
  urls: {
    storefront: string;
    strapi: string;
    strapiAdmin: string;
    medusa: string;
    medusaAdmin: string;
    /** The local mail catcher's inbox (web UI; REST API under /api), or null with an external SMTP_URL. */
    mailInbox: string | null;
  };
  logins: typeof DEMO_LOGINS;
  medusaPublishableKey: string;
  /** Starts and stops one service, for tests that take a side down. */
  services: Record<'medusa' | 'strapi' | 'storefront', { stop(): Promise<void>; start(): Promise<void> }>;
  stop(): Promise<void>;
};

type Secrets = Record<string, string>;

/**
 * Brings up the whole system in dependency order: Postgres → Medusa (migrate, seed, start)
 * → Strapi (seeds content, syncs it to Medusa) → storefront. `npm start` and the end-to-end
 * tests both come through here, so the tests prove the path a newcomer takes.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(options.dataDir);
  const logDir = path.join(dataDir, 'logs');
  await mkdir(logDir, { recursive: true });
  const { ports } = options;
  const local = (port: number) => `http://localhost:${port}`;
  const urls = {
    storefront: local(ports.storefront),
    strapi: local(ports.strapi),
    strapiAdmin: `${local(ports.strapi)}/admin`,
    medusa: local(ports.medusa),
    medusaAdmin: `${local(ports.medusa)}/app`,
    mailInbox: options.smtpUrl ? null : local(mailPorts(ports).web),
  };

  const running: ServiceProcess[] = [];
  let postgres: PostgresServer | undefined;
  const stopAll = async () => {
    // In parallel: on Ctrl-C turbo gives its tasks only a short grace period.
    await Promise.all(running.splice(0).map((service) => service.stop()));
    if (postgres) await withTimeout(postgres.stop(), 10_000).catch(() => undefined);
    postgres = undefined;
  };

  try {
    assertBuilt();
    const needed = [ports.strapi, ports.medusa, ports.storefront];
    if (!options.smtpUrl) needed.push(mailPorts(ports).smtp, mailPorts(ports).web);
    if (!options.medusaDatabaseUrl || !options.strapiDatabaseUrl) needed.push(ports.postgres);
    await assertPortsFree(needed);

    const secrets = await loadSecrets(path.join(dataDir, 'secrets.json'));

    let medusaDatabaseUrl = options.medusaDatabaseUrl;
    let strapiDatabaseUrl = options.strapiDatabaseUrl;
    if (!medusaDatabaseUrl || !strapiDatabaseUrl) {
      log(`postgres: starting embedded PostgreSQL on port ${ports.postgres}`);
      postgres = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: ports.postgres });
      await postgres.ensureDatabase('medusa');
      await postgres.ensureDatabase('strapi');
      medusaDatabaseUrl ??= postgres.url('medusa');
      strapiDatabaseUrl ??= postgres.url('strapi');
    }

    // ---- mail: every email commerce sends lands in a local inbox (maildev), unless SMTP_URL is given ----
    let smtpUrl = options.smtpUrl;
    if (!smtpUrl) {
      const mail = await startMailCatcher({
        smtpPort: mailPorts(ports).smtp,
        webPort: mailPorts(ports).web,
        // Loopback even with HOST=0.0.0.0: the inbox holds sign-in codes and reset links.
        host: '127.0.0.1',
        mailDir: path.join(dataDir, 'mail'),
        logDir,
        echo: options.echo,
      });
      running.push(mail.service);
      smtpUrl = mail.smtpUrl;
      log(`mail: catching email on ${smtpUrl}, inbox ${urls.mailInbox}`);
    }

    // ---- commerce (Medusa) ----
    const medusaDir = path.join(REPO_ROOT, 'commerce/.medusa/server');
    const medusaCli = path.join(REPO_ROOT, 'node_modules/@medusajs/cli/cli.js');
    const medusaEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: medusaDatabaseUrl,
      PORT: String(ports.medusa),
      HOST: host,
      JWT_SECRET: secrets.MEDUSA_JWT_SECRET,
      COOKIE_SECRET: secrets.MEDUSA_COOKIE_SECRET,
      STORE_CORS: urls.storefront,
      ADMIN_CORS: urls.medusa,
      AUTH_CORS: `${urls.storefront},${urls.medusa}`,
      MEDUSA_DISABLE_TELEMETRY: 'true',
      // The stack serves plain http://localhost; behind HTTPS leave Secure cookies on.
      MEDUSA_SECURE_COOKIES: process.env.MEDUSA_SECURE_COOKIES ?? 'false',
      MEDUSA_ADMIN_EMAIL: DEMO_LOGINS.medusa.email,
      MEDUSA_ADMIN_PASSWORD: DEMO_LOGINS.medusa.password,
      // The demo shop sells with the demo provider (it takes no money); a real shop sets a real
      // provider and leaves this off, and commerce then refuses the demo provider in production.
      ALLOW_DEMO_PAYMENTS: process.env.ALLOW_DEMO_PAYMENTS ?? 'true',
      SMTP_URL: smtpUrl,
      MAIL_FROM: process.env.MAIL_FROM ?? '社群好课 <no-reply@localhost>',
      // Links in emails (password reset, receipts) open the storefront.
      STOREFRONT_URL: process.env.STOREFRONT_URL ?? urls.storefront,
      // Lets the storefront forward each member's address for the sign-in rate limits.
      STOREFRONT_SHARED_SECRET: secrets.STOREFRONT_SHARED_SECRET,
    };
    const medusaRun = (name: string, args: string[]) =>
      runToCompletion({ name, command: process.execPath, args: [medusaCli, ...args], cwd: medusaDir, env: medusaEnv, logDir, echo: options.echo });

    const migrationsMark = path.join(dataDir, 'medusa-migrations.sha');
    const migrationsHash = await fingerprint(medusaDatabaseUrl, [path.join(medusaDir, 'src')], /migrations|links/);
    if ((await readFile(migrationsMark, 'utf8').catch(() => '')) !== migrationsHash) {
      log('medusa: running migrations (first start or migrations changed)');
      await medusaRun('medusa-migrate', ['db:migrate']);
      await writeFile(migrationsMark, migrationsHash);
    }
    const seedMark = path.join(dataDir, 'medusa-seed.sha');
    const seedHash = await fingerprint(medusaDatabaseUrl, [path.join(medusaDir, 'src/scripts')], /seed/);
    if ((await readFile(seedMark, 'utf8').catch(() => '')) !== seedHash) {
      log('medusa: seeding region, sales channel, keys and admin user');
      await medusaRun('medusa-seed', ['exec', './src/scripts/seed.js']);
      await writeFile(seedMark, seedHash);
    }

    const medusaSpec = {
      name: 'medusa',
      command: process.execPath,
      args: [medusaCli, 'start'],
      cwd: medusaDir,
      env: medusaEnv,
      logDir,
      echo: options.echo,
    };
    let medusa: ServiceProcess | undefined;
    const startMedusa = async () => {
      log(`medusa: starting on ${urls.medusa}`);
      medusa = await spawnService(medusaSpec);
      running.push(medusa);
      await waitForHttp(`${urls.medusa}/health`, medusa, 180_000);
    };
    await startMedusa();

    const medusaAdminToken = await medusaLogin(urls.medusa);
    const medusaPublishableKey = await findPublishableKey(urls.medusa, medusaAdminToken);
    const commerceApiKey = await ensureSecretKey(urls.medusa, medusaAdminToken, secrets, path.join(dataDir, 'secrets.json'));

    // ---- CMS (Strapi) ----
    const strapiDir = path.join(REPO_ROOT, 'cms');
    const strapiSpec = {
      name: 'strapi',
      command: process.execPath,
      args: [path.join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
      cwd: strapiDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: host,
        PORT: String(ports.strapi),
        DATABASE_URL: strapiDatabaseUrl,
        APP_KEYS: secrets.STRAPI_APP_KEYS,
        API_TOKEN_SALT: secrets.STRAPI_API_TOKEN_SALT,
        ADMIN_JWT_SECRET: secrets.STRAPI_ADMIN_JWT_SECRET,
        TRANSFER_TOKEN_SALT: secrets.STRAPI_TRANSFER_TOKEN_SALT,
        JWT_SECRET: secrets.STRAPI_JWT_SECRET,
        ENCRYPTION_KEY: secrets.STRAPI_ENCRYPTION_KEY,
        STRAPI_TELEMETRY_DISABLED: 'true',
        STRAPI_ADMIN_EMAIL: DEMO_LOGINS.strapi.email,
        STRAPI_ADMIN_PASSWORD: DEMO_LOGINS.strapi.password,
        SEED_DEMO: options.seedDemo ? 'true' : 'false',
        COMMERCE_URL: urls.medusa,
        COMMERCE_API_KEY: commerceApiKey,
        CATALOG_SYNC_INTERVAL_MS: String(options.catalogSyncIntervalMs ?? 5000),
      },
      logDir,
      echo: options.echo,
    };
    let strapi: ServiceProcess | undefined;
    const startStrapi = async () => {
      log(`strapi: starting on ${urls.strapi}`);
      strapi = await spawnService(strapiSpec);
      running.push(strapi);
      await waitForHttp(`${urls.strapi}/_health`, strapi, 180_000);
    };
    await startStrapi();
    const cmsApiToken = await ensureStorefrontCmsToken(urls.strapi);

    // ---- storefront (Astro) ----
    const storefrontSpec = {
      name: 'storefront',
      command: process.execPath,
      args: [path.join(REPO_ROOT, 'storefront/dist/server/entry.mjs')],
      cwd: path.join(REPO_ROOT, 'storefront'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: host,
        PORT: String(ports.storefront),
        CMS_URL: urls.strapi,
        MEDUSA_URL: urls.medusa,
        MEDUSA_PUBLISHABLE_KEY: medusaPublishableKey,
        CMS_API_TOKEN: cmsApiToken,
        STOREFRONT_SHARED_SECRET: secrets.STOREFRONT_SHARED_SECRET,
      },
      logDir,
      echo: options.echo,
    };
    let storefront: ServiceProcess | undefined;
    const startStorefront = async () => {
      log(`storefront: starting on ${urls.storefront}`);
      storefront = await spawnService(storefrontSpec);
      running.push(storefront);
      await waitForHttp(`${urls.storefront}/404`, storefront, 60_000);
    };
    await startStorefront();

    const control = (get: () => ServiceProcess | undefined, start: () => Promise<void>) => ({
      async stop() {
        const service = get();
        if (!service) return;
        await service.stop();
        running.splice(running.indexOf(service), 1);
      },
      start,
    });

    return {
      urls,
      logins: DEMO_LOGINS,
      medusaPublishableKey,
      services: {
        medusa: control(() => medusa, startMedusa),
        strapi: control(() => strapi, startStrapi),
        storefront: control(() => storefront, startStorefront),
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function assertBuilt(): void {
  const required: [string, string][] = [
    ['plugins/strapi-plugin-community/dist/server/index.js', 'the Strapi plugin (Strapi silently skips a plugin without dist/)'],
    ['cms/dist/config/plugins.js', 'the Strapi app'],
    ['commerce/.medusa/server/medusa-config.js', 'the Medusa app'],
    ['storefront/dist/server/entry.mjs', 'the storefront'],
  ];
  const missing = required.filter(([file]) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length) {
    throw new Error(`Not built: ${missing.map(([, what]) => what).join(', ')}. Run \`npm run build\` (npm start and npm test build first).`);
  }
}

async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (!free) throw new Error(`Port ${port} is in use. Stop what uses it, or choose other ports (see README: environment variables).`);
  }
}

/** Secrets are generated once per data directory, so sessions and tokens survive restarts. */
async function loadSecrets(file: string): Promise<Secrets> {
  const existing: Secrets = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
  const random = () => randomBytes(24).toString('base64url');
  const wanted: Secrets = {
    MEDUSA_JWT_SECRET: random(),
    MEDUSA_COOKIE_SECRET: random(),
    STRAPI_APP_KEYS: [random(), random()].join(','),
    STRAPI_API_TOKEN_SALT: random(),
    STRAPI_ADMIN_JWT_SECRET: random(),
    STRAPI_TRANSFER_TOKEN_SALT: random(),
    STRAPI_JWT_SECRET: random(),
    STRAPI_ENCRYPTION_KEY: random(),
    // x-storefront-key: commerce believes the storefront's x-client-ip only with it.
    STOREFRONT_SHARED_SECRET: random(),
  };
  const secrets = { ...wanted, ...existing };
  if (Object.keys(wanted).some((key) => !existing[key])) {
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

async function fingerprint(databaseUrl: string, dirs: string[], include: RegExp): Promise<string> {
  const hash = createHash('sha256').update(databaseUrl);
  for (const dir of dirs) {
    const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => include.test(f)).sort();
    for (const file of files) {
      hash.update(file);
      hash.update(await readFile(path.join(dir, file)).catch(() => Buffer.alloc(0)));
    }
  }
  const medusaVersion = JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules/@medusajs/medusa/package.json'), 'utf8')).version;
  return hash.update(medusaVersion).digest('hex');
}

/** JSON over HTTP with an optional bearer token (Medusa's and Strapi's admin APIs alike). */
async function adminJson<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers ?? {}),
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function medusaLogin(base: string): Promise<string> {
  const { token } = await adminJson<{ token: string }>(`${base}/auth/user/emailpass`, {
    method: 'POST',
    body: JSON.stringify(DEMO_LOGINS.medusa),
  });
  return token;
}

async function findPublishableKey(base: string, token: string): Promise<string> {
  const { api_keys } = await adminJson<{ api_keys: { token: string; revoked_at: string | null }[] }>(
    `${base}/admin/api-keys?type=publishable&title=Storefront`,
    { token }
  );
  const key = api_keys.find((k) => !k.revoked_at);
  if (!key) throw new Error('Medusa has no publishable key titled "Storefront": the seed did not run');
  return key.token;
}

/** The CMS delivers the catalog with a Medusa secret API key, created once and kept in secrets.json. */
async function ensureSecretKey(base: string, token: string, secrets: Secrets, file: string): Promise<string> {
  if (secrets.COMMERCE_API_KEY_ID && secrets.COMMERCE_API_KEY) {
    const found = await adminJson<{ api_key: { revoked_at: string | null } }>(
      `${base}/admin/api-keys/${secrets.COMMERCE_API_KEY_ID}`,
      { token }
    ).catch(() => undefined);
    if (found && !found.api_key.revoked_at) return secrets.COMMERCE_API_KEY;
  }
  const { api_key } = await adminJson<{ api_key: { id: string; token: string } }>(`${base}/admin/api-keys`, {
    method: 'POST',
    token,
    body: JSON.stringify({ title: 'CMS catalog sync', type: 'secret' }),
  });
  secrets.COMMERCE_API_KEY_ID = api_key.id;
  secrets.COMMERCE_API_KEY = api_key.token;
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return api_key.token;
}

const STOREFRONT_TOKEN_NAME = 'Storefront server';
/** The only permission the storefront's server token holds: reading a lesson's locked part. */
export const STOREFRONT_TOKEN_PERMISSIONS = ['plugin::community.lesson.content'];

/**
 * The storefront server reads locked lesson content with a Strapi API token that no browser
 * ever sees. Strapi keeps tokens encrypted and shows them to admins, so we read it back on
 * every start instead of storing it.
 */
async function ensureStorefrontCmsToken(base: string): Promise<string> {
  const { data: session } = await adminJson<{ data: { token: string } }>(`${base}/admin/login`, {
    method: 'POST',
    body: JSON.stringify(DEMO_LOGINS.strapi),
  });
  const token = session.token;
  const { data: tokens } = await adminJson<{ data: { id: number; name: string }[] }>(`${base}/admin/api-tokens`, { token });
  const existing = tokens.find((t) => t.name === STOREFRONT_TOKEN_NAME);
  if (existing) {
    const { data } = await adminJson<{ data: { accessKey?: string } }>(`${base}/admin/api-tokens/${existing.id}`, { token });
    if (data.accessKey) return data.accessKey;
    await adminJson(`${base}/admin/api-tokens/${existing.id}`, { method: 'DELETE', token });
  }
  const { data } = await adminJson<{ data: { accessKey: string } }>(`${base}/admin/api-tokens`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      name: STOREFRONT_TOKEN_NAME,
      description: 'Used by the storefront server to read locked lesson content after checking entitlement',
      type: 'custom',
      lifespan: null,
      permissions: STOREFRONT_TOKEN_PERMISSIONS,
    }),
  });
  return data.accessKey;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
