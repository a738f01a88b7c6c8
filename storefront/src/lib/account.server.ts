import { z } from 'astro/zod';
import { jwtActorId } from '../features/account/session-cookie';
import type { MemberAddress } from '../features/security/client-address';
import type { Locale } from '../i18n/locales';
import { commerceClientHeaders, postAuth } from './commerce-auth.server';
import { bearer, isStatus, sdk, write } from './commerce.server';
import { UpstreamError } from './upstream-error';

// Accounts against commerce (Medusa): registration, the emailed 6-digit code (Medusa's auth
// verification with commerce's `email_code` provider), sign-in, password reset. Tokens are
// passed per call; the shared SDK never stores one. `member` is whose attempt it is: commerce
// rate-limits these routes per member address (commerce-auth.server.ts); a 429 is an UpstreamError
// with status 429 (a RateLimitedError from postAuth).

const CODE_PROVIDER = 'email_code';

const tokenSchema = z.object({ token: z.string().min(1) });
const loginSchema = z.object({
  token: z.string().min(1),
  verification_required: z.boolean().optional(),
  mfa_required: z.boolean().optional(),
});
const anySchema = z.unknown();

/** Why commerce refused a code or a request for one (from its message; see the email_code provider). */
export type CodeProblem = 'wrong' | 'expired' | 'too_many' | 'too_soon' | 'invalid' | 'rate_limited' | 'session';

/** Reads which code problem a refusal was (null: not a code problem). */
export function codeProblemOf(error: unknown): CodeProblem | null {
  if (!(error instanceof UpstreamError) || error.status === undefined) return null;
  if (error.status === 429) return 'rate_limited';
  if (error.status === 401) return 'session';
  if (error.status !== 400) return null;
  const message = error.cause instanceof Error ? error.cause.message : '';
  if (/expired/i.test(message)) return 'expired';
  if (/too many/i.test(message)) return 'too_many';
  if (/less than a minute/i.test(message)) return 'too_soon';
  if (/6 digits/i.test(message)) return 'invalid';
  if (/not right|invalid|no code|sign in first/i.test(message)) return 'wrong';
  return null;
}

/** Outcome of a sign-in: a session, an account that must verify its email first, or wrong credentials. */
export type SignInResult =
  | { kind: 'signed_in'; token: string }
  /** `identityToken` lets this person (who knew the password) request and confirm the code. */
  | { kind: 'verify'; identityToken: string }
  | { kind: 'invalid' };

async function authenticate(email: string, password: string, member?: MemberAddress | null): Promise<z.infer<typeof loginSchema> | null> {
  try {
    return loginSchema.parse(await postAuth('/auth/customer/emailpass', { email, password }, member, 'auth.login'));
  } catch (error) {
    // Medusa answers 401 for an unknown email and a wrong password alike.
    if (isStatus(error, 400, 401)) return null;
    throw error;
  }
}

/** Creates the customer of an identity that has none yet, with the page's locale (emails are written in it). */
async function createCustomer(email: string, identityToken: string, locale: Locale): Promise<'created' | 'exists'> {
  try {
    await write(
      'customer.create',
      () => sdk.store.customer.create({ email, metadata: { locale } }, {}, bearer(identityToken)),
      anySchema,
    );
    return 'created';
  } catch (error) {
    // "Customer with this email already has an account" is a 422 (DUPLICATE_ERROR).
    if (isStatus(error, 400, 401, 409, 422) && /exist|already/i.test(String((error as UpstreamError).cause))) return 'exists';
    throw error;
  }
}

/**
 * Email + password → a session, or the code step when the email is not verified yet. An identity
 * without a customer (a registration that stopped half-way) gets its customer now.
 */
export async function signIn(email: string, password: string, locale: Locale, member?: MemberAddress | null): Promise<SignInResult> {
  const first = await authenticate(email, password, member);
  if (!first) return { kind: 'invalid' };
  if (first.verification_required) {
    // The actorless token cannot create the customer twice: "exists" is fine.
    await createCustomer(email, first.token, locale);
    return { kind: 'verify', identityToken: first.token };
  }
  if (jwtActorId(first.token)) return { kind: 'signed_in', token: first.token };
  await createCustomer(email, first.token, locale);
  const again = await authenticate(email, password, member);
  if (again?.verification_required) return { kind: 'verify', identityToken: again.token };
  if (!again || !jwtActorId(again.token)) throw new UpstreamError('commerce', 'Sign-in gave no customer token');
  return { kind: 'signed_in', token: again.token };
}

/** Registration: identity → customer (with the page locale) → the code step. `taken`: the email has an account. */
export async function registerAccount(
  email: string,
  password: string,
  locale: Locale,
  member?: MemberAddress | null,
): Promise<{ kind: 'verify'; identityToken: string } | { kind: 'taken' }> {
  let identityToken: string;
  try {
    ({ token: identityToken } = tokenSchema.parse(
      await postAuth('/auth/customer/emailpass/register', { email, password }, member, 'auth.register'),
    ));
  } catch (error) {
    // "Identity with email already exists" comes back as 401.
    if (isStatus(error, 401)) return { kind: 'taken' };
    throw error;
  }
  if ((await createCustomer(email, identityToken, locale)) === 'exists') return { kind: 'taken' };
  return { kind: 'verify', identityToken };
}

/**
 * Emails a new 6-digit code to the identity's own address. 'too_soon' when one went out less than
 * a minute ago (the member should look for it), 'verified' when there is nothing left to verify.
 */
export async function requestEmailCode(
  email: string,
  identityToken: string,
  locale: Locale,
  member?: MemberAddress | null,
): Promise<'sent' | 'too_soon' | 'rate_limited'> {
  try {
    await write(
      'auth.verification.request',
      () =>
        sdk.client.fetch('/auth/verification/request', {
          method: 'POST',
          headers: { ...bearer(identityToken), ...commerceClientHeaders(member) },
          body: { entity_id: email, entity_type: 'email', code_provider: CODE_PROVIDER, metadata: { locale } },
        }),
      anySchema,
    );
    return 'sent';
  } catch (error) {
    const problem = codeProblemOf(error);
    if (problem === 'too_soon') return 'too_soon';
    if (problem === 'rate_limited') return 'rate_limited';
    throw error;
  }
}

/**
 * Confirms the code, then swaps the identity token for a session (no password needed again).
 * Refusals come back as the CodeProblem; an outage throws.
 */
export async function confirmEmailCode(
  code: string,
  identityToken: string,
  member?: MemberAddress | null,
): Promise<{ ok: true; token: string } | { ok: false; problem: CodeProblem }> {
  try {
    await write(
      'auth.verification.confirm',
      () =>
        sdk.client.fetch('/auth/verification/confirm', {
          method: 'POST',
          headers: { ...bearer(identityToken), ...commerceClientHeaders(member) },
          body: { code, code_provider: CODE_PROVIDER },
        }),
      anySchema,
    );
  } catch (error) {
    const problem = codeProblemOf(error);
    if (problem) return { ok: false, problem };
    throw error;
  }
  try {
    const { token } = await write(
      'auth.refresh',
      () => sdk.client.fetch('/auth/token/refresh', { method: 'POST', headers: bearer(identityToken) }),
      tokenSchema,
    );
    if (!jwtActorId(token)) throw new UpstreamError('commerce', 'Verified, but the session has no customer');
    return { ok: true, token };
  } catch (error) {
    if (isStatus(error, 401)) return { ok: false, problem: 'session' };
    throw error;
  }
}

/** Asks commerce to email a reset link. Always "sent": whether the address has an account is not told. */
export async function requestPasswordReset(email: string, locale: Locale, member?: MemberAddress | null): Promise<'sent' | 'rate_limited'> {
  try {
    // Answered 201 with a plain-text body: asked for as text, it is not parsed.
    await write(
      'auth.reset-password',
      () =>
        sdk.client.fetch('/auth/customer/emailpass/reset-password', {
          method: 'POST',
          body: { identifier: email, metadata: { locale } },
          headers: { accept: 'text/plain', ...commerceClientHeaders(member) },
        }),
      anySchema,
    );
  } catch (error) {
    if (isStatus(error, 429)) return 'rate_limited';
    throw error;
  }
  return 'sent';
}

/** Sets a new password with the single-use token from the email; false when the link is no longer valid. */
export async function resetPassword(resetToken: string, password: string): Promise<boolean> {
  try {
    await write(
      'auth.update-password',
      () =>
        sdk.client.fetch('/auth/customer/emailpass/update', {
          method: 'POST',
          headers: bearer(resetToken),
          body: { password },
        }),
      anySchema,
    );
    return true;
  } catch (error) {
    if (isStatus(error, 400, 401)) return false;
    throw error;
  }
}
