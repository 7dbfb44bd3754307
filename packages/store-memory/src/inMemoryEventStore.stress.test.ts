import { manualClock, seededIds, type EventStore } from '@itt-ledger/core';
import {
  createContractRegistry,
  describeEventStoreStress,
  runStressTest,
  StoreConsistencyError,
  type ContractEvent,
} from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

describeEventStoreStress('in-memory', ({ registry, clock, ids }) => createInMemoryEventStore({ registry, clock, ids }), {
  commands: 2_000,
  handlers: 16,
  streams: 40,
  hotStreams: 4,
  maxAttempts: 5,
  seed: 20240902,
});

describe('in-memory: the stress test can fail', () => {
  it('reports lost updates from a store that ignores expected revisions', async () => {
    const clock = manualClock('2024-09-02T08:00:00.000Z');
    const inner = createInMemoryEventStore({ registry: createContractRegistry(), clock, ids: seededIds(1) });
    // Every append as 'any', after a network's worth of delay: concurrent handlers overwrite each other's decisions.
    const careless: EventStore<ContractEvent> = {
      registry: inner.registry,
      appendToStream: async (streamId, events) => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return inner.appendToStream(streamId, events, { expectedRevision: 'any' });
      },
      readStream: (streamId, options) => inner.readStream(streamId, options),
      readAll: (options) => inner.readAll(options),
      subscribe: (handler, options) => inner.subscribe(handler, options),
      close: () => inner.close(),
    };
    const error = await runStressTest(careless, { commands: 500, handlers: 16, streams: 8, hotStreams: 2, seed: 7, clock }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreConsistencyError);
    expect((error as StoreConsistencyError).violations.some((violation) => /^invariant: .* which was not held \(a lost update\)$/.test(violation))).toBe(true);
  });
});
