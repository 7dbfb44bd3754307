import { aggregateStream, defineProjection, eventsAsOf, manualClock, runProjection, seededIds, type AsOf, type StoredEvent } from '@itt-ledger/core';
import { instantArbitrary } from '@itt-ledger/core/testing';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

type Added = Extract<ContractEvent, { type: 'ItemAdded' }>;
type Seen = readonly string[];
const seen = {
  initialState: [] as Seen,
  evolve: (state: Seen, event: StoredEvent<ContractEvent>): Seen => (event.type === 'ItemAdded' ? [...state, event.data.itemId] : state),
};
const everything = defineProjection<Added, Seen>({ name: 'everything', initialState: () => [], handlers: { ItemAdded: (s, e) => [...s, e.data.itemId] } });

const streams = ['room-a', 'room-b', 'room-c'] as const;
// Each append happens at a random business time (not in log order) and is recorded some time after the last.
const stepArb = fc.record({
  stream: fc.constantFrom(...streams),
  occurredAt: instantArbitrary('2024-09-01T00:00:00.000Z', '2024-10-31T00:00:00.000Z'),
  laterMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
  size: fc.integer({ min: 1, max: 3 }),
});
type Clock = 'recordedAt' | 'occurredAt';
// An instant: random, or exactly one an event carries (the boundary), written in UTC or at +01:00.
const queryArb = fc.record({
  clock: fc.constantFrom<Clock>('recordedAt', 'occurredAt'),
  random: instantArbitrary('2024-09-01T00:00:00.000Z', '2024-11-30T00:00:00.000Z'),
  pick: fc.option(fc.nat()),
  offset: fc.boolean(),
  revision: fc.option(fc.integer({ min: -1, max: 12 })),
});

const atOffset = (instant: string) => new Date(Date.parse(instant) + 3_600_000).toISOString().slice(0, 23) + '+01:00';

describe('as-of reads (property)', () => {
  it('aggregateStream and projections as of an instant equal folding only the events that satisfy it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 15 }), queryArb, async (steps, query) => {
        const clock = manualClock('2024-09-01T00:00:00.000Z');
        const store = createInMemoryEventStore({ registry: createContractRegistry(), clock, ids: seededIds(1) });
        let n = 0;
        for (const step of steps) {
          clock.advance(step.laterMs);
          const events = Array.from({ length: step.size }, () => ({
            type: 'ItemAdded' as const,
            data: { itemId: `item-${n++}`, quantity: 1, unit: 'each' },
            occurredAt: step.occurredAt,
          }));
          await store.appendToStream(step.stream, events);
        }
        const log = await store.readAll();
        const picked = query.pick === null || log.length === 0 ? query.random : log[query.pick % log.length]![query.clock];
        const at = query.offset ? atOffset(picked) : picked;
        const asOf: AsOf = { [query.clock]: at, ...(query.revision === null ? {} : { revision: BigInt(query.revision) }) };
        // The model: compare times as numbers, not as the strings the kernel compares.
        const holds = (event: StoredEvent<ContractEvent>) =>
          Date.parse(event[query.clock]) <= Date.parse(at) && (query.revision === null || event.streamRevision <= BigInt(query.revision));

        for (const streamId of streams) {
          const expected = log.filter((event) => event.streamId === streamId && holds(event)).reduce(seen.evolve, seen.initialState);
          expect((await aggregateStream(store, streamId, seen, { asOf })).state).toEqual(expected);
        }
        const projected = runProjection(everything, eventsAsOf(log as StoredEvent<Added>[], asOf));
        expect(projected).toEqual(log.filter(holds).reduce(seen.evolve, seen.initialState));
      }),
      { numRuns: 250, seed: 20240902 },
    );
  });
});
