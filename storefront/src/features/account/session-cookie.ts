/** The httpOnly cookie that holds the signed-in customer's Medusa JWT. */
export const CUSTOMER_COOKIE = 'cc_customer';

/** Used when a token carries no readable expiry (Medusa's default lifetime is one day). */
const FALLBACK_LIFETIME_S = 24 * 60 * 60;

/** The claims of a JWT, read WITHOUT verifying it (Medusa verifies; we only peek). */
function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The customer id a Medusa token is for; '' or null for a token of an auth identity that
 * has no customer yet (a registration that stopped half-way).
 */
export function jwtActorId(token: string): string | null {
  const actor = jwtClaims(token)?.actor_id;
  return typeof actor === 'string' ? actor : null;
}

interface JwtTimes {
  /** Issued at, seconds since the epoch. */
  iat: number | null;
  /** Expires at, seconds since the epoch. */
  exp: number | null;
}

/**
 * The iat/exp claims of a JWT, read WITHOUT verifying it: only to size the cookie and to
 * know when to refresh. Medusa verifies the token on every call that matters.
 */
export function jwtTimes(token: string): JwtTimes {
  const claims = jwtClaims(token);
  const read = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return { iat: read(claims?.iat), exp: read(claims?.exp) };
}

/** Cookie options for a customer token: httpOnly, SameSite=Lax, Secure on https, gone when the token expires. */
export function customerCookieOptions(token: string, options: { secure: boolean; now?: Date }) {
  const nowS = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const { exp } = jwtTimes(token);
  const maxAge = exp === null ? FALLBACK_LIFETIME_S : Math.max(0, exp - nowS);
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secure,
    path: '/',
    maxAge,
  };
}

/**
 * Whether a token is past half its lifetime (and not expired): then it is swapped for a
 * fresh one, so members who keep coming back stay signed in.
 */
export function shouldRefresh(token: string, now: Date = new Date()): boolean {
  const { iat, exp } = jwtTimes(token);
  if (iat === null || exp === null || exp <= iat) return false;
  const nowS = now.getTime() / 1000;
  return nowS < exp && nowS > iat + (exp - iat) / 2;
}
