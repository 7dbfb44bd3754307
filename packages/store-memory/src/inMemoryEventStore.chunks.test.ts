import { seededIds, steppingClock, type NewEvent, type StoredEvent } from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// The store keeps an append's columns and builds each envelope on its first read, in chunks of 4,096
// events: these tests cross chunk boundaries, read out of order, and read again after a chunk let its
// columns go.
const added = (itemId: string, quantity: number): NewEvent<ContractEvent> =>
  ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' }, occurredAt: '2024-09-02T07:30:00.000Z' });
const STREAMS = ['s-0', 's-1', 's-2', 's-3', 's-4', 's-5', 's-6'];
const EVENTS = 9_000;

const filled = async () => {
  const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: steppingClock('2024-09-02T08:00:00.000Z'), ids: seededIds(11) });
  const written: { streamId: string; revision: number; itemId: string }[] = [];
  const revisions = new Map<string, number>();
  for (let i = 0; i < EVENTS; ) {
    const streamId = STREAMS[(i * 5) % STREAMS.length]!;
    const batch = 1 + (i % 3);
    const events = Array.from({ length: batch }, (_, k) => added(`item-${i + k}`, i + k));
    const next = revisions.get(streamId) ?? -1;
    await store.appendToStream(streamId, events, { expectedRevision: next < 0 ? 'no_stream' : BigInt(next) });
    events.forEach((_, k) => written.push({ streamId, revision: next + 1 + k, itemId: `item-${i + k}` }));
    revisions.set(streamId, next + batch);
    i += batch;
  }
  return { store, written };
};

const checkEvent = (event: StoredEvent<ContractEvent>, position: number, expected: { streamId: string; revision: number; itemId: string }) => {
  expect(Object.isFrozen(event)).toBe(true);
  expect(Object.isFrozen(event.data)).toBe(true);
  expect(event.globalPosition).toBe(BigInt(position));
  expect(event.streamId).toBe(expected.streamId);
  expect(event.streamRevision).toBe(BigInt(expected.revision));
  expect(event.data).toEqual({ itemId: expected.itemId, quantity: position, unit: 'each' });
};

describe('in-memory store: envelopes built on first read', () => {
  it('gives every event its envelope, whatever order the chunks are read in, and the same object on a second read', async () => {
    const { store, written } = await filled();
    expect(store.size()).toBe(written.length);
    // Streams first, backwards, from the last: chunks are built out of order, partly.
    const byStream = new Map<string, StoredEvent<ContractEvent>[]>();
    for (const streamId of [...STREAMS].reverse()) {
      const backwards = await store.readStream(streamId, { direction: 'backwards' });
      byStream.set(streamId, [...backwards].reverse());
    }
    const all = await store.readAll();
    expect(all).toHaveLength(written.length);
    all.forEach((event, position) => checkEvent(event, position, written[position]!));
    for (const [streamId, events] of byStream) {
      expect(events).toEqual(all.filter((event) => event.streamId === streamId));
      events.forEach((event) => expect(all[Number(event.globalPosition)]).toBe(event));
    }
    const again = await store.readAll({ fromPosition: 4_090n, maxCount: 100 });
    again.forEach((event, k) => expect(event).toBe(all[4_090 + k]));
  });

  it('answers an idempotent retry with the original result after its chunk was built', async () => {
    const { store, written } = await filled();
    const size = written.length;
    const [first] = await store.readStream('s-0', { maxCount: 1 });
    await store.readAll();
    const retry = await store.appendToStream('s-0', [{ ...added('item-0', 0), eventId: first!.eventId }], { expectedRevision: 'any' });
    expect(retry).toEqual({ nextExpectedRevision: 0n, position: 0n });
    expect(store.size()).toBe(size);
  });

  it('finds a retry by id before any read, in a chunk that still holds its columns', async () => {
    const { store, written } = await filled();
    const lastOfS1 = written.filter((w) => w.streamId === 's-1').at(-1)!;
    const [event] = await store.readStream('s-1', { fromRevision: BigInt(lastOfS1.revision), maxCount: 1 });
    const retry = await store.appendToStream('s-1', [{ ...added(lastOfS1.itemId, 0), eventId: event!.eventId }], { expectedRevision: 'stream_exists' });
    expect(retry.nextExpectedRevision).toBe(BigInt(lastOfS1.revision));
    expect(store.size()).toBe(written.length);
  });
});
