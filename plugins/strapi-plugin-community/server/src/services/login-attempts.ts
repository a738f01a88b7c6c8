import { createMemoryAttemptStore, type AttemptStore } from './attempt-store';

/**
 * The store behind the login rate limit (middlewares/login-rate-limit.ts), one per Strapi.
 * Swap the in-process store for a shared one here once Strapi runs in more than one process.
 */
const loginAttempts = () => {
  const memory = createMemoryAttemptStore();
  const store: AttemptStore = memory;
  return {
    store,
    /** Forgets every count. */
    clear: () => memory.clear(),
  };
};

export default loginAttempts;
