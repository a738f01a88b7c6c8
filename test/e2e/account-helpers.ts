import type { Page } from 'playwright-core';
import { codeIn, mailbox, type InboxMark } from '../src/mail-catcher';

/** The stack's inbox (maildev's HTTP API): the emails commerce really sent. */
export function inboxOf(stack: { urls: { mailInbox: string | null } }) {
  if (!stack.urls.mailInbox) throw new Error('this stack sends mail through SMTP_URL: no local inbox to read');
  return mailbox(stack.urls.mailInbox);
}

/**
 * The code step, as a new member does it: the page asks for the code, the member reads it from
 * the email (the newest one to that address, or the first after `after`) and types it in.
 */
export async function enterEmailCode(
  page: Page,
  inbox: ReturnType<typeof mailbox>,
  email: string,
  options: { after?: InboxMark } = {},
): Promise<string> {
  await page.waitForSelector('[data-testid="verify-code"]');
  const mail = await inbox.waitForMail(email, { after: options.after, subject: /验证码|驗證碼|verification code/i });
  const code = codeIn(mail);
  await page.fill('[data-testid="verify-code"]', code);
  await page.click('[data-testid="verify-submit"]');
  return code;
}
