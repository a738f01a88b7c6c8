/**
 * Rate limits on sign-in and code requests: what commerce answers when a limit is reached,
 * and how the storefront tells commerce whose attempt it is forwarding.
 *
 * The storefront calls commerce from its own server, so at commerce every member would share
 * the storefront's address. The storefront therefore sends the member's address in
 * `x-client-ip`, and commerce believes that header only next to `x-storefront-key` carrying
 * the secret both sides share (STOREFRONT_SHARED_SECRET). Anyone else's `x-client-ip` is ignored.
 */

/** The member's address, as seen by the storefront (only with STOREFRONT_KEY_HEADER). */
export const CLIENT_IP_HEADER = 'x-client-ip';
/** The secret shared by the storefront and commerce (STOREFRONT_SHARED_SECRET). */
export const STOREFRONT_KEY_HEADER = 'x-storefront-key';

/** `type` of commerce's 429 body. */
export const TOO_MANY_REQUESTS_TYPE = 'too_many_requests';

/** Commerce's 429 body (also sent with a `Retry-After` header in seconds). */
export interface TooManyRequestsBody {
  type: typeof TOO_MANY_REQUESTS_TYPE;
  /** zh-CN, then English. */
  message: string;
  retry_after_seconds: number;
}

/** Whole minutes to wait, at least 1 ("请 N 分钟后再试"). */
export function retryAfterMinutes(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 60 ? Math.ceil(seconds / 60) : 1;
}

/**
 * Seconds to wait, from a 429: the body's `retry_after_seconds`, else the `Retry-After`
 * header (seconds or an HTTP date). Null when neither says.
 */
export function retryAfterSeconds(header: string | null | undefined, body?: unknown, now: number = Date.now()): number | null {
  const fromBody = (body as { retry_after_seconds?: unknown } | null | undefined)?.retry_after_seconds;
  if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0) return Math.ceil(fromBody);
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

// No leading zeros (as Node's net.isIP): "010" would be octal to some parsers.
const OCTET = '(0|[1-9]\\d{0,2})';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

function ipv4Octets(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (lower-case text, no zone), or null. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let index = 0; index < pieces.length; index += 1) {
      const piece = pieces[index];
      // A dotted IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
      if (index === pieces.length - 1 && piece.includes('.')) {
        const octets = ipv4Octets(piece);
        if (!octets) return null;
        groups.push((octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]);
      } else if (HEX_GROUP.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  // A tail's IPv4 must end the address; "::" stands for at least one zero group.
  if (halves[0].includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/**
 * The key a client address is counted under, or null when `raw` is not an IP address.
 * IPv4 as dotted quad; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what Node reports on a
 * dual-stack socket) as its IPv4; any other IPv6 address as its /64 network
 * (`2001:db8:0:1::/64`), because one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every attempt. Brackets, a zone (`%eth0`) and a port
 * (`1.2.3.4:5678`, `[::1]:80`) are dropped.
 */
export function normalizeClientAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let text = raw.trim().toLowerCase();
  if (!text || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%[\w.-]+$/, '');

  const v4 = ipv4Octets(text);
  if (v4) return v4.join('.');
  if (!text.includes(':')) return null;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
