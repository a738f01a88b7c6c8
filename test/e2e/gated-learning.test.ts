import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack, type StackPorts } from '../src/stack';
import { enterEmailCode, inboxOf } from './account-helpers';
import { confirmCheckout, freshDataDir, json, launchChromium, newContext, medusaOperator, strapiEditor, waitFor } from './helpers';

// Own ports and data, so the suite runs beside `npm start` and the other journey.
const ports: StackPorts = { postgres: 54338, strapi: 1348, medusa: 9011, storefront: 4332 };
const COURSE = 'community-operations-101';
const TASTER = 'community-operations-101-taster'; // lessons 3, 4, 5 at ¥29.90

let dataDir: string;
let stack: Stack;
let browser: Browser;
let editor: ReturnType<typeof strapiEditor>;
let operator: ReturnType<typeof medusaOperator>;
/** The demo course's lessons by position (1–12). */
const lessonId = new Map<number, string>();
let courseDocumentId: string;

beforeAll(async () => {
  dataDir = await freshDataDir('e2e-learning-');
  browser = await launchChromium();
  stack = await startStack({ dataDir, ports, seedDemo: true, catalogSyncIntervalMs: 500, log: () => undefined });
  editor = strapiEditor(stack.urls.strapi, stack.logins.strapi);
  operator = medusaOperator(stack.urls.medusa, stack.logins.medusa);
  const { data } = await json(
    `${stack.urls.strapi}/api/community/courses?filters[slug][$eq]=${COURSE}&populate[lessons][fields][0]=position`
  );
  courseDocumentId = data[0].documentId;
  for (const lesson of data[0].lessons) lessonId.set(lesson.position, lesson.documentId);
  // The bundles reach commerce through the outbox like any publish.
  await waitFor('demo bundles in Medusa', async () => {
    const { products } = await operator.get('/admin/products?q=&limit=50&fields=handle,status');
    return products.filter((p: { handle: string; status: string }) => p.handle.startsWith('bundle-') && p.status === 'published').length >= 2;
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const lessonUrl = (position: number) => `${stack.urls.storefront}/courses/${COURSE}/lessons/${lessonId.get(position)}`;

async function lessonIsOpen(page: Page, position: number): Promise<boolean> {
  await page.goto(lessonUrl(position));
  const open = await page.locator('[data-testid="lesson-content"]').count();
  const locked = await page.locator('[data-testid="lesson-locked"]').count();
  expect(open + locked).toBe(1);
  return open === 1;
}

async function register(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.urls.storefront}/account/register?next=${encodeURIComponent(`/courses/${COURSE}`)}`);
  await page.fill('[data-testid="register-email"]', email);
  await page.fill('[data-testid="register-password"]', 'a-long-password-1');
  await page.click('[data-testid="register-submit"]');
  await enterEmailCode(page, inboxOf(stack), email);
  await page.waitForURL(new RegExp(`/courses/${COURSE}$`));
  return page;
}

async function displayedOrder(page: Page): Promise<{ id: string; total: number; displayId: number }> {
  await page.waitForSelector('[data-testid="order-display-id"]', { timeout: 60_000 });
  const orderId = new URL(page.url()).searchParams.get('order')!;
  const { order } = await operator.get(`/admin/orders/${orderId}?fields=id,display_id,total`);
  expect(Number((await page.textContent('[data-testid="order-display-id"]'))?.trim())).toBe(order.display_id);
  return { id: order.id, total: order.total, displayId: order.display_id };
}

describe('gated learning: previews → bundle → upgrade → refund', () => {
  it('never leaks a locked lesson through Strapi REST, GraphQL, filters or the content route', async () => {
    const secret = await editor.lessonBodyText(lessonId.get(3)!);
    expect(secret.length).toBeGreaterThan(10);
    const probes = [
      `/api/community/lessons?populate=*`,
      `/api/community/lessons/${lessonId.get(3)}?populate=*`,
      `/api/community/lessons/${lessonId.get(3)}?status=draft`,
      `/api/community/courses?populate[lessons][populate]=*`,
      `/api/community/lesson-bundles?populate[lessons][populate]=*`,
    ];
    for (const probe of probes) {
      const body = await (await fetch(`${stack.urls.strapi}${probe}`)).text();
      expect(body, probe).not.toContain(secret);
      expect(body, probe).not.toMatch(/"body"\s*:\s*\[/);
    }
    // A filter on the hidden field would be an oracle: it must not filter (or must fail).
    const needle = secret.slice(0, 6);
    const filtered = await fetch(`${stack.urls.strapi}/api/community/lessons?filters[body][$containsi]=${encodeURIComponent(needle)}`);
    if (filtered.ok) {
      const { data } = await filtered.json();
      const { data: all } = await json(`${stack.urls.strapi}/api/community/lessons?pagination[pageSize]=100`);
      expect(data.length).toBe(all.length);
    } else {
      expect(filtered.status).toBe(400);
    }
    const graphql = await json(`${stack.urls.strapi}/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: `{ communityLessons { title body } }` }),
    }).catch((error: Error) => ({ errors: [{ message: error.message }] }));
    expect(JSON.stringify(graphql)).not.toContain(secret);
    expect((graphql as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);

    const content = await fetch(`${stack.urls.strapi}/api/community/lessons/${lessonId.get(3)}/content`);
    expect(content.status).toBe(401); // no API token: the route only accepts the storefront server's
  });

  it('walks a member from free previews to a bundle, an upgrade and a refund', async () => {
    const secret3 = await editor.lessonBodyText(lessonId.get(3)!);
    const secret6 = await editor.lessonBodyText(lessonId.get(6)!);

    // A visitor reads the free previews and sees locks elsewhere, with no locked text in the HTML.
    const visitor = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const visitorPage = await visitor.newPage();
    expect(await lessonIsOpen(visitorPage, 1)).toBe(true);
    expect(await lessonIsOpen(visitorPage, 3)).toBe(false);
    expect(await visitorPage.content()).not.toContain(secret3);
    await visitor.close();

    // Member A signs up and buys the 3-lesson taster.
    const memberA = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await register(memberA, `a-${Date.now()}@example.com`);
    await page.locator(`[data-testid="bundle-card"][data-bundle-slug="${TASTER}"] [data-testid="bundle-buy-button"]`).click();
    await confirmCheckout(page, '¥29.90');
    const bundleOrder = await displayedOrder(page);
    expect(bundleOrder.total).toBe(29.9);

    // Exactly lessons 3–5 unlock (the grant runs in a subscriber: poll).
    await waitFor('taster lessons to unlock', async () => lessonIsOpen(page, 3));
    expect(await page.textContent('[data-testid="lesson-content"]')).toContain(secret3.slice(0, 20));
    expect(await lessonIsOpen(page, 4)).toBe(true);
    expect(await lessonIsOpen(page, 5)).toBe(true);
    expect(await lessonIsOpen(page, 6)).toBe(false);
    expect(await page.content()).not.toContain(secret6);

    // Lesson 3's media streams through the storefront to its owner only, ranges included.
    const mediaBytes = Buffer.from(`ID3 lesson-3 audio ${Date.now()} `.repeat(40));
    await editor.attachLessonMedia(lessonId.get(3)!, { name: 'lesson-3.mp3', type: 'audio/mpeg', bytes: mediaBytes });
    const mediaUrl = `${stack.urls.storefront}/courses/${COURSE}/lessons/${lessonId.get(3)}/media`;
    expect((await fetch(mediaUrl)).status).toBe(401);
    const owned = await waitFor('the new media through the proxy', async () => {
      const response = await page.request.get(mediaUrl);
      return response.status() === 200 ? response : null;
    });
    expect(owned.headers()['content-type']).toBe('audio/mpeg');
    expect(Buffer.from(await owned.body()).equals(mediaBytes)).toBe(true);
    const ranged = await page.request.get(mediaUrl, { headers: { range: 'bytes=0-9' } });
    expect(ranged.status()).toBe(206);
    expect(Buffer.from(await ranged.body()).toString()).toBe(mediaBytes.subarray(0, 10).toString());

    // Another member sees none of it, and cannot read A's entitlements.
    const memberB = await newContext(browser);
    const pageB = await register(memberB, `b-${Date.now()}@example.com`);
    expect((await pageB.request.get(mediaUrl)).status()).toBe(403);
    expect(await lessonIsOpen(pageB, 3)).toBe(false);
    expect(await pageB.content()).not.toContain(secret3);
    // B buys the whole course at its list price: every lesson opens.
    await pageB.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    await pageB.click('[data-testid="buy-button"]');
    await confirmCheckout(pageB, '¥199.00');
    await waitFor('the whole course to unlock for B', async () => lessonIsOpen(pageB, 12));
    for (const position of [2, 3, 6, 9]) expect(await lessonIsOpen(pageB, position), `lesson ${position}`).toBe(true);
    await memberB.close();

    // A completes the course, paying the list price minus what the taster cost.
    await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    // The price is on the button before anything is ordered, and the normal buy button stays.
    expect((await page.textContent('[data-testid="upgrade-button"]'))?.trim()).toBe('补差价 ¥169.10');
    expect(await page.locator('[data-testid="buy-button"]').count()).toBe(1);
    await page.click('[data-testid="upgrade-button"]');
    expect((await page.textContent('[data-testid="summary-credit"]'))?.trim()).toBe('−¥29.90');
    await confirmCheckout(page, '¥169.10');
    const upgradeOrder = await displayedOrder(page);
    expect(upgradeOrder.total).toBe(169.1); // 199 − 29.9
    await waitFor('the whole course to unlock', async () => lessonIsOpen(page, 6));
    expect(await lessonIsOpen(page, 12)).toBe(true);

    // The operator refunds both orders in Medusa: everything paid locks again.
    await operator.refundOrder(upgradeOrder.id);
    await operator.refundOrder(bundleOrder.id);
    await waitFor('lessons to lock after the refund', async () => !(await lessonIsOpen(page, 6)) && !(await lessonIsOpen(page, 3)));
    expect(await lessonIsOpen(page, 1)).toBe(true); // previews stay free
    await memberA.close();
  });
});
