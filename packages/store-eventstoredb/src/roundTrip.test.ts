import { randomUUID } from 'node:crypto';
import { manualClock, seededIds, type EventStore, type NewEvent, type StoredEvent } from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { describe, expect, it } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';
import { useTestServer } from './testServer.fixtures.js';

const server = useTestServer();

const at = (instant: string) => ({ occurredAt: instant });
// Upcast versions, personal data, nested defaults, metadata, given and generated ids, three streams.
const batches = (prefix: string): readonly [string, NewEvent<ContractEvent>[]][] => [
  [`${prefix}room-1`, [
    { type: 'ItemAdded', data: { itemId: 'cup', quantity: 2, unit: 'each' }, ...at('2024-09-02T08:00:00+01:00'), metadata: { actor: 'lead-mentor:7', correlationId: 'c-1' } },
    { type: 'ItemAdded', schemaVersion: 1, data: { itemId: 'jug', quantity: 1 }, ...at('2024-09-02T09:00:00Z') } as unknown as NewEvent<ContractEvent>,
  ]],
  [`${prefix}notes`, [
    { type: 'NoteWritten', data: { authorId: 'mentor-3', text: 'Weekly meeting held; targets set.' }, ...at('2024-09-03T15:30:00Z'), metadata: { causationId: 'cmd-9' } } as NewEvent<ContractEvent>,
    { type: 'NoteWritten', data: { authorId: 'mentor-3', text: 'Follow-up', tags: [{ name: 'irp' }] }, ...at('2024-09-04T15:30:00Z'), eventId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
  ]],
  [`${prefix}room-1`, [{ type: 'ItemRemoved', data: { itemId: 'cup' }, ...at('2024-09-05T10:00:00Z') }]],
  [`${prefix}room-2`, [{ type: 'ItemAdded', data: { itemId: 'pan', quantity: 0, unit: 'box' }, ...at('2024-09-06T10:00:00Z') }]],
];

const write = async (store: EventStore<ContractEvent>, prefix: string, clock: ReturnType<typeof manualClock>) => {
  for (const [streamId, events] of batches(prefix)) {
    clock.advance(3_600_000);
    await store.appendToStream(streamId, events);
  }
};

/** Positions differ by design (an index in memory, $all offsets on the server): compare their order instead. */
const comparable = (events: readonly StoredEvent<ContractEvent>[], prefix: string) => {
  const order = [...events].map((event) => event.globalPosition).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return events.map((event) => ({ ...event, streamId: event.streamId.slice(prefix.length), globalPosition: order.indexOf(event.globalPosition) }));
};
const json = (value: unknown) => JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? `${field}n` : field));

describe('round trip: what the adapter reads back is what the in-memory store holds', () => {
  it('for the same input, clock and ids: envelopes equal, frozen, byte for byte the same as JSON', async () => {
    const prefix = `rt-${randomUUID()}-`;
    const [memoryClock, esdbClock] = [manualClock('2024-09-02T08:00:00.000Z'), manualClock('2024-09-02T08:00:00.000Z')];
    const memory = createInMemoryEventStore({ registry: createContractRegistry(), clock: memoryClock, ids: seededIds(42) });
    const esdb = createEventStoreDbStore({ registry: createContractRegistry(), clock: esdbClock, ids: seededIds(42), connectionString: server.connectionString });
    try {
      await write(memory, '', memoryClock);
      await write(esdb, prefix, esdbClock);
      const expected = comparable(await memory.readAll(), '');
      const actual = comparable(await esdb.readAll({ filter: { streamPrefixes: [prefix] } }), prefix);
      expect(actual).toStrictEqual(expected);
      expect(json(actual)).toBe(json(expected));
      for (const streamId of ['room-1', 'notes', 'room-2']) {
        expect(comparable(await esdb.readStream(`${prefix}${streamId}`), prefix).map(({ globalPosition: _, ...rest }) => rest)).toStrictEqual(
          comparable(await memory.readStream(streamId), '').map(({ globalPosition: _, ...rest }) => rest),
        );
      }
      const [first] = await esdb.readStream(`${prefix}notes`);
      expect(Object.isFrozen(first) && Object.isFrozen(first?.data) && Object.isFrozen(first?.metadata)).toBe(true);
    } finally {
      await esdb.close();
    }
  });
});
