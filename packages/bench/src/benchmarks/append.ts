import { randomIds, type EventRegistry, type ExpectedRevision, type NewEvent, type PreparedEvent } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { defineBenchmark, type Benchmark } from '../harness.js';
import { batchesOf, createBenchRegistry, type Batch, type BenchEvent, type Workload } from '../workload.js';

/**
 * The write path: `appendToStream` with validation on (registry.prepare: zod, metadata, instants, deep
 * freeze, upcast), the store's optimistic-concurrency and idempotence checks, and its bookkeeping. Each
 * run starts from an empty store with the library's defaults (system clock, random UUIDs).
 */
const appendAll = async (workload: Workload, batches: readonly Batch[], registry: EventRegistry<BenchEvent>) => {
  const store = createInMemoryEventStore({ registry });
  // Each stream's next expected revision, as the previous append returned it (as the emmett peer does).
  const revisions = new Array<ExpectedRevision>(workload.streamIds.length).fill('no_stream');
  for (const batch of batches) {
    const result = await store.appendToStream(batch.streamId, batch.events, { expectedRevision: revisions[batch.streamIndex]! });
    revisions[batch.streamIndex] = result.nextExpectedRevision;
  }
  return { events: store.size(), retained: store };
};

const appendBenchmark = (workload: Workload, size: number): Benchmark =>
  defineBenchmark({
    id: `store.append.batch${size}`,
    title: `ours: in-memory append, batches of ${size}`,
    kind: 'ours',
    interleave: `append.batch${size}`,
    description: `appendToStream of every event in batches of ${size} per stream with the expected revision of the previous append, into a fresh in-memory store.`,
    setup: () => batchesOf(workload, size),
    run: (batches) => appendAll(workload, batches, createBenchRegistry()),
  });

/**
 * The store's own share of an append: the same appends, but the registry hands back events prepared before
 * timing (looked up by batch identity), so validation is out of the measurement.
 */
const prevalidatedAppendBenchmark = (workload: Workload): Benchmark =>
  defineBenchmark({
    id: 'store.append.batch1.prevalidated',
    title: 'ours: in-memory append, batches of 1, prepare done before timing',
    kind: 'ours',
    description:
      'As store.append.batch1, but registry.prepare returns events validated in setup (a Map lookup by batch): the store bookkeeping alone.',
    setup: () => {
      const batches = batchesOf(workload, 1);
      const registry = createBenchRegistry();
      const prepared = new Map<readonly NewEvent<BenchEvent>[], readonly PreparedEvent[]>(
        batches.map((batch) => [batch.events, registry.prepare(batch.events, randomIds)]),
      );
      const preparedRegistry: EventRegistry<BenchEvent> = {
        ...registry,
        prepare: (events, ids) => prepared.get(events) ?? registry.prepare(events, ids),
      };
      return { batches, registry: preparedRegistry };
    },
    run: ({ batches, registry }) => appendAll(workload, batches, registry),
  });

export const appendBenchmarks = (workload: Workload): Benchmark[] => [
  defineBenchmark({
    id: 'kernel.prepare.batch1',
    title: 'ours: registry.prepare alone, batches of 1',
    kind: 'ours',
    description: 'registry.prepare([event]) for every event, no store: the validation share of an append.',
    setup: () => createBenchRegistry(),
    run: (registry) => {
      let count = 0;
      for (const event of workload.events) count += registry.prepare([event], randomIds).length;
      return { events: count };
    },
  }),
  appendBenchmark(workload, 1),
  prevalidatedAppendBenchmark(workload),
  appendBenchmark(workload, 10),
];
