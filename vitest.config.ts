import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'test/**/*.e2e.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
