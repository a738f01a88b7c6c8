import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi } from './boot-strapi';
import { TEST_ENV } from './helpers';

let app: Awaited<ReturnType<typeof bootStrapi>>;
let strapi: Core.Strapi;
let port: number;

const MAX = 20;
let n = 0;
const email = () => `sprayed-${(n += 1)}@example.com`;

/**
 * POSTs JSON from a chosen loopback source address: Strapi trusts no proxy header, so the
 * client address is the socket's, and 127.0.0.2 is a second client on the same machine.
 */
function post(path: string, body: unknown, localAddress = '127.0.0.1') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; json: any }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, json: text ? JSON.parse(text) : null }));
      }
    );
    request.on('error', reject);
    request.end(payload);
  });
}

beforeAll(async () => {
  app = await bootStrapi(TEST_ENV);
  strapi = app.strapi;
  port = Number(new URL(app.url).port);
});

beforeEach(() => {
  // Every test starts with no attempts counted (`?.`: without the limiter the tests fail on their 429s instead).
  strapi.plugin('community').service('loginAttempts')?.clear();
});

afterAll(async () => {
  await app?.stop();
});

describe('login rate limit per client address', () => {
  it(`answers the ${MAX + 1}st admin login from one address with 429 and Retry-After, whatever the emails`, async () => {
    for (let attempt = 1; attempt <= MAX; attempt += 1) {
      const { status } = await post('/admin/login', { email: email(), password: 'wrong-password' });
      expect(status, `attempt ${attempt}`).toBe(400); // invalid credentials, not limited
    }
    const limited = await post('/admin/login', { email: email(), password: 'wrong-password' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(limited.json).toEqual({
      data: null,
      error: {
        status: 429,
        name: 'RateLimitError',
        message: `Too many login attempts from this address: at most ${MAX} in 15 minutes. Try again in ${retryAfter} seconds.`,
        details: { retryAfterSeconds: retryAfter, max: MAX, windowMinutes: 15 },
      },
    });
    // The same path spelled differently counts as the same route.
    expect((await post('/ADMIN/login/', { email: email(), password: 'x' })).status).toBe(429);

    // Another address is unaffected.
    expect((await post('/admin/login', { email: email(), password: 'wrong-password' }, '127.0.0.2')).status).toBe(400);
  });

  it('limits the users-permissions login (/api/auth/local) the same way, on its own count', async () => {
    // users-permissions has its own per-address limit there (10 a minute); switched off (it is read
    // per request) so this test sees only ours, which also holds over 15 minutes.
    const own = strapi.config.get('plugin::users-permissions.ratelimit');
    strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
    onTestFinished(() => {
      strapi.config.set('plugin::users-permissions.ratelimit', own);
    });
    for (let attempt = 1; attempt <= MAX; attempt += 1) {
      const { status } = await post('/api/auth/local', { identifier: email(), password: 'wrong-password' });
      expect(status, `attempt ${attempt}`).toBe(400);
    }
    const limited = await post('/api/auth/local', { identifier: email(), password: 'wrong-password' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json.error.message).toMatch(/^Too many login attempts from this address: at most 20 in 15 minutes\./);
    // The admin login of the same address has its own count.
    expect((await post('/admin/login', { email: email(), password: 'wrong-password' })).status).toBe(400);
  });

  it('lets a real admin in while under the limit', async () => {
    const user = { email: `limit-admin-${Date.now()}@example.com`, password: 'Editor1234!' };
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({ ...user, firstname: 'L', lastname: 'A', registrationToken: null, isActive: true, roles: [superAdmin.id] });
    const { status, json } = await post('/admin/login', user);
    expect(status).toBe(200);
    expect(json.data.token ?? json.data.accessToken).toBeTruthy();
  });
});
