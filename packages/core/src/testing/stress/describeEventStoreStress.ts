import { describe, expect, it } from 'vitest';
import { manualClock } from '../../kernel/clock.js';
import { seededIds } from '../../kernel/ids.js';
import { createContractRegistry, type ContractStoreFactory } from '../contract/fixtures.js';
import { formatStressReport, runStressTest, type StressOptions } from './runStressTest.js';

export interface EventStoreStressOptions extends StressOptions {
  /** The test's own timeout in milliseconds. Default 60 000. */
  readonly timeoutMs?: number;
}

/**
 * Registers the stress test with vitest: the seeded concurrent workload of {@link runStressTest} against a
 * store from `factory`, the consistency check, and one `[stress]` line with the counts.
 */
export const describeEventStoreStress = (name: string, factory: ContractStoreFactory, options: EventStoreStressOptions = {}) => {
  const { timeoutMs = 60_000, ...stress } = options;
  describe(`${name}: stress`, () => {
    it(
      'under concurrent, conflicting command handlers stores every accepted event once, in order, gap-free, and projections equal a replay',
      async () => {
        const clock = manualClock('2024-09-02T08:00:00.000Z');
        const store = await factory({ registry: createContractRegistry(), clock, ids: seededIds((stress.seed ?? 20240902) + 2) });
        try {
          const report = await runStressTest(store, { clock, ...stress });
          console.log(formatStressReport(name, report));
          // The workload must have met what it is about: contention, retries, give-ups are allowed.
          expect(report.accepted).toBeGreaterThan(0);
          expect(report.conflicts).toBeGreaterThan(0);
          expect(report.retries).toBeGreaterThan(0);
          expect(report.idempotentResends).toBeGreaterThan(0);
          expect(report.partialResendsRefused).toBeGreaterThan(0);
          expect(report.accepted + report.gaveUp).toBe(report.commands);
        } finally {
          await store.close();
        }
      },
      timeoutMs,
    );
  });
};
