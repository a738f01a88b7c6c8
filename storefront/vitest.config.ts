import { defineConfig } from 'vitest/config';

// Unit tests cover pure modules only, so a plain Vitest config is enough
// (no Astro virtual modules are imported by the code under test).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
