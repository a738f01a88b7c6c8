import { rm } from 'node:fs/promises';
import { courseProductHandle } from '@community/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack, type StackPorts } from '../src/stack';
import { enterEmailCode, inboxOf } from './account-helpers';
import { confirmCheckout, freshDataDir, json, launchChromium, newContext, medusaOperator, strapiEditor, waitFor } from './helpers';

// Own ports and data, so the suite runs beside `npm start`.
const ports: StackPorts = { postgres: 54339, strapi: 1347, medusa: 9010, storefront: 4331 };
const handleOf = courseProductHandle;

let dataDir: string;
let stack: Stack;
let browser: Browser;
let editor: ReturnType<typeof strapiEditor>;
let operator: ReturnType<typeof medusaOperator>;
const started = Date.now();

beforeAll(async () => {
  dataDir = await freshDataDir('e2e-stack-');
  browser = await launchChromium();
  stack = await startStack({ dataDir, ports, seedDemo: true, catalogSyncIntervalMs: 500, log: () => undefined });
  console.log(`stack up from empty data in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  editor = strapiEditor(stack.urls.strapi, stack.logins.strapi);
  operator = medusaOperator(stack.urls.medusa, stack.logins.medusa);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function publishedCourse(data: Record<string, unknown>, lessonCount = 3) {
  const lessons = [];
  for (let i = 1; i <= lessonCount; i += 1) {
    lessons.push(await editor.createLesson({ title: `第 ${i} 讲`, position: i, free_preview: i === 1 }));
  }
  const course = await editor.createCourse({ ...data, lessons: lessons.map((l) => l.documentId) });
  await editor.publishCourse(course.documentId);
  return course;
}

describe('walking skeleton', () => {
  it('starts with the demo course on sale at ¥199 in commerce', async () => {
    const { data } = await json(`${stack.urls.strapi}/api/community/courses?filters[slug][$eq]=community-operations-101&populate=lessons`);
    expect(data).toHaveLength(1);
    expect(data[0].price_fen).toBe(19900);
    expect(data[0].lessons).toHaveLength(12);
    expect(data[0].lessons.filter((l: { free_preview: boolean }) => l.free_preview)).toHaveLength(2);

    const products = await waitFor('demo product and its price in Medusa', async () => {
      const found = await operator.productsByHandle(handleOf(data[0].documentId));
      return found[0]?.variants?.[0]?.prices?.length ? found : undefined;
    });
    expect(products).toHaveLength(1);
    expect(products[0].status).toBe('published');
    expect(products[0].variants[0].prices).toEqual(expect.arrayContaining([expect.objectContaining({ currency_code: 'cny', amount: 199 })]));
  });

  it('sells a course an editor just published: Strapi → Medusa → storefront → order', async () => {
    const course = await publishedCourse({ title: 'Mini Course 试水小课', slug: 'mini-course-e2e', summary: '三讲小课', price_fen: 2990 });
    // The product row appears a moment before its variant prices are linked: wait for the whole offer.
    const [product] = await waitFor('the new course and its price in Medusa', async () => {
      const found = await operator.productsByHandle(handleOf(course.documentId));
      return found[0]?.variants?.[0]?.prices?.length ? found : undefined;
    });
    expect(product.variants[0].prices).toEqual(expect.arrayContaining([expect.objectContaining({ currency_code: 'cny', amount: 29.9 })]));
    expect((await editor.syncState(course.documentId))?.state).toBe('synced');

    const page = await (await newContext(browser, { viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(stack.urls.storefront);
    await page.getByText('Mini Course 试水小课').click();
    await page.waitForURL(/\/courses\/mini-course-e2e$/);
    expect(await page.textContent('[data-testid="course-price"]')).toContain('¥29.90');
    expect(await page.locator('[data-testid="lesson"]').count()).toBe(3);

    // A visitor picks the course: the confirm step shows what it costs and asks them to sign in
    // (or register) there, keeping the chosen course.
    const ordersBefore = await operator.orderCount();
    await page.click('[data-testid="buy-button"]');
    await page.waitForURL(/\/checkout\?product=/);
    expect((await page.textContent('[data-testid="summary-total"]'))?.trim()).toBe('¥29.90');
    expect(await page.locator('[data-testid="checkout-sign-in"]').count()).toBe(1);
    expect(await page.locator('[data-testid="confirm-button"]').count()).toBe(0);
    await page.click('[data-testid="checkout-register"]');
    await page.fill('[data-testid="register-email"]', 'not-an-email');
    await page.fill('[data-testid="register-password"]', 'a-long-password-1');
    await page.click('[data-testid="register-submit"]');
    await page.waitForSelector('[data-testid="register-error"]');
    expect(await page.textContent('[data-testid="register-error"]')).toContain('邮箱');
    await page.fill('[data-testid="register-email"]', 'member@example.com');
    await page.fill('[data-testid="register-password"]', 'a-long-password-1');
    await page.click('[data-testid="register-submit"]');
    // Only a verified email buys: the code from the email, then back to the confirm step.
    await enterEmailCode(page, inboxOf(stack), 'member@example.com');
    await page.waitForURL(/\/checkout\?product=/);
    expect(await operator.orderCount()).toBe(ordersBefore);
    await confirmCheckout(page, '¥29.90');
    const displayId = Number((await page.textContent('[data-testid="order-display-id"]'))?.trim());
    await page.close();

    const { orders } = await operator.get(`/admin/orders?fields=id,display_id,email,total,currency_code,*items&limit=50`);
    const order = orders.find((o: { display_id: number }) => o.display_id === displayId);
    expect(order).toBeDefined();
    expect(order).toMatchObject({ email: 'member@example.com', currency_code: 'cny', total: 29.9 });
    expect(order.items[0].product_id).toBe(product.id);
    expect(await operator.orderCount()).toBe(ordersBefore + 1);
  });

  it('publishing twice never duplicates; unpublishing withdraws the product and the page', async () => {
    const course = await publishedCourse({ title: 'Twice Published', slug: 'twice-published', price_fen: 9900 }, 1);
    await waitFor('first delivery', async () => (await editor.syncState(course.documentId))?.state === 'synced');
    await editor.publishCourse(course.documentId);
    await waitFor('second delivery', async () => (await editor.syncState(course.documentId))?.state === 'synced');
    expect(await operator.productsByHandle(handleOf(course.documentId))).toHaveLength(1);

    await editor.unpublishCourse(course.documentId);
    const [withdrawn] = await waitFor('withdrawal', async () => {
      const found = await operator.productsByHandle(handleOf(course.documentId));
      return found[0]?.status === 'draft' ? found : undefined;
    });
    expect(withdrawn.status).toBe('draft');
    const response = await fetch(`${stack.urls.storefront}/courses/twice-published`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('</html>');
  });

  it('a course published without a price is not for sale, and the CMS says why', async () => {
    const course = await publishedCourse({ title: 'No Price Yet', slug: 'no-price-yet' }, 1);
    const state = await waitFor('not-for-sale state', async () => {
      const s = await editor.syncState(course.documentId);
      return s?.state === 'not_for_sale' ? s : undefined;
    });
    expect(state.reason).toMatch(/No price/);
    expect(await operator.productsByHandle(handleOf(course.documentId))).toHaveLength(0);

    const page = await (await newContext(browser)).newPage();
    await page.goto(`${stack.urls.storefront}/courses/no-price-yet`);
    expect(await page.textContent('[data-testid="course-price"]')).toContain('暂未开售');
    expect(await page.locator('[data-testid="buy-button"]').count()).toBe(0);
    await page.close();
  });

  it('a missing course answers 404 with a real page', async () => {
    const response = await fetch(`${stack.urls.storefront}/courses/there-is-no-such-course`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<html[^>]*lang="zh-CN"/);
  });

  it('loses nothing while commerce is down: the change is retried and lands when it is back', async () => {
    await stack.services.medusa.stop();
    const course = await publishedCourse({ title: 'Published During Outage', slug: 'published-during-outage', price_fen: 4900 }, 1);
    const failed = await waitFor('a visible failure', async () => {
      const s = await editor.syncState(course.documentId);
      return s?.state === 'failed' ? s : undefined;
    });
    expect(failed.last_error).toMatch(/fetch failed|ECONNREFUSED/);

    await stack.services.medusa.start();
    await waitFor('delivery after recovery', async () => (await editor.syncState(course.documentId))?.state === 'synced', 120_000);
    const products = await operator.productsByHandle(handleOf(course.documentId));
    expect(products).toHaveLength(1);
    expect(products[0].variants[0].prices).toEqual(expect.arrayContaining([expect.objectContaining({ amount: 49 })]));
  });

  it('the printed demo logins open both admin panels, and Strapi shows each course\'s sync state', async () => {
    const page = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(stack.urls.strapiAdmin);
    await page.fill('input[name="email"]', stack.logins.strapi.email);
    await page.fill('input[name="password"]', stack.logins.strapi.password);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin\/?$/);
    const { data } = await json(`${stack.urls.strapi}/api/community/courses?filters[slug][$eq]=community-operations-101`);
    await page.goto(`${stack.urls.strapiAdmin}/content-manager/collection-types/plugin::community.course/${data[0].documentId}`);
    await page.getByText('已同步 Synced').waitFor({ timeout: 30_000 });

    await page.goto(stack.urls.medusaAdmin);
    await page.fill('input[name="email"]', stack.logins.medusa.email);
    await page.fill('input[name="password"]', stack.logins.medusa.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 });
    await page.goto(`${stack.urls.medusaAdmin}/products`);
    await page.getByText('社群运营实战：从 0 到 1 打造付费社群').first().waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('starting again on the same data duplicates nothing', async () => {
    await stack.stop();
    stack = await startStack({ dataDir, ports, seedDemo: true, catalogSyncIntervalMs: 500, log: () => undefined });
    editor = strapiEditor(stack.urls.strapi, stack.logins.strapi);
    operator = medusaOperator(stack.urls.medusa, stack.logins.medusa);

    const { data } = await json(`${stack.urls.strapi}/api/community/courses?filters[slug][$eq]=community-operations-101`);
    expect(data).toHaveLength(1);
    expect(await operator.productsByHandle(handleOf(data[0].documentId))).toHaveLength(1);
    const { regions } = await operator.get('/admin/regions?currency_code=cny&fields=id');
    expect(regions).toHaveLength(1);
    const { api_keys } = await operator.get('/admin/api-keys?fields=id,title,type,revoked_at&limit=50');
    const live = api_keys.filter((k: { revoked_at: string | null }) => !k.revoked_at).map((k: { title: string }) => k.title);
    expect(live.filter((title: string) => title === 'Storefront')).toHaveLength(1);
    expect(live.filter((title: string) => title === 'CMS catalog sync')).toHaveLength(1);
    const { users } = await operator.get('/admin/users?fields=id');
    expect(users).toHaveLength(1);
  });
});
