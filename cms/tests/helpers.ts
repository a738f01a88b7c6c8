import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '@strapi/strapi';

export const COURSE = 'plugin::community.course';
export const LESSON = 'plugin::community.lesson';
export const BUNDLE = 'plugin::community.lesson-bundle';
export const INSTRUCTOR = 'plugin::community.instructor';
export const TAG = 'plugin::community.interest-tag';
export const SYNC_STATE = 'plugin::community.catalog-sync-state';
export const LESSON_CONTENT_ACTION = 'plugin::community.lesson.content';

/** The environment every test file boots the CMS with: commerce is genuinely unreachable (nothing listens on port 9). */
export const TEST_ENV = {
  PORT: '0',
  COMMERCE_URL: 'http://127.0.0.1:9',
  COMMERCE_API_KEY: 'sk_unreachable',
  CATALOG_SYNC_INTERVAL_MS: '200',
  CATALOG_SYNC_MAX_BACKOFF_MS: '400',
};

export async function graphql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Creates a content-API token the way the admin's "API Tokens" page does; returns its secret. */
export async function createApiToken(
  strapi: Core.Strapi,
  name: string,
  type: 'read-only' | 'full-access' | 'custom',
  permissions: string[] = []
): Promise<string> {
  const token = await strapi.service('admin::api-token-content-api').create({
    kind: 'content-api',
    name,
    description: 'cms test',
    type,
    lifespan: null,
    ...(type === 'custom' ? { permissions } : {}),
  });
  return token.accessKey as string;
}

/** Uploads a file through the media library service, as the admin's upload does. */
export async function uploadFile(strapi: Core.Strapi, name: string, mimetype: string, content: Buffer) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cms-upload-'));
  const filepath = path.join(dir, name);
  await writeFile(filepath, content);
  try {
    const [file] = await strapi.plugin('upload').service('upload').upload({
      data: {},
      files: { filepath, originalFilename: name, mimetype, size: content.length },
    });
    return file as { id: number; url: string; name: string; mime: string; formats?: Record<string, { url: string }> | null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Logs an admin (super admin) in over the admin API; returns a Bearer JWT. */
export async function adminToken(strapi: Core.Strapi, baseUrl: string): Promise<string> {
  const email = `editor-${Date.now()}@example.com`;
  const password = 'Editor1234!';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Test',
    lastname: 'Editor',
    registrationToken: null,
    isActive: true,
    roles: [superAdmin.id],
  });
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { data?: { token?: string; accessToken?: string } };
  const token = body.data?.token ?? body.data?.accessToken;
  if (!token) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(body)}`);
  return token;
}

/** A 320×320 RGB PNG (big enough for Strapi to make a thumbnail format), built by hand. */
export function pngImage(): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const size = 320;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = x % 256;
      raw[o + 1] = y % 256;
      raw[o + 2] = (x * y) % 256;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Blocks rich text with one paragraph. */
export const blocks = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * Runs `send` (which must put the probe it is given in an `x-probe` request header) and returns
 * how long it took, wall clock and CPU time of this process (which runs the client and Strapi),
 * and the SQL statements Strapi ran for that request. Background jobs (outbox, scheduler) query
 * too: only statements run inside the probed request count.
 */
export async function measured<T>(strapi: Core.Strapi, send: (probe: string) => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number; sql: string[] }> {
  const probe = `probe-${Math.random().toString(36).slice(2)}`;
  const sql: string[] = [];
  const onQuery = (query: { sql: string }) => {
    if (strapi.requestContext.get()?.get('x-probe') === probe) sql.push(query.sql);
  };
  strapi.db.connection.on('query', onQuery);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await send(probe);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { result, ms, cpuMs: (used.user + used.system) / 1000, sql };
  } finally {
    strapi.db.connection.off('query', onQuery);
  }
}
