import { UpstreamError } from './upstream-error';

/** Commerce answered 429: too many attempts for this account or address; try again later. */
export class RateLimitedError extends UpstreamError {
  /** From commerce's Retry-After (or its body's retry_after_seconds). */
  readonly retryAfterSeconds: number;

  constructor(what: string, retryAfterSeconds: number) {
    super('commerce', `${what}: too many requests`, { status: 429 });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isRateLimited(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError;
}
