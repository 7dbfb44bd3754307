import {
  CommandRejectedError,
  EventValidationError,
  InvalidArgumentError,
  IttLedgerError,
  WrongExpectedRevisionError,
  createCommandHandler,
  evolveWith,
  manualClock,
  parseInstant,
  seededIds,
  steppingClock,
  type Decider,
  type HandleOptions,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

type AddItem = { readonly itemId: string; readonly quantity: number };
type Stock = { readonly total: number };
// The decider checks the quantity; the event schema checks the item id (non-empty).
const decider: Decider<AddItem, ContractEvent, Stock> = {
  initialState: { total: 0 },
  decide: ({ itemId, quantity }) => {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 50) {
      throw new CommandRejectedError('item.quantityInvalid', 'add 1 to 50 items', 'quantity');
    }
    return [{ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' } }];
  },
  evolve: evolveWith<ContractEvent, Stock>({
    ItemAdded: (s, { data }) => ({ total: s.total + data.quantity }),
    ItemRemoved: (s) => s,
    NoteWritten: (s) => s,
  }),
};

type Bad = { readonly streamId: string; readonly command: AddItem; readonly options: HandleOptions; readonly error: new (...args: never[]) => Error };

const goodItem = fc.constantFrom('cup', 'jug', 'pan');
const goodCommand = fc.record({ itemId: goodItem, quantity: fc.integer({ min: 1, max: 50 }) });
const badQuantity = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 51 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
);
const badInstant = fc.string().filter((s) => parseInstant(s) === undefined);
const badStreamId = fc.oneof(fc.constant(''), fc.string({ minLength: 513, maxLength: 600 }), fc.string().map((s) => `a\u0001${s}`));
const badMetadata = fc.oneof(
  fc.record({ actor: fc.constant('') }),
  fc.record({ correlationId: fc.string({ minLength: 513, maxLength: 600 }) }),
);

const cup = { itemId: 'cup', quantity: 1 };
const badInput: fc.Arbitrary<Bad> = fc.oneof(
  badQuantity.map((quantity) => ({ streamId: 'room-1', command: { itemId: 'cup', quantity }, options: {}, error: CommandRejectedError })),
  fc.constant({ streamId: 'room-1', command: { itemId: '', quantity: 1 }, options: {}, error: EventValidationError }),
  badInstant.map((occurredAt) => ({ streamId: 'room-1', command: cup, options: { occurredAt }, error: InvalidArgumentError })),
  badStreamId.map((streamId) => ({ streamId, command: cup, options: {}, error: InvalidArgumentError })),
  badMetadata.map((metadata) => ({ streamId: 'room-1', command: cup, options: { metadata }, error: EventValidationError })),
  // A revision the stream is not at: filled in below, once the history is known.
  fc.constant({ streamId: 'room-1', command: cup, options: {}, error: WrongExpectedRevisionError }),
);

describe('command handler (property)', () => {
  it('refuses invalid input with a typed error and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(goodCommand, { maxLength: 6 }),
        badInput,
        async (history, bad) => {
          const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: manualClock('2024-09-02T08:00:00Z'), ids: seededIds(1) });
          const handle = createCommandHandler({ store, decider, clock: steppingClock('2024-09-01T08:00:00Z') });
          for (const command of history) await handle('room-1', command);
          const before = await store.readAll();
          const options = bad.error === WrongExpectedRevisionError ? { expectedRevision: BigInt(history.length) } : bad.options;
          const error = await handle(bad.streamId, bad.command, options).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(IttLedgerError);
          expect(error).toBeInstanceOf(bad.error);
          expect(await store.readAll()).toEqual(before);
        },
      ),
      { numRuns: 250, seed: 20240902 },
    );
  });
});
