import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeClientAddress, retryAfterMinutes, retryAfterSeconds } from './rate-limit.js';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const group = fc.integer({ min: 0, max: 0xffff });
const groups = fc.array(group, { minLength: 8, maxLength: 8 });

/** The ways one IPv6 address may be written: full, zero-padded, upper-case, with "::" at any zero run. */
function spellings(parts: number[]): string[] {
  const hex = parts.map((part) => part.toString(16));
  const out = [hex.join(':'), parts.map((part) => part.toString(16).padStart(4, '0')).join(':').toUpperCase()];
  for (let start = 0; start < 8; start += 1) {
    for (let end = start + 1; end <= 8 && parts[end - 1] === 0; end += 1) {
      out.push(`${hex.slice(0, start).join(':')}::${hex.slice(end).join(':')}`);
    }
  }
  return out;
}

describe('normalizeClientAddress', () => {
  it('keeps IPv4 addresses, also when Node reports them IPv4-mapped or with a port', () => {
    fc.assert(
      fc.property(ipv4, (address) => {
        expect(normalizeClientAddress(address)).toBe(address);
        expect(normalizeClientAddress(`::ffff:${address}`)).toBe(address);
        expect(normalizeClientAddress(` ${address}:8080 `)).toBe(address);
      }),
    );
    expect(normalizeClientAddress('::FFFF:7f00:1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 address as its /64, however it is written', () => {
    fc.assert(
      fc.property(groups, (parts) => {
        fc.pre(!(parts.slice(0, 5).every((part) => part === 0) && parts[5] === 0xffff));
        const network = `${parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
        for (const spelling of spellings(parts)) {
          expect(normalizeClientAddress(spelling)).toBe(network);
          expect(normalizeClientAddress(`[${spelling}]:443`)).toBe(network);
        }
      }),
    );
    expect(normalizeClientAddress('2001:db8::1')).toBe(normalizeClientAddress('2001:db8::ffff:1234'));
    expect(normalizeClientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normalizeClientAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('accepts exactly what Node accepts as an IP address', () => {
    const chars = fc.constantFrom(...'0123456789abcdef:.'.split(''));
    const candidate = fc.oneof(fc.string({ unit: chars, maxLength: 40 }), ipv4, groups.map((parts) => spellings(parts).at(-1)!));
    fc.assert(
      fc.property(candidate, (text) => {
        // "1.2.3.4:80" is an address with a port: we take it, Node's isIP does not.
        fc.pre(!/^[\d.]+:\d{1,5}$/.test(text));
        expect(normalizeClientAddress(text) !== null).toBe(isIP(text) !== 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not an address', () => {
    for (const text of [null, undefined, '', 'unknown', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', 'x'.repeat(100)]) {
      expect(normalizeClientAddress(text)).toBeNull();
    }
  });
});

describe('retry after', () => {
  it('prefers the body, then the header in seconds or as a date', () => {
    expect(retryAfterSeconds('30', { retry_after_seconds: 12.2 })).toBe(13);
    expect(retryAfterSeconds('30', {})).toBe(30);
    expect(retryAfterSeconds(new Date(10_000 + 90_000).toUTCString(), null, 10_000)).toBe(90);
    expect(retryAfterSeconds(null, null)).toBeNull();
    expect(retryAfterSeconds('soon', { retry_after_seconds: 'x' })).toBeNull();
  });

  it('rounds up to whole minutes, at least one', () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(60)).toBe(1);
    expect(retryAfterMinutes(61)).toBe(2);
    expect(retryAfterMinutes(900)).toBe(15);
    expect(retryAfterMinutes(Number.NaN)).toBe(1);
  });
});
