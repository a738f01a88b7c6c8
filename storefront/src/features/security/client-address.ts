import { CLIENT_IP_HEADER, normalizeClientAddress, STOREFRONT_KEY_HEADER } from '@community/contracts';

/** Whose attempt a request is, for rate limits here and at commerce. */
export interface MemberAddress {
  /** What the local limiter counts under: the member's address, or one shared key. */
  key: string;
  /** The address to forward to commerce (x-client-ip), or null when we do not know it. */
  address: string | null;
}

/** Requests that claim a forwarded address we may not believe share this key. */
export const UNVERIFIED_CLIENT_KEY = 'unverified-forwarded';

/**
 * The member's address. Astro's `clientAddress` is the FIRST X-Forwarded-For entry when that
 * header is present, and the TCP peer otherwise; anyone can write that header, so:
 * - TRUST_PROXY=true (a reverse proxy in front): the LAST X-Forwarded-For entry, the one our
 *   proxy appended (whatever the browser wrote comes before it);
 * - otherwise, with X-Forwarded-For present, the request is counted under one shared key (the
 *   real peer is not known here, and the claimed one would give a fresh bucket per attempt);
 * - otherwise Astro's clientAddress, which is then the TCP peer.
 */
export function memberAddress(input: {
  forwardedFor: string | null;
  clientAddress: () => string | undefined;
  trustProxy: boolean;
}): MemberAddress {
  const forwarded = input.forwardedFor?.split(',').map((part) => part.trim()).filter(Boolean) ?? [];
  let raw: string | undefined;
  if (input.trustProxy && forwarded.length) {
    raw = forwarded[forwarded.length - 1];
  } else if (forwarded.length) {
    return { key: UNVERIFIED_CLIENT_KEY, address: null };
  } else {
    try {
      raw = input.clientAddress();
    } catch {
      // Astro throws when the adapter cannot tell (not the case with @astrojs/node).
    }
  }
  const key = normalizeClientAddress(raw);
  // Forwarded as it came (commerce normalizes it the same way): the key of an IPv6 address is its /64.
  return key && raw ? { key, address: raw.trim() } : { key: UNVERIFIED_CLIENT_KEY, address: null };
}

/**
 * Headers that tell commerce whose attempt we forward. Commerce believes x-client-ip only
 * together with the shared secret; without a secret we send nothing (commerce then counts
 * every member under the storefront's own address). Without a known address we still vouch
 * (the secret alone), so commerce counts those requests under one key, not ours.
 */
export function forwardedClientHeaders(member: MemberAddress | null | undefined, sharedSecret: string): Record<string, string> {
  if (!sharedSecret || !member) return {};
  return member.address
    ? { [STOREFRONT_KEY_HEADER]: sharedSecret, [CLIENT_IP_HEADER]: member.address }
    : { [STOREFRONT_KEY_HEADER]: sharedSecret };
}
