import { describe, expect, it } from 'vitest';
import { forwardedClientHeaders, memberAddress, UNVERIFIED_CLIENT_KEY } from './client-address';

const peer = (address: string | undefined) => () => address;

describe('memberAddress', () => {
  it('is the TCP peer when nothing is forwarded', () => {
    expect(memberAddress({ forwardedFor: null, clientAddress: peer('::ffff:192.0.2.4'), trustProxy: false })).toEqual({
      key: '192.0.2.4',
      address: '::ffff:192.0.2.4',
    });
    expect(memberAddress({ forwardedFor: null, clientAddress: peer('2001:db8:a:b:1:2:3:4'), trustProxy: false }).key).toBe('2001:db8:a:b::/64');
  });

  it('does not believe X-Forwarded-For without TRUST_PROXY: all such requests share one key', () => {
    for (const header of ['1.2.3.4', '5.6.7.8', 'junk']) {
      // Astro's clientAddress would be the header's first entry.
      expect(memberAddress({ forwardedFor: header, clientAddress: peer(header), trustProxy: false })).toEqual({
        key: UNVERIFIED_CLIENT_KEY,
        address: null,
      });
    }
  });

  it('takes the entry our proxy appended (the last) with TRUST_PROXY, not what the browser wrote', () => {
    const member = memberAddress({ forwardedFor: '6.6.6.6, 203.0.113.5', clientAddress: peer('6.6.6.6'), trustProxy: true });
    expect(member).toEqual({ key: '203.0.113.5', address: '203.0.113.5' });
    expect(memberAddress({ forwardedFor: null, clientAddress: peer('10.0.0.1'), trustProxy: true }).key).toBe('10.0.0.1');
    expect(memberAddress({ forwardedFor: '1.2.3.4, nonsense', clientAddress: peer('1.2.3.4'), trustProxy: true }).key).toBe(
      UNVERIFIED_CLIENT_KEY,
    );
  });

  it('survives an adapter that cannot tell', () => {
    const throwing = () => {
      throw new Error('clientAddress is not available');
    };
    expect(memberAddress({ forwardedFor: null, clientAddress: throwing, trustProxy: false }).key).toBe(UNVERIFIED_CLIENT_KEY);
  });
});

describe('forwardedClientHeaders', () => {
  it('vouches for the member address with the shared secret, and sends nothing without a secret', () => {
    expect(forwardedClientHeaders({ key: '192.0.2.4', address: '192.0.2.4' }, 'secret')).toEqual({
      'x-storefront-key': 'secret',
      'x-client-ip': '192.0.2.4',
    });
    expect(forwardedClientHeaders({ key: UNVERIFIED_CLIENT_KEY, address: null }, 'secret')).toEqual({ 'x-storefront-key': 'secret' });
    expect(forwardedClientHeaders({ key: '192.0.2.4', address: '192.0.2.4' }, '')).toEqual({});
    expect(forwardedClientHeaders(null, 'secret')).toEqual({});
  });
});
