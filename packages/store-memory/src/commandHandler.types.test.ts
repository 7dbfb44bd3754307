import { aggregateStream, createCommandHandler, evolveWith, manualClock, type Decider } from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// A store holds every event type of an application; an aggregate's decider knows only its own.
type Items = Extract<ContractEvent, { type: 'ItemAdded' | 'ItemRemoved' }>;
const itemCount: Decider<{ type: 'Add'; itemId: string }, Items, number> = {
  initialState: 0,
  decide: (command) => [{ type: 'ItemAdded', data: { itemId: command.itemId, quantity: 1, unit: 'each' } }],
  evolve: evolveWith<Items, number>({ ItemAdded: (n) => n + 1, ItemRemoved: (n) => n - 1 }),
};

describe('command handler and aggregate over a store with more event types than the aggregate', () => {
  it('types the decided events as the aggregate’s, and folds the stream', async () => {
    const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: manualClock('2024-09-02T08:00:00Z') });
    const handle = createCommandHandler({ store, decider: itemCount, clock: manualClock('2024-09-02T08:00:00Z') });
    const result = await handle('shelf-1', { type: 'Add', itemId: 'cup' });
    expectTypeOf(result.events).toEqualTypeOf<readonly Items[]>();
    expect((await aggregateStream(store, 'shelf-1', itemCount)).state).toBe(1);
  });

  it('refuses, at compile time, a decider whose events the store does not know', () => {
    const store = createInMemoryEventStore({ registry: createContractRegistry() });
    const stranger: Decider<{ type: 'X' }, { type: 'Teleported'; data: null }, number> = {
      initialState: 0,
      decide: () => [],
      evolve: (n) => n,
    };
    // @ts-expect-error 'Teleported' is not an event of the store's registry
    const handle = createCommandHandler({ store, decider: stranger, clock: manualClock('2024-09-02T08:00:00Z') });
    expect(typeof handle).toBe('function');
  });
});
