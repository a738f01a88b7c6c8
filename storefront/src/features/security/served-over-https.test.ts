import { describe, expect, it } from 'vitest';
import { servedOverHttps } from './served-over-https';

describe('servedOverHttps', () => {
  it('follows the connection when there is no X-Forwarded-Proto', () => {
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: null, trustProxy: false })).toBe(true);
    expect(servedOverHttps({ protocol: 'http:', forwardedProto: null, trustProxy: false })).toBe(false);
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: null, trustProxy: true })).toBe(true);
    expect(servedOverHttps({ protocol: 'http:', forwardedProto: '', trustProxy: true })).toBe(false);
  });

  it('believes X-Forwarded-Proto only behind a trusted proxy', () => {
    // Astro already turned the header into the URL's protocol.
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: 'https', trustProxy: true })).toBe(true);
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: 'HTTPS', trustProxy: true })).toBe(true);
    expect(servedOverHttps({ protocol: 'http:', forwardedProto: 'http', trustProxy: true })).toBe(false);
    // The first value is the hop the browser used.
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: 'https, http', trustProxy: true })).toBe(true);
    expect(servedOverHttps({ protocol: 'http:', forwardedProto: 'http, https', trustProxy: true })).toBe(false);
  });

  it('treats a forwarded protocol nobody vouches for as plain HTTP', () => {
    expect(servedOverHttps({ protocol: 'https:', forwardedProto: 'https', trustProxy: false })).toBe(false);
    expect(servedOverHttps({ protocol: 'http:', forwardedProto: 'http', trustProxy: false })).toBe(false);
  });
});
