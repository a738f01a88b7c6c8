import { isUpstreamError } from './upstream-error';

export type Loaded<T> = { ok: true; value: T } | { ok: false };

/** The part of Astro's global a page hands in (kept structural so this stays testable). */
interface PageResponse {
  response: { status?: number; headers: Headers };
}

/**
 * Runs a page's data loading. If a backend is down or misbehaving, the page answers
 * 503 (with Retry-After) and renders a friendly message instead of a 500 stack trace.
 * Any other error is a bug and is rethrown.
 */
export async function loadOrUnavailable<T>(page: PageResponse, load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    console.error(error.toLogLine());
    page.response.status = 503;
    page.response.headers.set('Retry-After', '30');
    return { ok: false };
  }
}
