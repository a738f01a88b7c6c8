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

  /** True when the backend understood and refused the request (as opposed to being down). */
  get isRejection(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
