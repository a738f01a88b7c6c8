import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
    async syncState(documentId: string): Promise<{ state: string; reason: string | null; last_error: string | null; attempts: number } | null> {
      const { data } = await json(`${baseUrl}/community/sync-states/plugin::community.course/${documentId}`, { headers: await auth() });
      return data;
    },
  };
}

/** The operator's path: Medusa's admin API. */
export function medusaOperator(baseUrl: string, login: { email: string; password: string }) {
  let token: string | undefined;
  const get = async <T = any>(pathAndQuery: string): Promise<T> => {
    token ??= (await json<{ token: string }>(`${baseUrl}/auth/user/emailpass`, { method: 'POST', body: JSON.stringify(login) })).token;
    return json<T>(`${baseUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
  };
  return {
    get,
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
