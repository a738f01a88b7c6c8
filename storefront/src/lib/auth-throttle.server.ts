import { TRUST_PROXY } from 'astro:env/server';
import { ActionError, type ActionAPIContext } from 'astro:actions';
import { createAttemptLimiter } from '../features/account/auth-attempt-limit';
import { tooManyRequestsMessage } from '../features/account/auth-error-key';
import { memberAddress, type MemberAddress } from '../features/security/client-address';

// One per storefront process (memory): see createAttemptLimiter for why that is enough here.
const attempts = createAttemptLimiter();

/** The member behind this request (their address, as far as we can believe it). */
export function memberOf(context: Pick<ActionAPIContext, 'request' | 'clientAddress'>): MemberAddress {
  return memberAddress({
    forwardedFor: context.request.headers.get('x-forwarded-for'),
    clientAddress: () => context.clientAddress,
    trustProxy: TRUST_PROXY,
  });
}

/** "请求过于频繁，请 N 分钟后再试" as the action error the sign-in pages explain (authErrorKey). */
export function tooManyRequests(retryAfterSeconds: number): ActionError {
  return new ActionError({ code: 'TOO_MANY_REQUESTS', message: tooManyRequestsMessage(retryAfterSeconds) });
}

/**
 * The storefront's own flood guard for sign-in and registration posts, before commerce is
 * asked: the member (to forward to commerce), or TOO_MANY_REQUESTS.
 */
export async function guardAuthAttempt(context: Pick<ActionAPIContext, 'request' | 'clientAddress'>, form: string): Promise<MemberAddress> {
  const member = memberOf(context);
  const outcome = await attempts.attempt(member.key);
  if (!outcome.ok) {
    console.warn(`[account] ${form}: too many attempts from one address here; refused for ${outcome.retryAfterSeconds} s`);
    throw tooManyRequests(outcome.retryAfterSeconds);
  }
  return member;
}
