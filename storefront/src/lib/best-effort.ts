import { isUpstreamError } from './upstream-error';

/**
 * For extras a page can do without (member prices, membership badges): a backend failure
 * is logged and the fallback used, so the page still renders. Other errors are bugs and rethrown.
 */
export async function bestEffort<T>(label: string, load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    console.warn(`[${label}] skipped: ${error.toLogLine()}`);
    return fallback;
  }
}
