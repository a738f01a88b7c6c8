import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The confirm step, as a buyer sees it: the summary's total is what the button says and what
 * is charged. Checks the total shown, confirms, and waits for the receipt.
 */
export async function confirmCheckout(page: Page, expectedTotal: string): Promise<void> {
  await page.waitForURL(/\/checkout\?/);
  expect((await page.textContent('[data-testid="summary-total"]'))?.trim()).toBe(expectedTotal);
  expect(await page.textContent('[data-testid="summary-payment"]')).toContain('演示支付（不扣款）');
  expect(await page.textContent('[data-testid="confirm-button"]')).toContain(expectedTotal);
  await page.click('[data-testid="confirm-button"]');
  await page.waitForSelector('[data-testid="order-display-id"]', { timeout: 60_000 });
}

/** A fresh data directory the embedded Postgres (its own OS user when we are root) can enter. */
export async function freshDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** Debian's chromium; a missing browser fails the run, it never skips it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No browser at ${executablePath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context whose actions may wait for a whole checkout (cart, payment, order) on a
 * loaded 2-core machine: Playwright's 30 s default is too tight there.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return context;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function json<T = any>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${body.slice(0, 500)}`);
  return JSON.parse(body) as T;
}

/** The editor's path: Strapi's admin API, as the admin panel's buttons call it. */
export function strapiEditor(baseUrl: string, login: { email: string; password: string }) {
  let token: string | undefined;
  const auth = async () => {
    token ??= (await json<{ data: { token: string } }>(`${baseUrl}/admin/login`, { method: 'POST', body: JSON.stringify(login) })).data.token;
    return { authorization: `Bearer ${token}` };
  };
  const cm = `${baseUrl}/content-manager/collection-types`;
  return {
    async createCourse(data: Record<string, unknown>): Promise<{ documentId: string; slug: string }> {
      const { data: course } = await json(`${cm}/plugin::community.course`, { method: 'POST', headers: await auth(), body: JSON.stringify(data) });
      return course;
    },
    async createLesson(data: Record<string, unknown>): Promise<{ documentId: string }> {
      const { data: lesson } = await json(`${cm}/plugin::community.lesson`, { method: 'POST', headers: await auth(), body: JSON.stringify(data) });
      await json(`${cm}/plugin::community.lesson/${lesson.documentId}/actions/publish`, { method: 'POST', headers: await auth(), body: '{}' });
      return lesson;
    },
    async publishCourse(documentId: string): Promise<void> {
      await json(`${cm}/plugin::community.course/${documentId}/actions/publish`, { method: 'POST', headers: await auth(), body: '{}' });
    },
    async unpublishCourse(documentId: string): Promise<void> {
      await json(`${cm}/plugin::community.course/${documentId}/actions/unpublish`, { method: 'POST', headers: await auth(), body: '{}' });
    },
    /** Uploads a file through the media library and makes it the (published) lesson's media. */
    async attachLessonMedia(documentId: string, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      const uploaded = await fetch(`${baseUrl}/upload`, { method: 'POST', headers: await auth(), body: form });
      if (!uploaded.ok) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
      const [stored] = (await uploaded.json()) as { id: number }[];
      await json(`${cm}/plugin::community.lesson/${documentId}`, { method: 'PUT', headers: await auth(), body: JSON.stringify({ media: stored.id }) });
      await json(`${cm}/plugin::community.lesson/${documentId}/actions/publish`, { method: 'POST', headers: await auth(), body: '{}' });
    },
    /** The plain text of a lesson's paid body, as editors see it (to look for leaks elsewhere). */
    async lessonBodyText(documentId: string): Promise<string> {
      const { data } = await json(`${cm}/plugin::community.lesson/${documentId}`, { headers: await auth() });
      const texts: string[] = [];
      const walk = (node: any) => {
        if (node && typeof node.text === 'string') texts.push(node.text);
        for (const child of node?.children ?? []) walk(child);
      };
      for (const block of data.body ?? []) walk(block);
      return texts.join(' ');
    },
    async syncState(documentId: string): Promise<{ state: string; reason: string | null; last_error: string | null; attempts: number } | null> {
      const { data } = await json(`${baseUrl}/community/sync-states/plugin::community.course/${documentId}`, { headers: await auth() });
      return data;
    },
  };
}

/** The operator's path: Medusa's admin API. */
export function medusaOperator(baseUrl: string, login: { email: string; password: string }) {
  let token: string | undefined;
  const call = async <T = any>(pathAndQuery: string, init: RequestInit = {}): Promise<T> => {
    token ??= (await json<{ token: string }>(`${baseUrl}/auth/user/emailpass`, { method: 'POST', body: JSON.stringify(login) })).token;
    return json<T>(`${baseUrl}${pathAndQuery}`, { ...init, headers: { authorization: `Bearer ${token}` } });
  };
  const get = <T = any>(pathAndQuery: string) => call<T>(pathAndQuery);
  return {
    get,
    post: <T = any>(pathAndQuery: string, body: unknown = {}) => call<T>(pathAndQuery, { method: 'POST', body: JSON.stringify(body) }),
    /** Refunds an order paid with the system provider the way an operator does: capture, then refund in full. */
    async refundOrder(orderId: string): Promise<void> {
      const { order } = await get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`);
      for (const collection of order.payment_collections ?? []) {
        for (const payment of collection.payments ?? []) {
          // Digital orders are captured when placed: the refund takes the captured money back.
          await call(`/admin/payments/${payment.id}/refund`, { method: 'POST', body: '{}' });
        }
      }
    },
    async productsByHandle(handle: string): Promise<{ id: string; status: string; variants: { prices: { amount: number; currency_code: string }[] }[] }[]> {
      const { products } = await get(`/admin/products?handle=${encodeURIComponent(handle)}&fields=id,status,*variants,*variants.prices`);
      return products;
    },
    async orderCount(): Promise<number> {
      const { count } = await get('/admin/orders?limit=1&fields=id');
      return count;
    },
  };
}
