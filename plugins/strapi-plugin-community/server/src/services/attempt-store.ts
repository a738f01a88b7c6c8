/** Attempts counted for one key in its current window. */
export type AttemptCount = { count: number; resetAt: number };

/**
 * Where login attempts are counted. In-process for now (one Strapi process); a Postgres or
 * Redis store implements the same two calls (e.g. an upsert that restarts expired windows, or
 * INCR + PEXPIRE NX) and replaces it in services/login-attempts.ts when Strapi runs several processes.
 */
export interface AttemptStore {
  /** The key's count in its current window, or null when it has none. */
  get(key: string): Promise<AttemptCount | null>;
  /** Counts one attempt. The first attempt opens a window of `ttlMs`; when it ends, counting restarts. */
  increment(key: string, ttlMs: number): Promise<AttemptCount>;
}

/**
 * A fixed-window counter in a Map. Bounded: when `maxKeys` is reached, expired windows go
 * first, then the oldest ones (so a flood of addresses costs memory only up to the bound).
 */
export function createMemoryAttemptStore({ maxKeys = 50_000, now = Date.now }: { maxKeys?: number; now?: () => number } = {}) {
  const windows = new Map<string, AttemptCount>();

  const live = (key: string): AttemptCount | null => {
    const window = windows.get(key);
    if (!window) return null;
    if (window.resetAt <= now()) {
      windows.delete(key);
      return null;
    }
    return window;
  };

  const makeRoom = () => {
    if (windows.size < maxKeys) return;
    const time = now();
    for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
    // Map keeps insertion order: the first keys opened their windows first.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  return {
    async get(key: string) {
      const window = live(key);
      return window ? { ...window } : null;
    },
    async increment(key: string, ttlMs: number) {
      let window = live(key);
      if (!window) {
        makeRoom();
        window = { count: 0, resetAt: now() + ttlMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { ...window };
    },
    /** Forgets every count (tests; an operator unlocking everyone). */
    clear() {
      windows.clear();
    },
    get size() {
      return windows.size;
    },
  } satisfies AttemptStore & Record<string, unknown>;
}
