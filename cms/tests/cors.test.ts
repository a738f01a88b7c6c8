import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi } from './boot-strapi';
import { TEST_ENV } from './helpers';
import { corsOrigins } from '../src/validation/cors-origins';

let app: Awaited<ReturnType<typeof bootStrapi>>;

const SHOP = 'https://shop.example.com';
const FOREIGN = 'https://evil.example';

beforeAll(async () => {
  app = await bootStrapi({ ...TEST_ENV, CMS_CORS_ORIGINS: `${SHOP}, http://localhost:4321` });
});

afterAll(async () => {
  delete process.env.CMS_CORS_ORIGINS;
  await app?.stop();
});

const request = (path: string, origin: string, init: RequestInit = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', ...init, headers: { origin, 'content-type': 'application/json', ...init.headers } });

describe('Strapi CORS', () => {
  it('does not echo a foreign Origin on /admin/access-token, nor on the preflight', async () => {
    const response = await request('/admin/access-token', FOREIGN, { body: '{}' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = await request('/admin/access-token', FOREIGN, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a configured origin, with credentials', async () => {
    for (const origin of [SHOP, 'http://localhost:4321']) {
      const response = await request('/admin/access-token', origin, { body: '{}' });
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials'), origin).toBe('true');
    }
    const preflight = await request('/admin/access-token', SHOP, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('applies the same list to GraphQL and REST (GraphQL no longer echoes every origin itself)', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    expect((await request('/graphql', FOREIGN, { body })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await request('/graphql', SHOP, { body })).headers.get('access-control-allow-origin')).toBe(SHOP);
    const rest = await fetch(`${app.url}/api/community/courses`, { headers: { origin: FOREIGN } });
    expect(rest.status).toBe(200);
    expect(rest.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CMS_CORS_ORIGINS', () => {
  it('defaults to the admin’s own URL and the storefront', () => {
    expect(corsOrigins(undefined, 'http://localhost:1337')).toEqual(['http://localhost:1337', 'http://localhost:4321']);
    expect(corsOrigins('  ', 'https://cms.example.com/strapi/')).toEqual(['https://cms.example.com', 'http://localhost:4321']);
  });

  it('reads a comma-separated list of origins', () => {
    expect(corsOrigins('https://shop.example.com, https://admin.example.com/,http://localhost:4321', 'x')).toEqual([
      'https://shop.example.com',
      'https://admin.example.com',
      'http://localhost:4321',
    ]);
  });

  it('refuses wildcards and URLs that are not origins', () => {
    expect(() => corsOrigins('*', 'http://localhost:1337')).toThrow('CMS_CORS_ORIGINS: "*" is a wildcard; list each origin');
    expect(() => corsOrigins('https://*.example.com', 'http://localhost:1337')).toThrow(/wildcard/);
    expect(() => corsOrigins('https://shop.example.com/path', 'http://localhost:1337')).toThrow(/no path/);
    expect(() => corsOrigins('shop.example.com', 'http://localhost:1337')).toThrow(/not an origin/);
  });
});
