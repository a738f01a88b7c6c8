import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePending, encodePending } from './pending-verification';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6IiJ9.c2lnbmF0dXJl';

describe('pending verification cookie', () => {
  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(decodePending(encodePending({ email, token }))).toEqual({ email, token });
      }),
    );
  });

  it('refuses anything else', () => {
    expect(decodePending(undefined)).toBeNull();
    expect(decodePending('')).toBeNull();
    expect(decodePending('not base64!')).toBeNull();
    expect(decodePending(Buffer.from('{"e":"a@b.c","t":"nope"}').toString('base64url'))).toBeNull();
    expect(decodePending(Buffer.from(`{"e":"no-at","t":"${token}"}`).toString('base64url'))).toBeNull();
    expect(decodePending(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
    expect(decodePending('x'.repeat(5000))).toBeNull();
  });
});
