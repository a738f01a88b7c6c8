import { describe, expect, it } from 'vitest';
import { CUSTOMER_COOKIE, customerCookieOptions, jwtActorId, jwtTimes, shouldRefresh } from './session-cookie';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

const now = new Date('2026-06-01T00:00:00Z');
const nowS = now.getTime() / 1000;

describe('customer session cookie', () => {
  it('is named cc_customer', () => {
    expect(CUSTOMER_COOKIE).toBe('cc_customer');
  });

  it('is httpOnly, SameSite=Lax, site-wide, Secure on https, and ends with the token', () => {
    const token = jwt({ iat: nowS, exp: nowS + 3600 });
    expect(customerCookieOptions(token, { secure: true, now })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 3600,
    });
    expect(customerCookieOptions(token, { secure: false, now }).secure).toBe(false);
  });

  it('falls back to a day when the token has no readable expiry', () => {
    expect(customerCookieOptions('not-a-jwt', { secure: false, now }).maxAge).toBe(86400);
    expect(jwtTimes('a.!!!.c')).toEqual({ iat: null, exp: null });
  });

  it('refreshes tokens past half their lifetime, not fresh or expired ones', () => {
    expect(shouldRefresh(jwt({ iat: nowS - 100, exp: nowS + 86300 }), now)).toBe(false);
    expect(shouldRefresh(jwt({ iat: nowS - 50000, exp: nowS + 36400 }), now)).toBe(true);
    expect(shouldRefresh(jwt({ iat: nowS - 90000, exp: nowS - 3600 }), now)).toBe(false);
    expect(shouldRefresh(jwt({}), now)).toBe(false);
  });
});

describe('jwtActorId', () => {
  it('reads the customer id of a token, empty for an identity without a customer', () => {
    expect(jwtActorId(jwt({ actor_id: 'cus_1' }))).toBe('cus_1');
    expect(jwtActorId(jwt({ actor_id: '' }))).toBe('');
    expect(jwtActorId('garbage')).toBeNull();
  });
});
