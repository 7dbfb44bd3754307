import {
  WrongExpectedRevisionError,
  createProjectionRunner,
  definePartitionedProjection,
  defineProjection,
  manualClock,
  runProjection,
  seededIds,
  withInlineProjections,
  type NewEvent,
  type StoredEvent,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';
import { stock, type Items, type Notes } from './projections.fixtures.js';

const notes = defineProjection<Notes, readonly string[]>({ name: 'notes', initialState: () => [], handlers: { NoteWritten: (s, e) => [...s, e.eventId] } });
const perItem = definePartitionedProjection<Items, readonly bigint[]>({
  name: 'perItem',
  partitionBy: (event) => event.data.itemId,
  initialState: () => [],
  handlers: { ItemAdded: (s, e) => [...s, e.globalPosition], ItemRemoved: (s, e) => [...s, -e.globalPosition] },
});
const projections = [stock, notes, perItem];

const OCCURRED = '2024-09-02T08:00:00.000Z';
const item = fc.constantFrom('cup', 'jug', 'pan', 'mug');
const eventArb: fc.Arbitrary<NewEvent<ContractEvent>> = fc.oneof(
  fc.record({ itemId: item, quantity: fc.integer({ min: 0, max: 9 }) }).map(({ itemId, quantity }) => ({ type: 'ItemAdded' as const, data: { itemId, quantity, unit: 'each' }, occurredAt: OCCURRED })),
  item.map((itemId) => ({ type: 'ItemRemoved' as const, data: { itemId }, occurredAt: OCCURRED })),
  fc.string({ maxLength: 8 }).map((text) => ({ type: 'NoteWritten' as const, data: { authorId: 'a', text, tags: [] }, occurredAt: OCCURRED })),
);
// Some appends expect a new stream and are refused when it already exists: the inline fold must skip them.
const appendArb = fc.record({
  stream: fc.constantFrom('s-1', 's-2', 's-3'),
  events: fc.array(eventArb, { minLength: 1, maxLength: 4 }),
  onlyIfNew: fc.boolean(),
});

describe('projection runner (property)', () => {
  it('rebuilding from zero gives the state inline projections kept up to date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(appendArb, { maxLength: 20 }), fc.integer({ min: 2, max: 7 }), async (appends, pageSize) => {
        const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: manualClock(OCCURRED), ids: seededIds(1) });
        const inline = createProjectionRunner({ store, projections });
        const inlineStore = withInlineProjections(store, inline);
        for (const { stream, events, onlyIfNew } of appends) {
          await inlineStore.appendToStream(stream, events, { expectedRevision: onlyIfNew ? 'no_stream' : 'any' }).catch((error: unknown) => {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
          });
        }
        const kept = { stock: inline.state(stock), notes: inline.state(notes), perItem: new Map(inline.state(perItem)) };

        const rebuilt = createProjectionRunner({ store, projections, pageSize });
        await rebuilt.rebuild();
        expect({ stock: rebuilt.state(stock), notes: rebuilt.state(notes), perItem: rebuilt.state(perItem) }).toEqual(kept);
        expect(projections.map((p) => rebuilt.position(p))).toEqual(projections.map((p) => inline.position(p)));

        await inline.rebuild();
        expect({ stock: inline.state(stock), notes: inline.state(notes), perItem: inline.state(perItem) }).toEqual(kept);

        const log = (await store.readAll()) as StoredEvent<Items>[];
        expect(kept.stock).toEqual(runProjection(stock, log));
        expect(kept.perItem).toEqual(runProjection(perItem, log));
      }),
      { numRuns: 200, seed: 20240902 },
    );
  });
});
