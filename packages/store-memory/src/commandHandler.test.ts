import {
  CommandRejectedError,
  EventValidationError,
  InvalidArgumentError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  createCommandHandler,
  deriveEventId,
  evolveWith,
  fixedClock,
  manualClock,
  seededIds,
  steppingClock,
  type Decider,
  type EventStore,
  type HandleOptions,
  type RetryPolicy,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// A domain-free stock room over the contract suite's events: at most 100 items in all.
type Command =
  | { readonly type: 'AddItem'; readonly itemId: string; readonly quantity: number }
  | { readonly type: 'RemoveItem'; readonly itemId: string }
  | { readonly type: 'Restock'; readonly itemIds: readonly string[] };
type Stock = { readonly items: Readonly<Record<string, number>>; readonly total: number };
const CAPACITY = 100;

const added = (itemId: string, quantity: number): ContractEvent => ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' } });
const decider: Decider<Command, ContractEvent, Stock> = {
  initialState: { items: {}, total: 0 },
  decide: (command, state) => {
    switch (command.type) {
      case 'AddItem':
        if (!Number.isInteger(command.quantity) || command.quantity < 1) {
          throw new CommandRejectedError('item.quantityInvalid', 'add a whole number of items', 'quantity');
        }
        if (state.total + command.quantity > CAPACITY) throw new CommandRejectedError('stock.full', 'no room for that many', 'quantity');
        return [added(command.itemId, command.quantity)];
      case 'RemoveItem':
        return state.items[command.itemId] === undefined ? [] : [{ type: 'ItemRemoved', data: { itemId: command.itemId } }];
      case 'Restock':
        return command.itemIds.map((itemId) => added(itemId, 1));
    }
  },
  evolve: evolveWith<ContractEvent, Stock>({
    ItemAdded: (s, { data }) => ({ items: { ...s.items, [data.itemId]: (s.items[data.itemId] ?? 0) + data.quantity }, total: s.total + data.quantity }),
    ItemRemoved: (s, { data }) => {
      const { [data.itemId]: gone = 0, ...items } = s.items;
      return { items, total: s.total - gone };
    },
    NoteWritten: (s) => s,
  }),
};

const OCCURRED = '2024-09-02T08:00:00.000Z';
const RECORDED = '2024-09-03T12:00:00.000Z';
const setup = (retry?: RetryPolicy) => {
  const store = createInMemoryEventStore({ registry: createContractRegistry(), clock: manualClock(RECORDED), ids: seededIds(1) });
  const handle = createCommandHandler({ store, decider, clock: fixedClock(OCCURRED), ...(retry ? { retry } : {}) });
  return { store, handle };
};
const add = (itemId: string, quantity: number): Command => ({ type: 'AddItem', itemId, quantity });

/** A store where, before each of the first `times` appends, another writer appends `rival` to the same stream. */
const withRival = (store: EventStore<ContractEvent>, times: number, rival = added('rival', 1)) => {
  let left = times;
  let appends = 0;
  const wrapped: EventStore<ContractEvent> = {
    ...store,
    appendToStream: async (streamId, events, options) => {
      appends++;
      if (left-- > 0) await store.appendToStream(streamId, [{ ...rival, occurredAt: OCCURRED }]);
      return store.appendToStream(streamId, events, options);
    },
  };
  return { store: wrapped, appends: () => appends };
};

describe('command handler: load, decide, append', () => {
  it('appends what the decider decides, at the revision it read, and returns the new state', async () => {
    const { store, handle } = setup();
    const first = await handle('room-1', add('cup', 2));
    expect(first).toEqual({ state: { items: { cup: 2 }, total: 2 }, events: [added('cup', 2)], nextExpectedRevision: 0n, position: 0n, attempts: 1, alreadyHandled: false });
    const second = await handle('room-1', add('jug', 3));
    expect(second).toMatchObject({ state: { items: { cup: 2, jug: 3 }, total: 5 }, nextExpectedRevision: 1n, position: 1n });
    const stream = await store.readStream('room-1');
    expect(stream.map((e) => [e.type, e.data])).toEqual([
      ['ItemAdded', { itemId: 'cup', quantity: 2, unit: 'each' }],
      ['ItemAdded', { itemId: 'jug', quantity: 3, unit: 'each' }],
    ]);
  });

  it('appends nothing when the decision is to do nothing', async () => {
    const { store, handle } = setup();
    const onMissing = await handle('room-1', { type: 'RemoveItem', itemId: 'cup' });
    expect(onMissing).toEqual({ state: decider.initialState, events: [], nextExpectedRevision: -1n, attempts: 1, alreadyHandled: false });
    expect(store.size()).toBe(0);
    await handle('room-1', add('jug', 1));
    expect(await handle('room-1', { type: 'RemoveItem', itemId: 'cup' })).toMatchObject({ events: [], nextExpectedRevision: 0n });
    expect(store.size()).toBe(1);
  });

  it('lets a refusal through and writes nothing', async () => {
    const { store, handle } = setup();
    await handle('room-1', add('cup', 99));
    await expect(handle('room-1', add('jug', 2))).rejects.toMatchObject({ constructor: CommandRejectedError, reason: 'stock.full', field: 'quantity' });
    await expect(handle('room-1', add('jug', 0.5))).rejects.toMatchObject({ reason: 'item.quantityInvalid', field: 'quantity' });
    expect(store.size()).toBe(1);
  });

  it('lets the store refuse an invalid event and writes nothing', async () => {
    const { store, handle } = setup();
    const error = await handle('room-1', add('', 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).issues.map((i) => i.path)).toEqual([['data', 'itemId']]);
    expect(store.size()).toBe(0);
  });
});

describe('command handler: time and metadata', () => {
  it('stamps occurredAt from the injected clock, and recordedAt is the store’s', async () => {
    const { store, handle } = setup();
    await handle('room-1', add('cup', 1));
    const [event] = await store.readStream('room-1');
    expect([event?.occurredAt, event?.recordedAt]).toEqual([OCCURRED, RECORDED]);
  });

  it('takes an explicit occurredAt, normalised, and refuses a bad one before writing', async () => {
    const { store, handle } = setup();
    await handle('room-1', add('cup', 1), { occurredAt: '2024-09-01T09:30:00+01:00' });
    expect((await store.readStream('room-1'))[0]?.occurredAt).toBe('2024-09-01T08:30:00.000Z');
    await expect(handle('room-1', add('cup', 1), { occurredAt: '1 Sept' })).rejects.toMatchObject({ constructor: InvalidArgumentError, field: 'occurredAt' });
    expect(store.size()).toBe(1);
  });

  it('passes metadata through to every event', async () => {
    const { store, handle } = setup();
    const metadata = { actor: 'user-7', correlationId: 'req-1', causationId: 'cmd-0' };
    await handle('room-1', { type: 'Restock', itemIds: ['a', 'b'] }, { metadata });
    await handle('room-1', add('c', 1));
    expect((await store.readStream('room-1')).map((e) => e.metadata)).toEqual([metadata, metadata, {}]);
  });
});

describe('command handler: concurrent writers', () => {
  it('reloads and decides again when another writer got there first', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 2);
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED), retry: { maxAttempts: 3 } });
    const result = await handle('room-1', add('cup', 5));
    expect(result).toMatchObject({ attempts: 3, nextExpectedRevision: 2n, state: { items: { rival: 2, cup: 5 }, total: 7 } });
    expect((await inner.readStream('room-1')).map((e) => (e.data as { itemId: string }).itemId)).toEqual(['rival', 'rival', 'cup']);
  });

  it('decides against what it reloaded, so a rule broken by the other writer refuses the command', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 1, added('rival', 60));
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED) });
    await expect(handle('room-1', add('cup', 50))).rejects.toMatchObject({ reason: 'stock.full' });
    expect(inner.size()).toBe(1);
  });

  it('gives up after maxAttempts with the WrongExpectedRevisionError, having written nothing of its own', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 3);
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED), retry: { maxAttempts: 3 } });
    await expect(handle('room-1', add('cup', 5))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(rival.appends()).toBe(3);
    expect((await inner.readAll()).map((e) => (e.data as { itemId: string }).itemId)).toEqual(['rival', 'rival', 'rival']);
  });

  it('tries three times by default and once when told to', async () => {
    for (const [retry, appends] of [[undefined, 3], [{ maxAttempts: 1 }, 1]] as const) {
      const { store: inner } = setup();
      const rival = withRival(inner, 10);
      const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED), ...(retry ? { retry } : {}) });
      await expect(handle('room-1', add('cup', 1))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(rival.appends()).toBe(appends);
    }
  });

  it('waits between attempts as the policy says, through the injected sleep', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 2);
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED), retry: { maxAttempts: 3, delayMs: (attempt) => attempt * 10 }, sleep });
    await handle('room-1', add('cup', 1));
    expect(slept).toEqual([20, 30]);
  });

  it('keeps the occurredAt of the first attempt on a retry', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 1);
    const handle = createCommandHandler({ store: rival.store, decider, clock: steppingClock('2024-09-02T10:00:00.000Z', 1000) });
    await handle('room-1', add('cup', 1));
    expect((await inner.readStream('room-1'))[1]?.occurredAt).toBe('2024-09-02T10:00:00.000Z');
  });

  it('never retries when the caller gave the expected revision', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 1);
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED), retry: { maxAttempts: 5 } });
    await expect(handle('room-1', add('cup', 1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(rival.appends()).toBe(1);
    expect(inner.size()).toBe(1);
  });

  it('appends at the expected revision the caller gave when it still holds', async () => {
    const { store, handle } = setup();
    await handle('room-1', add('cup', 1));
    expect(await handle('room-1', add('jug', 1), { expectedRevision: 0n })).toMatchObject({ nextExpectedRevision: 1n, attempts: 1 });
    await expect(handle('room-1', add('pan', 1), { expectedRevision: 0n })).rejects.toMatchObject({ expected: 0n, actual: 1n });
    expect(store.size()).toBe(2);
  });

  it('refuses a retry policy without a whole number of attempts ≥ 1', () => {
    const { store } = setup();
    for (const maxAttempts of [0, -1, 1.5, Number.NaN]) {
      expect(() => createCommandHandler({ store, decider, clock: fixedClock(OCCURRED), retry: { maxAttempts } })).toThrow(
        expect.objectContaining({ constructor: InvalidArgumentError, field: 'retry.maxAttempts' }),
      );
    }
  });
});

describe('command handler: idempotent commands', () => {
  const restock: Command = { type: 'Restock', itemIds: ['a', 'b', 'c'] };
  const options: HandleOptions = { commandId: 'cmd-42' };

  it('derives the event ids from the command id', async () => {
    const { store, handle } = setup();
    await handle('room-1', restock, options);
    expect((await store.readStream('room-1')).map((e) => e.eventId)).toEqual([0, 1, 2].map((i) => deriveEventId('room-1', 'cmd-42', i)));
  });

  it('answers a command already in the stream with alreadyHandled, deciding and writing nothing', async () => {
    const { store, handle } = setup();
    await handle('room-1', restock, options);
    await handle('room-1', add('d', 1));
    const again = await handle('room-1', restock, options);
    expect(again).toEqual({ state: { items: { a: 1, b: 1, c: 1, d: 1 }, total: 4 }, events: [], nextExpectedRevision: 3n, attempts: 1, alreadyHandled: true });
    expect(store.size()).toBe(4);
    expect(await handle('room-1', restock, { commandId: 'cmd-43' })).toMatchObject({ alreadyHandled: false, nextExpectedRevision: 6n });
  });

  it('makes a retry after an unknown outcome safe', async () => {
    const { store: inner } = setup();
    let failNext = true;
    const flaky: EventStore<ContractEvent> = {
      ...inner,
      appendToStream: async (streamId, events, appendOptions) => {
        const result = await inner.appendToStream(streamId, events, appendOptions);
        if (failNext) {
          failNext = false;
          throw new StoreUnavailableError('timed out after writing');
        }
        return result;
      },
    };
    const handle = createCommandHandler({ store: flaky, decider, clock: fixedClock(OCCURRED) });
    await expect(handle('room-1', restock, options)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await handle('room-1', restock, options)).toMatchObject({ alreadyHandled: true, events: [] });
    expect(inner.size()).toBe(3);
  });

  it('uses the same ids on every attempt of a retried command', async () => {
    const { store: inner } = setup();
    const rival = withRival(inner, 1);
    const handle = createCommandHandler({ store: rival.store, decider, clock: fixedClock(OCCURRED) });
    expect(await handle('room-1', add('cup', 1), { commandId: 'cmd-7' })).toMatchObject({ attempts: 2 });
    expect((await inner.readStream('room-1'))[1]?.eventId).toBe(deriveEventId('room-1', 'cmd-7', 0));
  });
});
