import {
  aggregateStream,
  defineProjection,
  eventsAsOf,
  manualClock,
  readStreamIfExists,
  runProjection,
  seededIds,
  type AsOf,
  type NewEvent,
  type StoredEvent,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInMemoryEventStore, type InMemoryEventStore } from './inMemoryEventStore.js';

type Total = { readonly total: number; readonly items: readonly string[] };
const totals = {
  initialState: { total: 0, items: [] } as Total,
  evolve: (state: Total, event: StoredEvent<ContractEvent>): Total =>
    event.type === 'ItemAdded' ? { total: state.total + event.data.quantity, items: [...state.items, event.data.itemId] } : state,
};
const added = (itemId: string, quantity: number, occurredAt: string): NewEvent<ContractEvent> => ({
  type: 'ItemAdded',
  data: { itemId, quantity, unit: 'each' },
  occurredAt,
});

describe('aggregateStream as of', () => {
  let store: InMemoryEventStore<ContractEvent>;

  // Recorded in this order (store clock), but the jug was entered late: it happened before the pan.
  beforeEach(async () => {
    const clock = manualClock('2024-09-02T10:00:00Z');
    store = createInMemoryEventStore({ registry: createContractRegistry(), clock, ids: seededIds(1) });
    await store.appendToStream('room-1', [added('cup', 1, '2024-09-02T09:00:00Z')]);
    clock.set('2024-09-05T10:00:00Z');
    await store.appendToStream('room-1', [added('pan', 2, '2024-09-05T09:00:00Z')]);
    clock.set('2024-09-10T10:00:00Z');
    await store.appendToStream('room-1', [added('jug', 4, '2024-09-03T09:00:00Z')]);
    clock.set('2024-09-12T10:00:00Z');
    await store.appendToStream('room-1', [added('mug', 8, '2024-09-11T09:00:00Z')]);
  });

  const asOf = async (when: AsOf) => (await aggregateStream(store, 'room-1', totals, { asOf: when })).state.items;

  it('folds the whole stream without asOf, and reports its last revision', async () => {
    const result = await aggregateStream(store, 'room-1', totals);
    expect(result.state).toEqual({ total: 15, items: ['cup', 'pan', 'jug', 'mug'] });
    expect(result.streamRevision).toBe(3n);
    expect(result.events).toHaveLength(4);
  });

  it('as of a revision: the stream up to it', async () => {
    expect(await asOf({ revision: 1n })).toEqual(['cup', 'pan']);
    expect(await asOf({ revision: -1n })).toEqual([]);
  });

  it('as of recordedAt (what was known) differs from as of occurredAt (what had happened)', async () => {
    const when = '2024-09-06T00:00:00Z';
    expect(await asOf({ recordedAt: when })).toEqual(['cup', 'pan']);
    expect(await asOf({ occurredAt: when })).toEqual(['cup', 'pan', 'jug']);
    expect(await asOf({ occurredAt: '2024-09-04T00:00:00Z' })).toEqual(['cup', 'jug']);
    // What we believed on the 6th had happened by the 4th: the jug was not yet known.
    expect(await asOf({ occurredAt: '2024-09-04T00:00:00Z', recordedAt: when })).toEqual(['cup']);
  });

  it('still reports the stream’s last revision and only the events folded', async () => {
    const result = await aggregateStream(store, 'room-1', totals, { asOf: { recordedAt: '2024-09-06T00:00:00Z' } });
    expect(result.streamRevision).toBe(3n);
    expect(result.events.map((e) => e.streamRevision)).toEqual([0n, 1n]);
  });

  it('gives the initial state for a stream that does not exist', async () => {
    expect(await aggregateStream(store, 'room-2', totals)).toEqual({ state: totals.initialState, streamRevision: undefined, events: [] });
    expect(await readStreamIfExists(store, 'room-2')).toBeUndefined();
  });

  it('lets other read errors through', async () => {
    await expect(aggregateStream(store, '', totals)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('projects the whole log as of an instant', async () => {
    const quantities = defineProjection<Extract<ContractEvent, { type: 'ItemAdded' }>, number>({
      name: 'quantities',
      initialState: () => 0,
      handlers: { ItemAdded: (sum, { data }) => sum + data.quantity },
    });
    const all = (await store.readAll()) as StoredEvent<Extract<ContractEvent, { type: 'ItemAdded' }>>[];
    expect(runProjection(quantities, eventsAsOf(all, { recordedAt: '2024-09-06T00:00:00Z' }))).toBe(3);
    expect(runProjection(quantities, eventsAsOf(all, { occurredAt: '2024-09-06T00:00:00Z' }))).toBe(7);
  });
});
