import { defineConfig } from 'vitest/config';

// One config for every package: workspace imports resolve to their TypeScript sources through the
// `@itt-ledger/source` export condition, so tests never run against a stale build.
export default defineConfig({
  resolve: { conditions: ['@itt-ledger/source'] },
  ssr: { resolve: { conditions: ['@itt-ledger/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
