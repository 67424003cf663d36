import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A migrated PostgreSQL database that each test database copies (when a server answers).
    globalSetup: ['test/helpers/postgres-template.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'test/**/*.e2e.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
