import {
  InvalidArgumentError,
  createInMemoryProjectionStateStore,
  createProjectionRunner,
  definePartitionedProjection,
  defineProjection,
  manualClock,
  runProjection,
  seededIds,
  withInlineProjections,
  type EventStore,
  type NewEvent,
  type ProjectionSnapshot,
  type ProjectionStateStore,
  type StoredEvent,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';
import { stock, type Items, type Notes } from './projections.fixtures.js';

const noteCount = defineProjection<Notes, number>({ name: 'noteCount', initialState: () => 0, handlers: { NoteWritten: (n) => n + 1 } });
const addsPerItem = definePartitionedProjection<Items, number>({
  name: 'addsPerItem',
  partitionBy: (event) => event.data.itemId,
  initialState: () => 0,
  handlers: { ItemAdded: (n) => n + 1, ItemRemoved: (n) => n },
});

const OCCURRED = '2024-09-02T08:00:00.000Z';
const added = (itemId: string, quantity = 1): NewEvent<ContractEvent> => ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' }, occurredAt: OCCURRED });
const removed = (itemId: string): NewEvent<ContractEvent> => ({ type: 'ItemRemoved', data: { itemId }, occurredAt: OCCURRED });
const note = (text: string): NewEvent<ContractEvent> => ({ type: 'NoteWritten', data: { authorId: 'a', text, tags: [] }, occurredAt: OCCURRED });
const newStore = () => createInMemoryEventStore({ registry: createContractRegistry(), clock: manualClock(OCCURRED), ids: seededIds(1) });

/** A state store that can be awaited until a projection's checkpoint reaches a position. */
const watchedStateStore = () => {
  const inner = createInMemoryProjectionStateStore();
  const waiting: { name: string; position: bigint; resolve: () => void }[] = [];
  const reached = (snapshot: ProjectionSnapshot | undefined, position: bigint) => snapshot?.position !== undefined && snapshot.position >= position;
  const stateStore: ProjectionStateStore = {
    load: inner.load,
    save: async (name, snapshot) => {
      await inner.save(name, snapshot);
      for (const wait of [...waiting]) {
        if (wait.name === name && reached(snapshot, wait.position)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.resolve();
        }
      }
    },
  };
  const savedAt = async (name: string, position: bigint) => {
    if (reached(await inner.load(name), position)) return;
    await new Promise<void>((resolve) => waiting.push({ name, position, resolve }));
  };
  return { stateStore, savedAt, saves: inner.saves };
};

describe('projection runner: catch-up and rebuild', () => {
  it('folds every event in global order into each projection', async () => {
    const store = newStore();
    await store.appendToStream('room-1', [added('cup', 2), added('jug')]);
    await store.appendToStream('notes', [note('hello')]);
    await store.appendToStream('room-2', [removed('cup'), added('pan', 3)]);
    const runner = createProjectionRunner({ store, projections: [stock, noteCount, addsPerItem] });
    await runner.catchUp();
    expect(runner.state(stock)).toEqual({ jug: 1, pan: 3 });
    expect(runner.state(noteCount)).toBe(1);
    expect(runner.state(addsPerItem)).toEqual(new Map([['cup', 1], ['jug', 1], ['pan', 1]]));
    expect(runner.state(stock)).toEqual(runProjection(stock, (await store.readAll()) as StoredEvent<Items>[]));
  });

  it('checkpoints the last event considered, even one of a type the projection does not handle', async () => {
    const store = newStore();
    await store.appendToStream('notes', [note('a')]);
    await store.appendToStream('room-1', [added('cup'), added('jug')]);
    const runner = createProjectionRunner({ store, projections: [stock, noteCount] });
    expect(runner.position(noteCount)).toBeUndefined();
    await runner.catchUp();
    expect(runner.position(stock)).toBe(2n);
    expect(runner.position(noteCount)).toBe(2n);
  });

  it('folds nothing twice when caught up again, and only what is new', async () => {
    const store = newStore();
    await store.appendToStream('room-1', [added('cup')]);
    const runner = createProjectionRunner({ store, projections: [stock] });
    await runner.catchUp();
    await runner.catchUp();
    expect(runner.state(stock)).toEqual({ cup: 1 });
    await store.appendToStream('room-1', [added('cup', 4)]);
    await runner.catchUp();
    expect(runner.state(stock)).toEqual({ cup: 5 });
  });

  it('after a handler throws, a catch-up folds the event into the projections that missed it, and not twice into the others', async () => {
    const store = newStore();
    await store.appendToStream('room-1', [added('cup'), added('jug')]);
    let failOnJug = true;
    const picky = defineProjection<Items, number>({
      name: 'picky',
      initialState: () => 0,
      handlers: {
        ItemAdded: (n, { data }) => {
          if (data.itemId === 'jug' && failOnJug) throw new Error('not now');
          return n + 1;
        },
        ItemRemoved: (n) => n,
      },
    });
    const runner = createProjectionRunner({ store, projections: [addsPerItem, picky, noteCount] });
    await expect(runner.catchUp()).rejects.toThrow('not now');
    expect(runner.position(addsPerItem)).toBe(1n);
    expect(runner.position(picky)).toBe(0n);
    failOnJug = false;
    await runner.catchUp();
    expect(runner.state(addsPerItem)).toEqual(new Map([['cup', 1], ['jug', 1]]));
    expect(runner.state(picky)).toBe(2);
    expect([runner.position(addsPerItem), runner.position(picky), runner.position(noteCount)]).toEqual([1n, 1n, 1n]);
  });

  it('rebuild forgets every state and folds the store from zero', async () => {
    const store = newStore();
    await store.appendToStream('room-1', [added('cup', 2), note('n'), added('cup')]);
    const runner = createProjectionRunner({ store, projections: [stock, noteCount, addsPerItem] });
    await runner.catchUp();
    await runner.rebuild();
    expect(runner.state(stock)).toEqual({ cup: 3 });
    expect(runner.state(noteCount)).toBe(1);
    expect(runner.state(addsPerItem)).toEqual(new Map([['cup', 2]]));
    expect(runner.position(stock)).toBe(2n);
  });

  it('reads in pages of pageSize and gets the same result', async () => {
    const store = newStore();
    for (let i = 0; i < 25; i++) await store.appendToStream(`room-${i % 3}`, [i % 4 === 3 ? note(`n${i}`) : added(`item-${i % 5}`, i)]);
    let reads = 0;
    const counting: EventStore<ContractEvent> = { ...store, readAll: (options) => (reads++, store.readAll(options)) };
    const paged = createProjectionRunner({ store: counting, projections: [stock, noteCount, addsPerItem], pageSize: 2 });
    const whole = createProjectionRunner({ store, projections: [stock, noteCount, addsPerItem] });
    await paged.catchUp();
    await whole.catchUp();
    expect(reads).toBeGreaterThanOrEqual(24);
    expect(paged.state(stock)).toEqual(whole.state(stock));
    expect(paged.state(noteCount)).toEqual(whole.state(noteCount));
    expect(paged.state(addsPerItem)).toEqual(whole.state(addsPerItem));
    expect(paged.position(stock)).toBe(24n);
  });

  it('refuses two projections of one name, a pageSize below 2 and a projection it does not run', () => {
    const store = newStore();
    const again = defineProjection<Notes, number>({ name: 'stock', initialState: () => 0, handlers: { NoteWritten: (n) => n } });
    expect(() => createProjectionRunner({ store, projections: [stock, again] })).toThrow(expect.objectContaining({ constructor: InvalidArgumentError, field: 'projections' }));
    for (const pageSize of [1, 0, 2.5]) {
      expect(() => createProjectionRunner({ store, projections: [stock], pageSize })).toThrow(expect.objectContaining({ field: 'pageSize' }));
    }
    expect(() => createProjectionRunner({ store, projections: [stock] }).state(noteCount)).toThrow(InvalidArgumentError);
  });
});

describe('projection runner: checkpoints', () => {
  it('saves each projection’s state and checkpoint in the state store', async () => {
    const store = newStore();
    await store.appendToStream('room-1', [added('cup'), note('n')]);
    const stateStore = createInMemoryProjectionStateStore();
    await createProjectionRunner({ store, projections: [stock, noteCount], stateStore }).catchUp();
    expect(await stateStore.load('stock')).toEqual({ state: { cup: 1 }, position: 1n });
    expect(await stateStore.load('noteCount')).toEqual({ state: 1, position: 1n });
  });

  it('a second runner over the same state store resumes from the checkpoint without folding anything twice', async () => {
    const store = newStore();
    const stateStore = createInMemoryProjectionStateStore();
    await store.appendToStream('room-1', [added('cup'), added('jug')]);
    await createProjectionRunner({ store, projections: [stock, addsPerItem], stateStore }).catchUp();
    await store.appendToStream('room-1', [added('cup', 5)]);

    const folded: bigint[] = [];
    const watched = { ...stock, evolve: (s: Readonly<Record<string, number>>, e: StoredEvent<Items>) => (folded.push(e.globalPosition), stock.evolve(s, e)) };
    const second = createProjectionRunner({ store, projections: [watched, addsPerItem], stateStore });
    await second.catchUp();
    expect(folded).toEqual([2n]);
    expect(second.state(watched)).toEqual({ cup: 6, jug: 1 });
    expect(second.state(addsPerItem)).toEqual(new Map([['cup', 2], ['jug', 1]]));
  });

  it('a saved checkpoint does not change when the runner folds on without saving', async () => {
    const store = newStore();
    const { stateStore, savedAt } = watchedStateStore();
    await store.appendToStream('room-1', [added('cup')]);
    let folded: (position: bigint) => void = () => undefined;
    const watched = { ...addsPerItem, evolve: (s: ReadonlyMap<string, number>, e: StoredEvent<Items>) => (folded(e.globalPosition), addsPerItem.evolve(s, e)) };
    const live = createProjectionRunner({ store, projections: [watched], stateStore, checkpointEvery: 1_000 });
    const subscription = await live.start();
    await savedAt('addsPerItem', 0n);
    const second = new Promise<void>((resolve) => (folded = (position) => position === 1n && resolve()));
    await store.appendToStream('room-1', [added('cup')]);
    await second; // folded live, and not saved: the checkpoint is every 1000 events
    await subscription.close();
    expect(live.state(watched)).toEqual(new Map([['cup', 2]]));

    const next = createProjectionRunner({ store, projections: [addsPerItem], stateStore });
    await next.catchUp();
    expect(next.state(addsPerItem)).toEqual(new Map([['cup', 2]]));
  });
});

describe('projection runner: when checkpoints are saved', () => {
  it('inline appends save only every checkpointEvery events, and checkpoint() saves now', async () => {
    const store = newStore();
    const stateStore = createInMemoryProjectionStateStore();
    const runner = createProjectionRunner({ store, projections: [stock], stateStore, checkpointEvery: 3 });
    const inline = withInlineProjections(store, runner);
    await inline.appendToStream('room-1', [added('cup')]);
    await inline.appendToStream('room-1', [added('cup')]);
    expect(stateStore.saves()).toBe(0);
    await inline.appendToStream('room-1', [added('jug')]);
    expect(stateStore.saves()).toBe(1);
    expect(await stateStore.load('stock')).toEqual({ state: { cup: 2, jug: 1 }, position: 2n });
    await inline.appendToStream('room-1', [added('pan')]);
    expect(stateStore.saves()).toBe(1);
    await runner.checkpoint();
    expect(await stateStore.load('stock')).toEqual({ state: { cup: 2, jug: 1, pan: 1 }, position: 3n });
  });

  it('an explicit catch-up saves whenever it folded something, and only then', async () => {
    const store = newStore();
    const stateStore = createInMemoryProjectionStateStore();
    const runner = createProjectionRunner({ store, projections: [stock], stateStore });
    await store.appendToStream('room-1', [added('cup')]);
    await runner.catchUp();
    expect(stateStore.saves()).toBe(1);
    await runner.catchUp();
    expect(stateStore.saves()).toBe(1);
  });

  it('runs without a state store, keeping state only in the runner', async () => {
    const store = newStore();
    const runner = createProjectionRunner({ store, projections: [stock] });
    await store.appendToStream('room-1', [added('cup')]);
    await runner.catchUp();
    await runner.checkpoint();
    expect(runner.state(stock)).toEqual({ cup: 1 });
  });

  it('refuses a checkpointEvery that is not a whole number ≥ 1', () => {
    const store = newStore();
    for (const checkpointEvery of [0, 1.5, Number.NaN]) {
      expect(() => createProjectionRunner({ store, projections: [stock], checkpointEvery })).toThrow(InvalidArgumentError);
    }
  });
});

describe('projection runner: live and inline', () => {
  it('start() catches up, then folds new events live until closed', async () => {
    const store = newStore();
    const { stateStore, savedAt } = watchedStateStore();
    await store.appendToStream('room-1', [added('cup'), added('jug')]);
    const runner = createProjectionRunner({ store, projections: [stock], stateStore, checkpointEvery: 1 });
    const subscription = await runner.start();
    await savedAt('stock', 1n);
    expect(runner.state(stock)).toEqual({ cup: 1, jug: 1 });

    await store.appendToStream('room-2', [added('cup', 2), removed('jug')]);
    await savedAt('stock', 3n);
    expect(runner.state(stock)).toEqual({ cup: 3 });

    await subscription.close();
    expect(await subscription.done).toEqual({ reason: 'closed' });
    await store.appendToStream('room-2', [added('pan')]);
    expect(runner.state(stock)).toEqual({ cup: 3 });
    await runner.catchUp();
    expect(runner.state(stock)).toEqual({ cup: 3, pan: 1 });
  });

  it('start() resumes after the saved checkpoint', async () => {
    const store = newStore();
    const { stateStore, savedAt } = watchedStateStore();
    await store.appendToStream('room-1', [added('cup'), added('jug')]);
    await createProjectionRunner({ store, projections: [stock], stateStore }).catchUp();
    await store.appendToStream('room-1', [added('pan')]);
    const folded: bigint[] = [];
    const watched = { ...stock, evolve: (s: Readonly<Record<string, number>>, e: StoredEvent<Items>) => (folded.push(e.globalPosition), stock.evolve(s, e)) };
    const runner = createProjectionRunner({ store, projections: [watched], stateStore });
    const subscription = await runner.start();
    await savedAt('stock', 2n);
    await subscription.close();
    expect(folded).toEqual([2n]);
    expect(runner.state(watched)).toEqual({ cup: 1, jug: 1, pan: 1 });
  });

  it('withInlineProjections: read models are current when append returns', async () => {
    const store = newStore();
    const runner = createProjectionRunner({ store, projections: [stock, noteCount] });
    const inline = withInlineProjections(store, runner);
    await inline.appendToStream('room-1', [added('cup', 2)]);
    expect(runner.state(stock)).toEqual({ cup: 2 });
    await inline.appendToStream('notes', [note('x')]);
    expect(runner.state(noteCount)).toBe(1);
    expect(runner.position(stock)).toBe(1n);
    expect(await inline.readStream('room-1')).toEqual(await store.readStream('room-1'));
  });

  it('withInlineProjections: a refused append folds nothing', async () => {
    const store = newStore();
    const runner = createProjectionRunner({ store, projections: [stock] });
    const inline = withInlineProjections(store, runner);
    await expect(inline.appendToStream('room-1', [added('cup')], { expectedRevision: 3n })).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION' });
    expect(runner.state(stock)).toEqual({});
  });

  it('withInlineProjections works over a store that is a class instance', async () => {
    class Delegating implements EventStore<ContractEvent> {
      constructor(private readonly inner: EventStore<ContractEvent>) {}
      get registry() {
        return this.inner.registry;
      }
      appendToStream(...args: Parameters<EventStore<ContractEvent>['appendToStream']>) {
        return this.inner.appendToStream(...args);
      }
      readStream(...args: Parameters<EventStore<ContractEvent>['readStream']>) {
        return this.inner.readStream(...args);
      }
      readAll(...args: Parameters<EventStore<ContractEvent>['readAll']>) {
        return this.inner.readAll(...args);
      }
      subscribe(...args: Parameters<EventStore<ContractEvent>['subscribe']>) {
        return this.inner.subscribe(...args);
      }
      close() {
        return this.inner.close();
      }
    }
    const store = new Delegating(newStore());
    const runner = createProjectionRunner({ store, projections: [stock] });
    const inline = withInlineProjections(store, runner);
    await inline.appendToStream('room-1', [added('cup')]);
    expect(inline.registry).toBe(store.registry);
    expect(await inline.readStream('room-1')).toHaveLength(1);
    expect(await inline.readAll()).toHaveLength(1);
    expect(runner.state(stock)).toEqual({ cup: 1 });
    await inline.close();
  });
});
