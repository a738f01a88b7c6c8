import { isInputError, type ActionError } from 'astro:actions';
import type { UiKey } from '../../i18n/ui';
import { verifyErrorKey } from './account-error-key';

/** An action's result as Astro.getActionResult returns it. */
type Result<T> = { data?: T; error?: ActionError } | undefined;

type Step = { step: 'done'; next: string } | { step: 'verify'; email: string; next: string; notice: 'sent' | 'already_sent' };

export interface CodeStep {
  email: string;
  /** Message of the last code attempt, if it failed. */
  error: UiKey | null;
  notice: 'sent' | 'already_sent' | null;
}

/**
 * Whether a sign-in or registration page shows the code step, and with what: after the start
 * action said so, after a code or resend attempt (right or wrong), or when asked for with
 * ?step=verify while a verification is pending. Null: show the page's own form.
 */
export function codeStep(input: {
  start: Result<Step>;
  verify: Result<Step>;
  resend: Result<Step>;
  /** The email of the pending verification (httpOnly cookie), if any. */
  pendingEmail: string | null;
  askedFor: boolean;
}): CodeStep | null {
  const { start, verify, resend, pendingEmail } = input;
  if (start?.data?.step === 'verify') return { email: start.data.email, error: null, notice: start.data.notice };
  if (resend?.data?.step === 'verify') return { email: resend.data.email, error: null, notice: 'sent' };
  const failed = verify?.error ?? resend?.error;
  if (failed) {
    const key = verifyErrorKey({ code: failed.code, fields: isInputError(failed) ? failed.fields : undefined });
    // Without a pending verification there is no code step to go back to.
    if (!pendingEmail) return null;
    return { email: pendingEmail, error: key, notice: null };
  }
  if (input.askedFor && pendingEmail) return { email: pendingEmail, error: null, notice: null };
  return null;
}

/** Where a finished step goes (a successful sign-in, registration code or reset), if one finished. */
export function finishedStep(...results: Result<Step>[]): string | null {
  for (const result of results) if (result?.data?.step === 'done') return result.data.next;
  return null;
}
