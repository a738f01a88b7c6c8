/**
 * Benchmark: storefront course page.
 * Prints SSR latency (p50/p95 over 200 requests) against a static HTML file of the same size
 * served by a bare Node server in the same run, and how many CMS requests one course page
 * makes for a 3-lesson and a 60-lesson course (it must not grow with the lesson count).
 * Run: npm run bench (builds first), or `npx tsx bench/course-page.ts` in test/.
 */
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startStack, type StackPorts } from '../src/stack';
import { freshDataDir, strapiEditor, waitFor } from '../e2e/helpers';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ports: StackPorts = { postgres: 54380, strapi: 1380, medusa: 9080, storefront: 4380 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeRequests(url: string, count: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i += 1) await (await fetch(url)).arrayBuffer(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function countCmsRequests(logFile: string, pageUrl: string): Promise<number> {
  const count = async () => ((await readFile(logFile, 'utf8')).match(/(GET|POST) \/(graphql|api\/)/g) ?? []).length;
  const before = await count();
  await (await fetch(pageUrl)).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 300)); // let Strapi's log line land
  return (await count()) - before;
}

const dataDir = await freshDataDir('bench-course-page-');
const stack = await startStack({ dataDir, ports, seedDemo: true, log: () => undefined });
try {
  const editor = strapiEditor(stack.urls.strapi, stack.logins.strapi);
  const makeCourse = async (slug: string, lessons: number) => {
    const ids = [];
    for (let i = 1; i <= lessons; i += 1) ids.push((await editor.createLesson({ title: `第 ${i} 讲`, position: i, free_preview: i <= 2 })).documentId);
    const course = await editor.createCourse({ title: `Bench ${lessons}`, slug, price_fen: 19900, lessons: ids });
    await editor.publishCourse(course.documentId);
    await waitFor(`${slug} synced`, async () => (await editor.syncState(course.documentId))?.state === 'synced');
  };
  await makeCourse('bench-3', 3);
  await makeCourse('bench-60', 60);

  const logFile = path.join(dataDir, 'logs', 'strapi.log');
  const queries3 = await countCmsRequests(logFile, `${stack.urls.storefront}/courses/bench-3`);
  const queries60 = await countCmsRequests(logFile, `${stack.urls.storefront}/courses/bench-60`);

  const pageUrl = `${stack.urls.storefront}/courses/community-operations-101`;
  const html = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
  const staticServer = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length });
    res.end(html);
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as { port: number }).port}/`;

  const ssr = await timeRequests(pageUrl, REQUESTS);
  const baseline = await timeRequests(staticUrl, REQUESTS);
  staticServer.close();

  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`\ncourse page (${html.length} bytes, 12 lessons), ${REQUESTS} sequential requests`);
  console.log(`  SSR storefront     p50 ${f(ssr.p50)}   p95 ${f(ssr.p95)}`);
  console.log(`  static same bytes  p50 ${f(baseline.p50)}   p95 ${f(baseline.p95)}`);
  console.log(`  ratio SSR/static   p50 ${(ssr.p50 / baseline.p50).toFixed(1)}x   p95 ${(ssr.p95 / baseline.p95).toFixed(1)}x`);
  console.log(`CMS requests per course page: 3 lessons → ${queries3}, 60 lessons → ${queries60}${queries3 === queries60 ? ' (constant)' : ' (GROWS with lessons!)'}`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
