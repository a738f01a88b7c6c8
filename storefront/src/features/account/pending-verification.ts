/**
 * Between "register / sign in" and "enter the code" the member has no session yet, only the
 * identity token Medusa returned (it can do nothing but request and confirm the code, or create
 * the customer). It waits in this httpOnly cookie, with the email the code went to, so the code
 * step works as a plain form post, without JS, on any page.
 */
export const PENDING_COOKIE = 'cc_verify';

/** An hour to find the email and type the code (each code itself is good for 10 minutes). */
export const PENDING_LIFETIME_S = 60 * 60;

export interface PendingVerification {
  email: string;
  /** Medusa's actorless JWT for this identity. */
  token: string;
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export function encodePending(pending: PendingVerification): string {
  return Buffer.from(JSON.stringify({ e: pending.email, t: pending.token }), 'utf8').toString('base64url');
}

/** The cookie's value read back, or null for anything we did not write. */
export function decodePending(value: string | undefined | null): PendingVerification | null {
  if (!value || value.length > 4096 || !/^[\w-]+$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return null;
    const { e, t } = parsed as Record<string, unknown>;
    if (typeof e !== 'string' || !e.includes('@') || e.length > 254) return null;
    if (typeof t !== 'string' || !JWT_SHAPE.test(t)) return null;
    return { email: e, token: t };
  } catch {
    return null;
  }
}

export function pendingCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: PENDING_LIFETIME_S };
}
