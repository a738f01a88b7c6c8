export type UpstreamService = 'cms' | 'commerce';

/**
 * A backend (Strapi or Medusa) failed us: unreachable, timed out, answered 5xx,
 * or answered something that breaks the contract. Pages turn it into a friendly 503.
 * `status` is the upstream HTTP status when there was one (4xx = the request was refused).
 */
export class UpstreamError extends Error {
  readonly service: UpstreamService;
  readonly status: number | undefined;

  constructor(
    service: UpstreamService,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(`[${service}] ${message}`, { cause: options.cause });
    this.name = 'UpstreamError';
    this.service = service;
    this.status = options.status;
  }

  /** One log line: outages repeat on every request, so no stack traces. */
  toLogLine(): string {
    const parts = [this.message];
    if (this.status !== undefined) parts.push(`status ${this.status}`);
    let cause: unknown = this.cause;
    // Walk the cause chain (fetch wraps the socket error, e.g. ECONNREFUSED).
    for (let depth = 0; cause instanceof Error && depth < 3; depth += 1) {
      const code = (cause as { code?: unknown }).code;
      parts.push(`${cause.name}: ${cause.message}${typeof code === 'string' ? ` (${code})` : ''}`);
      cause = cause.cause;
    }
    return parts.join(' <- ');
  }

  /** True when the backend understood and refused the request (as opposed to being down). */
  get isRejection(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
