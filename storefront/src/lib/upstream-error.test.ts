import { describe, expect, it } from 'vitest';
import { isUpstreamError, UpstreamError } from './upstream-error';

describe('UpstreamError', () => {
  it('tells refusals (4xx) from outages', () => {
    expect(new UpstreamError('commerce', 'x', { status: 400 }).isRejection).toBe(true);
    expect(new UpstreamError('commerce', 'x', { status: 503 }).isRejection).toBe(false);
    expect(new UpstreamError('cms', 'x').isRejection).toBe(false);
  });

  it('is recognisable and keeps its cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new UpstreamError('cms', 'down', { cause });
    expect(isUpstreamError(error)).toBe(true);
    expect(isUpstreamError(cause)).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('[cms] down');
  });

  it('summarises the cause chain on one line', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1337'), { code: 'ECONNREFUSED' });
    const fetchError = new TypeError('fetch failed', { cause: socket });
    const line = new UpstreamError('cms', 'GraphQL request failed', { cause: fetchError }).toLogLine();
    expect(line).toBe(
      '[cms] GraphQL request failed <- TypeError: fetch failed <- Error: connect ECONNREFUSED 127.0.0.1:1337 (ECONNREFUSED)',
    );
    expect(new UpstreamError('commerce', 'x', { status: 502 }).toLogLine()).toBe('[commerce] x <- status 502');
  });
});
