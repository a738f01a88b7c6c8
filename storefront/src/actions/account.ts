import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { TRUST_PROXY } from 'astro:env/server';
import { CODE_ERRORS } from '../features/account/account-error-key';
import {
  codeInputSchema,
  resendInputSchema,
  resetPasswordInputSchema,
  resetRequestInputSchema,
  signInInputSchema,
  signUpInputSchema,
} from '../features/account/account-input';
import {
  decodePending,
  encodePending,
  PENDING_COOKIE,
  pendingCookieOptions,
  type PendingVerification,
} from '../features/account/pending-verification';
import { safeNextPath } from '../features/account/safe-next';
import type { MemberAddress } from '../features/security/client-address';
import { servedOverHttps } from '../features/security/served-over-https';
import { ui } from '../i18n/ui';
import {
  confirmEmailCode,
  registerAccount,
  requestEmailCode,
  requestPasswordReset,
  resetPassword,
  signIn,
  type CodeProblem,
} from '../lib/account.server';
import { guardAuthAttempt, tooManyRequests } from '../lib/auth-throttle.server';
import { isRateLimited } from '../lib/rate-limited-error';
import { isUpstreamError } from '../lib/upstream-error';
import { paths } from '../paths';

// Accounts that belong to whoever owns the email: registration and sign-in lead to the emailed
// 6-digit code until the email is verified; then a session. Plain form posts (no JS needed);
// every step also works from another page (e.g. inline sign-in on a checkout page: post to
// `actions.signIn` with `next`, then send the member to `paths.verifyEmail(next)` when the
// result says `step: 'verify'`). Messages are in the default locale; pages translate by code.
const messages = ui['zh-CN'];

/** What a sign-in step tells the page: go on (`next`), or show the code step for `email`. */
export type AccountStep = { step: 'done'; next: string } | { step: 'verify'; email: string; next: string; notice: 'sent' | 'already_sent' };

function isHttps(context: ActionAPIContext): boolean {
  return servedOverHttps({
    protocol: context.url.protocol,
    forwardedProto: context.request.headers.get('x-forwarded-proto'),
    trustProxy: TRUST_PROXY,
  });
}

function setPending(context: ActionAPIContext, pending: PendingVerification | null) {
  const options = pendingCookieOptions(isHttps(context));
  if (pending) context.cookies.set(PENDING_COOKIE, encodePending(pending), options);
  else context.cookies.delete(PENDING_COOKIE, { path: options.path, httpOnly: true, sameSite: options.sameSite, secure: options.secure });
}

/** The sign-in or registration waiting for its code (from the httpOnly cookie), if any. */
export function readPending(context: Pick<ActionAPIContext, 'cookies'>): PendingVerification | null {
  return decodePending(context.cookies.get(PENDING_COOKIE)?.value);
}

/** Commerce failures → an ActionError the account pages explain. */
function accountFailure(error: unknown, label: string): ActionError {
  if (!isUpstreamError(error)) throw error;
  // Commerce's limits (per email and per address): say how long to wait.
  if (isRateLimited(error)) return tooManyRequests(error.retryAfterSeconds);
  if (error.status === 429) return tooManyRequests(15 * 60);
  console.error(`[account] ${label}: ${error.toLogLine()}`);
  return error.isRejection
    ? new ActionError({ code: 'INTERNAL_SERVER_ERROR', message: messages['auth.failed'] })
    : new ActionError({ code: 'SERVICE_UNAVAILABLE', message: messages['auth.unavailable'] });
}

function codeFailure(problem: CodeProblem): ActionError {
  switch (problem) {
    case 'expired':
      return new ActionError({ code: CODE_ERRORS.expired, message: messages['verify.expired'] });
    case 'too_many':
      return new ActionError({ code: CODE_ERRORS.tooMany, message: messages['verify.tooMany'] });
    case 'too_soon':
      return new ActionError({ code: CODE_ERRORS.tooSoon, message: messages['verify.tooSoon'] });
    case 'rate_limited':
      return tooManyRequests(15 * 60);
    case 'session':
      return new ActionError({ code: CODE_ERRORS.noPending, message: messages['verify.startAgain'] });
    case 'invalid':
    case 'wrong':
    default:
      return new ActionError({ code: CODE_ERRORS.wrong, message: messages['verify.wrongCode'] });
  }
}

/** Starts the code step: keeps the identity token, emails a code (unless one went out a moment ago). */
async function startVerification(
  context: ActionAPIContext,
  member: MemberAddress,
  email: string,
  identityToken: string,
  next: string,
): Promise<AccountStep> {
  setPending(context, { email, token: identityToken });
  context.locals.setCustomerToken(null);
  let sent: Awaited<ReturnType<typeof requestEmailCode>>;
  try {
    sent = await requestEmailCode(email, identityToken, context.locals.locale, member);
  } catch (error) {
    throw accountFailure(error, 'code request');
  }
  // Refused by commerce's limits: no code went out; the pending step stays for a later "resend".
  if (sent === 'rate_limited') throw codeFailure('rate_limited');
  // Too soon: the code sent a moment ago is still good; the page says so and offers "resend".
  return { step: 'verify', email, next, notice: sent === 'sent' ? 'sent' : 'already_sent' };
}

export const account = {
  /** Email + password: signed in, or (email not verified yet) the code step. */
  signIn: defineAction({
    accept: 'form',
    input: signInInputSchema,
    handler: async ({ email, password, next }, context): Promise<AccountStep> => {
      const member = await guardAuthAttempt(context, 'sign-in');
      const goTo = safeNextPath(next, paths.account(context.locals.locale));
      let result;
      try {
        result = await signIn(email, password, context.locals.locale, member);
      } catch (error) {
        throw accountFailure(error, 'sign-in');
      }
      if (result.kind === 'invalid') throw new ActionError({ code: 'UNAUTHORIZED', message: messages['auth.wrongPassword'] });
      if (result.kind === 'verify') return startVerification(context, member, email, result.identityToken, goTo);
      setPending(context, null);
      context.locals.setCustomerToken(result.token);
      return { step: 'done', next: goTo };
    },
  }),

  /** Registration: the account is created, the code is emailed; signing in waits for the code. */
  signUp: defineAction({
    accept: 'form',
    input: signUpInputSchema,
    handler: async ({ email, password, next }, context): Promise<AccountStep> => {
      const member = await guardAuthAttempt(context, 'registration');
      const goTo = safeNextPath(next, paths.account(context.locals.locale));
      let result;
      try {
        result = await registerAccount(email, password, context.locals.locale, member);
      } catch (error) {
        throw accountFailure(error, 'registration');
      }
      if (result.kind === 'taken') throw new ActionError({ code: 'CONFLICT', message: messages['auth.emailTaken'] });
      return startVerification(context, member, email, result.identityToken, goTo);
    },
  }),

  /** The code from the email: the email is verified and the member signed in (commerce then claims their guest orders). */
  verifyEmail: defineAction({
    accept: 'form',
    input: codeInputSchema,
    handler: async ({ code, next }, context): Promise<AccountStep> => {
      const member = await guardAuthAttempt(context, 'code');
      const pending = readPending(context);
      if (!pending) throw new ActionError({ code: CODE_ERRORS.noPending, message: messages['verify.startAgain'] });
      let result;
      try {
        result = await confirmEmailCode(code, pending.token, member);
      } catch (error) {
        throw accountFailure(error, 'code confirmation');
      }
      if (!result.ok) {
        if (result.problem === 'session') setPending(context, null);
        throw codeFailure(result.problem);
      }
      setPending(context, null);
      context.locals.setCustomerToken(result.token);
      return { step: 'done', next: safeNextPath(next, paths.account(context.locals.locale)) };
    },
  }),

  /** "Send a new code" on the code step. */
  resendCode: defineAction({
    accept: 'form',
    input: resendInputSchema,
    handler: async ({ next }, context): Promise<AccountStep> => {
      const member = await guardAuthAttempt(context, 'code resend');
      const pending = readPending(context);
      if (!pending) throw new ActionError({ code: CODE_ERRORS.noPending, message: messages['verify.startAgain'] });
      let sent;
      try {
        sent = await requestEmailCode(pending.email, pending.token, context.locals.locale, member);
      } catch (error) {
        throw accountFailure(error, 'code resend');
      }
      if (sent !== 'sent') throw codeFailure(sent);
      return { step: 'verify', email: pending.email, next: safeNextPath(next, paths.account(context.locals.locale)), notice: 'sent' };
    },
  }),

  /** "忘记密码": emails a reset link. The answer never tells whether the address has an account. */
  requestPasswordReset: defineAction({
    accept: 'form',
    input: resetRequestInputSchema,
    handler: async ({ email }, context) => {
      const member = await guardAuthAttempt(context, 'reset request');
      let sent;
      try {
        sent = await requestPasswordReset(email, context.locals.locale, member);
      } catch (error) {
        throw accountFailure(error, 'reset request');
      }
      if (sent === 'rate_limited') throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: messages['reset.tooMany'] });
      return { email };
    },
  }),

  /** The new password from the reset link; then signed in (or the code step, for an email never verified). */
  resetPassword: defineAction({
    accept: 'form',
    input: resetPasswordInputSchema,
    handler: async ({ token, email, password }, context): Promise<AccountStep> => {
      const member = await guardAuthAttempt(context, 'password reset');
      let changed;
      try {
        changed = await resetPassword(token, password);
      } catch (error) {
        throw accountFailure(error, 'password reset');
      }
      if (!changed) throw new ActionError({ code: 'UNAUTHORIZED', message: messages['reset.linkInvalid'] });
      const goTo = paths.account(context.locals.locale);
      let result;
      try {
        result = await signIn(email, password, context.locals.locale, member);
      } catch (error) {
        throw accountFailure(error, 'sign-in after reset');
      }
      if (result.kind === 'invalid') return { step: 'done', next: paths.login(null, context.locals.locale) };
      if (result.kind === 'verify') return startVerification(context, member, email, result.identityToken, goTo);
      setPending(context, null);
      context.locals.setCustomerToken(result.token);
      return { step: 'done', next: goTo };
    },
  }),
};
