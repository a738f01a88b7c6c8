import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { codeIn, resetLinkIn } from '../src/mail-catcher';
import { startStack, type Stack, type StackPorts } from '../src/stack';
import { enterEmailCode, inboxOf } from './account-helpers';
import { freshDataDir, launchChromium, newContext } from './helpers';

// Accounts that belong to whoever owns the email, through the browser and the real inbox:
// every code and link below was sent by commerce over SMTP to this stack's maildev.
const ports: StackPorts = { postgres: 54360, strapi: 1360, medusa: 9060, storefront: 4360, mailSmtp: 25060, mailWeb: 26060 };
const PASSWORD = 'a-long-password-1';
const PHONE = { viewport: { width: 390, height: 844 } };

let dataDir: string;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  dataDir = await freshDataDir('e2e-accounts-');
  browser = await launchChromium();
  stack = await startStack({ dataDir, ports, seedDemo: false, log: () => undefined });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signedInAs(page: Page, email: string) {
  await page.goto(`${stack.urls.storefront}/account`);
  await page.waitForSelector('[data-testid="account-email"]');
  expect(await page.textContent('[data-testid="account-email"]')).toContain(email);
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

describe('accounts', () => {
  it('a new visitor registers with the emailed code and is signed in', async () => {
    const email = `new-${Date.now()}@example.com`;
    const inbox = inboxOf(stack);
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(`${stack.urls.storefront}/account/register`);
    await page.fill('[data-testid="register-email"]', email);
    await page.fill('[data-testid="register-password"]', PASSWORD);
    await page.click('[data-testid="register-submit"]');

    // Same page, now the code step; nothing is signed in yet.
    await page.waitForSelector('[data-testid="verify-code"]');
    expect(await page.textContent('[data-testid="verify-lead"]')).toContain(email);
    expect((await page.context().cookies()).some((c) => c.name === 'cc_customer')).toBe(false);
    const mail = await inbox.waitForMail(email);
    expect(mail.subject).toMatch(/^你的验证码：\d{6}$/);
    const code = codeIn(mail);

    // A wrong code is refused, with a message, and the step stays.
    await page.fill('[data-testid="verify-code"]', String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.click('[data-testid="verify-submit"]');
    await page.waitForSelector('[data-testid="verify-error"]');
    expect(await page.textContent('[data-testid="verify-error"]')).toContain('验证码不正确');

    await page.fill('[data-testid="verify-code"]', `${code.slice(0, 3)} ${code.slice(3)}`);
    await page.click('[data-testid="verify-submit"]');
    await page.waitForURL(/\/account$/);
    expect(await page.textContent('[data-testid="account-email"]')).toContain(email);

    // Verified: the next sign-in is email and password only.
    await signOut(page);
    await page.goto(`${stack.urls.storefront}/account/login`);
    await page.fill('[data-testid="login-email"]', email);
    await page.fill('[data-testid="login-password"]', PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/account$/);
    await page.context().close();
  });

  it('signing in before the email is verified leads to the code step (in the page language)', async () => {
    const email = `later-${Date.now()}@example.com`;
    const inbox = inboxOf(stack);
    // Registered on the English pages, then left at the code step.
    const first = await (await newContext(browser, PHONE)).newPage();
    await first.goto(`${stack.urls.storefront}/en/account/register`);
    await first.fill('[data-testid="register-email"]', email);
    await first.fill('[data-testid="register-password"]', PASSWORD);
    await first.click('[data-testid="register-submit"]');
    await first.waitForSelector('[data-testid="verify-code"]');
    const mail = await inbox.waitForMail(email);
    expect(mail.subject).toMatch(/^Your verification code: \d{6}$/);
    await first.context().close();

    // Another day, another browser: the password alone does not sign in.
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(`${stack.urls.storefront}/en/account/login?next=${encodeURIComponent('/en/membership')}`);
    await page.fill('[data-testid="login-email"]', email);
    await page.fill('[data-testid="login-password"]', PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="verify-step"]');
    expect(await page.textContent('[data-testid="verify-lead"]')).toContain(email);
    // The code sent a moment ago still works (no new one within a minute).
    await enterEmailCode(page, inbox, email);
    await page.waitForURL(/\/en\/membership$/);
    await signedInAs(page, email);
    await page.context().close();
  });

  it('"忘记密码": the emailed link sets a new password, and only the new one signs in', async () => {
    const email = `forgetful-${Date.now()}@example.com`;
    const inbox = inboxOf(stack);
    const page = await (await newContext(browser, PHONE)).newPage();
    await page.goto(`${stack.urls.storefront}/account/register`);
    await page.fill('[data-testid="register-email"]', email);
    await page.fill('[data-testid="register-password"]', PASSWORD);
    await page.click('[data-testid="register-submit"]');
    await enterEmailCode(page, inbox, email);
    await page.waitForURL(/\/account$/);
    await signOut(page);

    await page.goto(`${stack.urls.storefront}/account/login`);
    await page.click('[data-testid="to-forgot-password"]');
    await page.waitForURL(/\/account\/forgot-password$/);
    const before = await inbox.mark();
    await page.fill('[data-testid="reset-email"]', email);
    await page.click('[data-testid="reset-request-submit"]');
    await page.waitForSelector('[data-testid="reset-sent"]');
    const mail = await inbox.waitForMail(email, { after: before, subject: /重置/ });
    expect(mail.subject).toBe('重置你的密码');
    const link = resetLinkIn(mail);
    expect(link.startsWith(`${stack.urls.storefront}/account/reset-password?`)).toBe(true);

    await page.goto(link);
    await page.fill('[data-testid="reset-password"]', 'short');
    await page.click('[data-testid="reset-submit"]');
    await page.waitForSelector('[data-testid="reset-error"]');
    expect(await page.textContent('[data-testid="reset-error"]')).toContain('至少需要 8 位');
    await page.fill('[data-testid="reset-password"]', 'my-new-password-2');
    await page.click('[data-testid="reset-submit"]');
    await page.waitForURL(/\/account$/);
    expect(await page.textContent('[data-testid="account-email"]')).toContain(email);

    // The link works once; the old password is gone, the new one signs in.
    await signOut(page);
    await page.goto(link);
    await page.fill('[data-testid="reset-password"]', 'another-password-3');
    await page.click('[data-testid="reset-submit"]');
    await page.waitForSelector('[data-testid="reset-error"]');
    expect(await page.textContent('[data-testid="reset-error"]')).toContain('链接已失效');
    await page.goto(`${stack.urls.storefront}/account/login`);
    await page.fill('[data-testid="login-email"]', email);
    await page.fill('[data-testid="login-password"]', PASSWORD);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="login-error"]');
    await page.fill('[data-testid="login-password"]', 'my-new-password-2');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/account$/);
    await page.context().close();
  });
});
