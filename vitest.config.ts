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
    // CI also writes a JSON summary, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest/results.json' },
  },
});
