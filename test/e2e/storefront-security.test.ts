import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { membershipProductHandle } from '@community/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService, waitForHttp, type ServiceProcess } from '../src/service-process';
import { REPO_ROOT } from '../src/stack';
import { freshDataDir, launchChromium, newContext } from './helpers';

// The storefront's security hardening, against the BUILT server (node dist/server/entry.mjs)
// and in Chromium. Only the storefront runs: no Postgres, Strapi or Medusa. A few lines of
// fake commerce answer what a signed-in page needs (who is signed in, the membership plans),
// the CMS is a URL that answers 404, so catalog pages render the 503 page.
//
// Two storefronts: one as exposed directly (X-Forwarded-Proto is not to be believed), one
// behind a TLS-terminating proxy (TRUST_PROXY=true).
const PORTS = { direct: 4391, proxied: 4392 };
const direct = `http://127.0.0.1:${PORTS.direct}`;
const proxied = `http://127.0.0.1:${PORTS.proxied}`;
const ENTRY = path.join(REPO_ROOT, 'storefront/dist/server/entry.mjs');

const SIGNED_IN_EMAIL = 'member@example.com';
const PASSWORD = 'correct-horse';

/** A token of the shape Medusa issues (the storefront reads iat/exp/actor_id; the fake checks it). */
function customerToken(): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ actor_id: 'cus_test', iat: now, exp: now + 3600 })}.signature`;
}
const TOKEN = customerToken();

const MONTH_PLAN = { id: 'plan_month', handle: 'month', title: '月度会员', interval: 'month', duration_days: 30, is_active: true };

/** The handful of Medusa store routes the pages under test call. */
function fakeCommerce(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://commerce.test');
  const signedIn = request.headers.authorization === `Bearer ${TOKEN}`;
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  let raw = '';
  request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  request.on('end', () => {
    const route = `${request.method} ${url.pathname}`;
    if (route === 'POST /auth/customer/emailpass') {
      const { password } = JSON.parse(raw || '{}') as { password?: string };
      return password === PASSWORD ? send(200, { token: TOKEN }) : send(401, { message: 'Invalid email or password' });
    }
    if (route === 'GET /store/customers/me') {
      return signedIn ? send(200, { customer: { id: 'cus_test', email: SIGNED_IN_EMAIL } }) : send(401, { message: 'Unauthorized' });
    }
    if (route === 'GET /store/customers/me/membership') return send(200, { membership: null });
    if (route === 'GET /store/membership-plans') return send(200, { membership_plans: [MONTH_PLAN] });
    if (route === 'GET /store/regions') return send(200, { regions: [{ id: 'reg_cny', currency_code: 'cny' }] });
    if (route === 'GET /store/products' && decodeURIComponent(url.search).includes(membershipProductHandle('month'))) {
      return send(200, {
        products: [
          {
            id: 'prod_month',
            handle: membershipProductHandle('month'),
            variants: [{ id: 'variant_month', calculated_price: { calculated_amount: 39, currency_code: 'cny' } }],
          },
        ],
      });
    }
    send(404, { message: `fake commerce has no ${route}` });
  });
}

let commerce: Server;
let commerceUrl: string;
let logDir: string;
const storefronts: ServiceProcess[] = [];
let browser: Browser;

async function startStorefront(port: number, trustProxy: boolean): Promise<void> {
  const service = await spawnService({
    name: `storefront-${port}`,
    command: process.execPath,
    args: [ENTRY],
    cwd: path.join(REPO_ROOT, 'storefront'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: `${commerceUrl}/no-cms`,
      CMS_API_TOKEN: '',
      MEDUSA_URL: commerceUrl,
      MEDUSA_PUBLISHABLE_KEY: 'pk_test',
      UPSTREAM_TIMEOUT_MS: '3000',
      TRUST_PROXY: String(trustProxy),
    },
    logDir,
  });
  storefronts.push(service);
  await waitForHttp(`http://127.0.0.1:${port}/404`, service, 60_000);
}

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: npm run build -w @community/storefront`);
  logDir = await freshDataDir('storefront-security-');
  commerce = createServer(fakeCommerce);
  await new Promise<void>((resolve) => commerce.listen(0, '127.0.0.1', resolve));
  commerceUrl = `http://127.0.0.1:${(commerce.address() as AddressInfo).port}`;
  await Promise.all([startStorefront(PORTS.direct, false), startStorefront(PORTS.proxied, true)]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(storefronts.map((service) => service.stop()));
  await new Promise((resolve) => commerce?.close(resolve));
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

/** A CSP header as directive → sources, in the order sent. */
function parsePolicy(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The contents of a page's inline <script> and <style> elements. */
function inlineBlocks(html: string) {
  const grab = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);
  return {
    scripts: grab(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g),
    styles: grab(/<style\b[^>]*>([\s\S]*?)<\/style>/g),
  };
}

/** Asserts a page's CSP is hash-only and lists every inline script and stylesheet of the page. */
function expectHashOnlyPolicy(header: string | null, html: string): void {
  const policy = parsePolicy(header);
  expect([...policy.keys()]).toEqual([
    'default-src',
    'img-src',
    'object-src',
    'base-uri',
    'form-action',
    'frame-ancestors',
    'script-src',
    'style-src',
    'style-src-attr',
  ]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(['*']);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  for (const directive of ['script-src', 'style-src']) {
    const [self, ...hashes] = policy.get(directive)!;
    expect(self).toBe("'self'");
    expect(hashes.length).toBeGreaterThan(0);
    for (const source of hashes) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/);
  }
  const { scripts, styles } = inlineBlocks(html);
  expect(scripts.length + styles.length).toBeGreaterThan(0);
  for (const script of scripts) expect(policy.get('script-src')).toContain(sha256(script));
  for (const style of styles) expect(policy.get('style-src')).toContain(sha256(style));
}

function expectCommonHeaders(response: Response): void {
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('security headers (built storefront)', () => {
  it('a page sends a hash-only CSP that covers its inline scripts and styles, and the other headers', async () => {
    const response = await fetch(`${direct}/account/login`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The sign-in form's progressive enhancement is an inline module script.
    expect(inlineBlocks(html).scripts.some((script) => script.includes('data-auth-form'))).toBe(true);
    expectHashOnlyPolicy(response.headers.get('content-security-policy'), html);
    const scriptSrc = parsePolicy(response.headers.get('content-security-policy')).get('script-src');
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expectCommonHeaders(response);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('the 503 page (CMS down) sends them too', async () => {
    const response = await fetch(`${direct}/`);
    expect(response.status).toBe(503);
    expectHashOnlyPolicy(response.headers.get('content-security-policy'), await response.text());
    expectCommonHeaders(response);
  });

  it('responses that are not pages still refuse framing', async () => {
    const response = await fetch(`${direct}/account/logout`, {
      method: 'POST',
      headers: { origin: direct, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expectCommonHeaders(response);
  });

  it('HSTS only when the browser came over HTTPS, and X-Forwarded-Proto counts only with TRUST_PROXY', async () => {
    const hsts = async (base: string, headers: Record<string, string> = {}) =>
      (await fetch(`${base}/account/login`, { headers })).headers.get('strict-transport-security');
    expect(await hsts(proxied, { 'x-forwarded-proto': 'https' })).toBe('max-age=31536000');
    expect(await hsts(proxied, { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts(proxied)).toBeNull();
    // Exposed directly, anyone could send the header.
    expect(await hsts(direct, { 'x-forwarded-proto': 'https' })).toBeNull();
  });
});

/** Signs in through the login form's action; the response to the form post. */
function postLogin(base: string, options: { https: boolean; next: string }): Promise<Response> {
  // Astro's origin check compares Origin with the URL it built (X-Forwarded-Proto included).
  const origin = options.https ? base.replace('http:', 'https:') : base;
  return fetch(`${base}/account/login?_action=signIn`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.https ? { 'x-forwarded-proto': 'https' } : {}),
    },
    body: new URLSearchParams({ email: SIGNED_IN_EMAIL, password: PASSWORD, next: options.next }).toString(),
    redirect: 'manual',
  });
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('cc_customer='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return cookie;
}

describe('session cookie', () => {
  it('is Secure behind a trusted proxy that says https', async () => {
    const response = await postLogin(proxied, { https: true, next: '/membership' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/membership');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const cookie = sessionCookie(response);
    expect(cookie).toContain(`cc_customer=${TOKEN}`);
    const attributes = cookie.split(/;\s*/).slice(1);
    // Max-Age: what is left of the token's hour.
    expect(attributes.filter((attribute) => !attribute.startsWith('Max-Age=')).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Lax', 'Secure']);
    expect(attributes.filter((attribute) => attribute.startsWith('Max-Age='))).toHaveLength(1);
  });

  it('is not Secure over plain HTTP, nor when an untrusted client claims https', async () => {
    for (const response of [
      await postLogin(proxied, { https: false, next: '/membership' }),
      await postLogin(direct, { https: false, next: '/membership' }),
      await postLogin(direct, { https: true, next: '/membership' }),
    ]) {
      expect(response.status).toBe(303);
      const attributes = sessionCookie(response).split(/;\s*/).slice(1);
      expect(attributes).toContain('HttpOnly');
      expect(attributes).not.toContain('Secure');
    }
  });
});

describe('?next= redirects (signed in)', () => {
  const signedIn = { cookie: `cc_customer=${TOKEN}` };
  const location = async (pathAndQuery: string) => {
    const response = await fetch(`${direct}${pathAndQuery}`, { headers: signedIn, redirect: 'manual' });
    expect(response.status).toBe(303);
    return response.headers.get('location');
  };

  it.each([
    // As a browser sends it: searchParams decodes %2e, the URL parser then resolves "/..//".
    '/%2e%2e//evil.example',
    // Double-encoded: the dot segments survive decoding and are resolved by the parser.
    '/%252e%252e//evil.example',
    '/a/..//evil.example',
    '/.//evil.example',
  ])('the sign-in and register pages never send a signed-in member off-site with next=%s', async (next) => {
    expect(await location(`/account/login?next=${next}`)).toBe('/account');
    expect(await location(`/account/register?next=${next}`)).toBe('/account');
    expect(await location(`/en/account/login?next=${next}`)).toBe('/en/account');
  });

  it('still go on to a path of the site', async () => {
    expect(await location('/account/login?next=%2Fmembership%3Fa%3D1')).toBe('/membership?a=1');
  });

  it('the sign-in action checks next= the same way', async () => {
    const response = await postLogin(direct, { https: false, next: '/%2e%2e//evil.example' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/account');
  });
});

describe('action bodies', () => {
  const post = (pathAndQuery: string, contentType: string, body: string) =>
    fetch(`${direct}${pathAndQuery}`, { method: 'POST', headers: { 'content-type': contentType, origin: direct }, body });

  it.each(['/_actions/signIn', '/account/login?_action=signIn'])('malformed JSON to %s is a 400 with a JSON error', async (target) => {
    const response = await post(target, 'application/json', '{bad');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ type: 'AstroActionError', code: 'BAD_REQUEST', status: 400, message: 'Malformed JSON body' });
    expectCommonHeaders(response);
  });

  it('a content type no action reads is a 415', async () => {
    const response = await post('/_actions/signIn', 'text/xml', '<login/>');
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      type: 'AstroActionError',
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
      message: 'Send a form or JSON',
    });
  });

  it('a body over 64 KiB is a 413', async () => {
    const response = await post('/_actions/signIn', 'application/json', JSON.stringify({ email: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      type: 'AstroActionError',
      code: 'CONTENT_TOO_LARGE',
      status: 413,
      message: 'Request body exceeds 65536 bytes',
    });
  });

  it("well-formed JSON reaches Astro, which answers for our form-only actions", async () => {
    const response = await post('/_actions/signIn', 'application/json', '{"email":"a@example.com"}');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ type: 'AstroActionError', code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

/** Opens a page and collects every CSP violation it reports (events and console errors). */
async function openRecordingViolations(page: Page, url: string) {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const violations: { directive: string; sample: string }[] = [];
    Object.assign(window, { __cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({ directive: event.effectiveDirective, sample: event.sample });
    });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return {
    status: response?.status(),
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: { directive: string; sample: string }[] }).__cspViolations),
  };
}

/** Submits a form without leaving the page, so what the page's own script did can be read. */
async function submitAndStay(page: Page, formSelector: string, buttonSelector: string) {
  await page.evaluate((selector) => {
    document.querySelector(selector)!.addEventListener('submit', (event) => event.preventDefault());
  }, formSelector);
  await page.click(buttonSelector);
  return page.evaluate(
    ([form, button]) => ({
      submitting: document.querySelector<HTMLFormElement>(form!)!.dataset.submitting ?? null,
      busy: document.querySelector(button!)!.getAttribute('aria-busy'),
    }),
    [formSelector, buttonSelector],
  );
}

describe('CSP in Chromium', () => {
  it('the sign-in page loads without violations and its inline script runs', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const opened = await openRecordingViolations(page, `${direct}/account/login`);
    expect(opened.status).toBe(200);
    expect(await opened.violations()).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);

    await page.fill('[data-testid="login-email"]', SIGNED_IN_EMAIL);
    await page.fill('[data-testid="login-password"]', PASSWORD);
    // auth-form.astro's script marks the form and the button busy: it ran under the policy.
    expect(await submitAndStay(page, 'form[data-auth-form]', '[data-testid="login-submit"]')).toEqual({ submitting: 'true', busy: 'true' });
    expect(await opened.violations()).toEqual([]);
    await context.close();
  });

  it('the policy is enforced: injected scripts and <style> are blocked, style attributes allowed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const opened = await openRecordingViolations(page, `${direct}/account/login`);
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { --injected-style: 1; }';
      document.head.append(style);
      // Course cards set their hue like this (style-src-attr 'unsafe-inline').
      document.body.setAttribute('style', '--hue: 120');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const computed = getComputedStyle(document.body);
      return {
        injected: (window as unknown as { __injected?: boolean }).__injected ?? false,
        injectedStyle: computed.getPropertyValue('--injected-style').trim(),
        hue: computed.getPropertyValue('--hue').trim(),
      };
    });
    expect(outcome).toEqual({ injected: false, injectedStyle: '', hue: '120' });
    expect((await opened.violations()).map((violation) => violation.directive).sort()).toEqual(['script-src-elem', 'style-src-elem']);
    await context.close();
  });

  it('the 503 page loads without violations', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const opened = await openRecordingViolations(page, `${direct}/`);
    expect(opened.status).toBe(503);
    expect(await opened.violations()).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    await context.close();
  });

  it('the confirm step (the purchase form with the submit guard) loads without violations and the guard runs', async () => {
    const context = await newContext(browser);
    await context.addCookies([{ name: 'cc_customer', value: TOKEN, url: direct, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const opened = await openRecordingViolations(page, `${direct}/checkout?product=${membershipProductHandle('month')}`);
    expect(opened.status).toBe(200);
    await page.waitForSelector('form.confirm[data-submit-guard]');
    expect(await opened.violations()).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    // submit-guard.astro's script marks the form submitting and the pressed button busy.
    expect(
      await submitAndStay(page, 'form.confirm[data-submit-guard]', 'form.confirm[data-submit-guard] button[type="submit"]'),
    ).toEqual({ submitting: 'true', busy: 'true' });
    expect(await opened.violations()).toEqual([]);
    await context.close();
  });
});
