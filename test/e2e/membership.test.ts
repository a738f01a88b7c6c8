import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack, type StackPorts } from '../src/stack';
import { enterEmailCode, inboxOf } from './account-helpers';
import { confirmCheckout, freshDataDir, json, launchChromium, newContext, medusaOperator, waitFor } from './helpers';

// Own ports and data, so the suite runs beside `npm start` and the other journeys.
const ports: StackPorts = { postgres: 54337, strapi: 1349, medusa: 9012, storefront: 4333 };
const COURSE = 'community-operations-101'; // ¥199, member price ¥159.20
const TASTER = 'community-operations-101-taster'; // lessons 3–5, ¥29.90, member price ¥23.92
const MEMBERS_COURSE = 'monthly-review-for-members'; // members only; lesson 1 is a free preview

let dataDir: string;
let stack: Stack;
let browser: Browser;
let operator: ReturnType<typeof medusaOperator>;
let membersLesson2: string;

beforeAll(async () => {
  dataDir = await freshDataDir('e2e-membership-');
  browser = await launchChromium();
  stack = await startStack({ dataDir, ports, seedDemo: true, catalogSyncIntervalMs: 500, log: () => undefined });
  operator = medusaOperator(stack.urls.medusa, stack.logins.medusa);
  const { data } = await json(
    `${stack.urls.strapi}/api/community/courses?filters[slug][$eq]=${MEMBERS_COURSE}&populate[lessons][fields][0]=position`
  );
  membersLesson2 = data[0].lessons.find((l: { position: number }) => l.position === 2).documentId;
  // The demo course (and so its member price) reaches commerce through the outbox.
  await waitFor('the demo course on sale', async () => {
    const response = await fetch(`${stack.urls.storefront}/courses/${COURSE}`);
    return response.ok && (await response.text()).includes('data-testid="buy-button"');
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const text = async (page: Page, testId: string) => ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').replace(/\s+/g, ' ').trim();

async function membersLessonOpen(page: Page): Promise<boolean> {
  await page.goto(`${stack.urls.storefront}/courses/${MEMBERS_COURSE}/lessons/${membersLesson2}`);
  return (await page.locator('[data-testid="lesson-content"]').count()) === 1;
}

describe('membership: a month plan, member prices, member-only lessons, expiry', () => {
  it('takes a visitor from the plans to member prices and member-only lessons, and back after expiry', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();

    // A visitor sees the plans with their per-month price, and the member price beside the list price.
    await page.goto(`${stack.urls.storefront}/membership`);
    expect(await page.locator('[data-testid="plan-card"]').count()).toBe(4);
    const yearlySaving = page.locator('[data-testid="plan-card"][data-plan-handle="yearly"] [data-testid="plan-saving"]');
    expect(await yearlySaving.textContent()).toContain('¥169.00'); // 12 × ¥39 − ¥299
    await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    expect(await text(page, 'course-price')).toContain('¥199.00');
    expect(await text(page, 'member-price')).toContain('¥159.20');
    expect(await membersLessonOpen(page)).toBe(false);
    expect(await page.locator('[data-testid="lesson-join-membership"]').count()).toBe(1);

    // They sign up and buy the month plan.
    await page.goto(`${stack.urls.storefront}/account/register?next=${encodeURIComponent('/membership')}`);
    const memberEmail = `member-${Date.now()}@example.com`;
    await page.fill('[data-testid="register-email"]', memberEmail);
    await page.fill('[data-testid="register-password"]', 'a-long-password-1');
    await page.click('[data-testid="register-submit"]');
    await enterEmailCode(page, inboxOf(stack), memberEmail);
    await page.waitForURL(/\/membership$/);
    expect(await membersLessonOpen(page)).toBe(false); // signed in, not a member yet
    await page.goto(`${stack.urls.storefront}/membership`);
    await page.click('[data-testid="plan-card"][data-plan-handle="monthly"] [data-testid="plan-buy-button"]');
    await confirmCheckout(page, '¥39.00');
    const orderId = new URL(page.url()).searchParams.get('order')!;
    const { order } = await operator.get(`/admin/orders/${orderId}?fields=id,total`);
    expect(order.total).toBe(39);

    // The membership is granted by a subscriber: wait for it, then prices and lessons follow.
    await waitFor('the membership to start', async () => {
      await page.goto(`${stack.urls.storefront}/account`);
      return (await page.locator('[data-testid="membership-days-left"]').count()) === 1;
    });
    expect(await text(page, 'membership-days-left')).toMatch(/\b(30|29)\b/);
    await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    expect(await text(page, 'course-price')).toContain('¥159.20');
    expect(await membersLessonOpen(page)).toBe(true);

    // A member buys the taster at its member price, then completes the course: the price is shown
    // first, starts from the member price (¥159.20 − ¥23.92), and is exactly what is charged.
    await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    await page.locator(`[data-testid="bundle-card"][data-bundle-slug="${TASTER}"] [data-testid="bundle-buy-button"]`).click();
    expect((await text(page, 'summary-member-price'))?.trim()).toBe('¥23.92');
    await confirmCheckout(page, '¥23.92');
    await waitFor('the taster to be granted', async () => {
      await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
      return (await page.locator('[data-testid="upgrade-button"]').count()) === 1;
    });
    expect((await text(page, 'upgrade-button'))?.trim()).toBe('补差价 ¥135.28');
    expect(await page.locator('[data-testid="buy-button"]').count()).toBe(1); // buying outright stays possible
    await page.click('[data-testid="upgrade-button"]');
    expect((await text(page, 'summary-member-price'))?.trim()).toBe('¥159.20');
    expect((await text(page, 'summary-credit'))?.trim()).toBe('−¥23.92');
    await confirmCheckout(page, '¥135.28');
    const upgradeId = new URL(page.url()).searchParams.get('order')!;
    const { order: upgradeOrder } = await operator.get(`/admin/orders/${upgradeId}?fields=id,total`);
    expect(upgradeOrder.total).toBe(135.28);

    // Time passes: the operator's expiry run, as of 31 days from now, ends it.
    const asOf = new Date(Date.now() + 31 * 24 * 3600 * 1000).toISOString();
    const { expired } = await operator.post('/admin/memberships/expire-due', { as_of: asOf });
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await membersLessonOpen(page)).toBe(false);
    await page.goto(`${stack.urls.storefront}/courses/${COURSE}`);
    expect(await text(page, 'course-price')).toContain('¥199.00');
    await page.goto(`${stack.urls.storefront}/account`);
    expect(await text(page, 'membership-status')).toContain('已过期');
    await context.close();
  });
});
