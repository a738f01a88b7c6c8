/**
 * `npm run reconcile`: asks the running CMS (from `npm start`) to compare every course and
 * lesson bundle with commerce, queue what drifted, and print the report.
 * Exit 0 = in step, 1 = drift found (queued, delivered shortly), 2 = commerce not reachable.
 * Without a running stack, `npm run reconcile -w @community/cms` does the same from a shell
 * with the CMS's environment.
 */
import { DEFAULT_PORTS, DEMO_LOGINS } from './stack';

const base = process.env.STRAPI_URL ?? `http://localhost:${DEFAULT_PORTS.strapi}`;

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

try {
  const { data: session } = await post<{ data: { token: string } }>('/admin/login', DEMO_LOGINS.strapi);
  const { data: report } = await post<{ data: { drift: { problem: string }[]; commerce: { reachable: boolean } } }>(
    '/community/reconcile',
    {},
    session.token
  );
  console.log(JSON.stringify(report, null, 2));
  process.exit(!report.commerce.reachable ? 2 : report.drift.length ? 1 : 0);
} catch (error) {
  console.error(`reconcile: ${error instanceof Error ? error.message : error} (is \`npm start\` running at ${base}?)`);
  process.exit(2);
}
