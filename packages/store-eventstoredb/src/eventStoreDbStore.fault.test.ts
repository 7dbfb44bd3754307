import {
  createCommandHandler,
  deriveEventId,
  evolveWith,
  manualClock,
  seededIds,
  seededRandom,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  type Decider,
  type EventStore,
  type StoredEvent,
  type SubscriptionEnd,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { startTestServer, type TestServer, type TestServerOptions } from '@itt-ledger/eventstoredb-testserver';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventStoreDbStore.js';

// Faults injected by the test server, seen through the real client over real gRPC. Each test has its own
// server: faults are server-wide. Short deadlines and backoffs keep the failing paths quick. Every test
// ends with the same check: what was meant to be stored is, each event exactly once, in order, gap-free,
// in its stream, in $all and on the server itself.
const OCCURRED = '2024-09-02T07:30:00.000Z';
const added = (itemId: string, eventId?: string) => ({
  type: 'ItemAdded' as const,
  data: { itemId, quantity: 1, unit: 'each' },
  occurredAt: OCCURRED,
  ...(eventId ? { eventId } : {}),
});
/** An event id of this test's own, so that the check knows every id it expects. */
const id = (name: string) => deriveEventId('fault-test', name);
const item = (name: string) => added(name, id(name));

type Store = EventStore<ContractEvent>;
const servers: TestServer[] = [];
const stores: Store[] = [];
const totals = { droppedAppends: 0, droppedReads: 0, droppedSubscriptions: 0, refusedCalls: 0, restarts: 0 };
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const server of servers.splice(0)) {
    const { droppedAppends, droppedReads, droppedSubscriptions, refusedCalls } = server.faults.stats;
    Object.assign(totals, {
      droppedAppends: totals.droppedAppends + droppedAppends,
      droppedReads: totals.droppedReads + droppedReads,
      droppedSubscriptions: totals.droppedSubscriptions + droppedSubscriptions,
      refusedCalls: totals.refusedCalls + refusedCalls,
      restarts: totals.restarts + server.restarts,
    });
    await server.close();
  }
});
afterAll(() => {
  console.log(`[faults] whole file: ${Object.entries(totals).map(([kind, n]) => `${kind}=${n}`).join(' ')}`);
});

const setup = async (serverOptions: TestServerOptions = {}, storeOptions: Partial<EventStoreDbStoreOptions<ContractEvent>> = {}) => {
  const server = await startTestServer(serverOptions);
  servers.push(server);
  const store = createEventStoreDbStore({
    registry: createContractRegistry(),
    clock: manualClock('2024-09-02T08:00:00.000Z'),
    ids: seededIds(7),
    connectionString: server.connectionString,
    deadlineMs: 300,
    retry: { retries: 3, initialDelayMs: 5, maxDelayMs: 40 },
    ...storeOptions,
  });
  stores.push(store);
  return { server, store };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const eventually = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
};
const copiesOf = (server: TestServer, eventId: string) => server.log.all.filter((event) => event.id === eventId).length;
const failure = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error);
const ids = (events: readonly StoredEvent<ContractEvent>[]) => events.map((event) => event.eventId);
const revisions = (events: readonly StoredEvent<ContractEvent>[]) => events.map((event) => event.streamRevision);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => BigInt(i));

/**
 * Nothing lost, nothing duplicated: each stream holds exactly the intended event ids, in order, at
 * revisions 0…n-1; $all holds exactly those ids, once each, in increasing positions and in each stream's
 * order; and the server's own log (not read through the client) holds each id once.
 */
const expectExactlyOnce = async (server: TestServer, store: Store, intended: Readonly<Record<string, readonly string[]>>) => {
  const all = await store.readAll();
  const wanted = Object.values(intended).flat();
  expect(new Set(ids(all)).size).toBe(all.length);
  expect([...ids(all)].sort()).toEqual([...wanted].sort());
  all.slice(1).forEach((event, i) => expect(event.globalPosition).toBeGreaterThan(all[i]!.globalPosition));
  for (const [streamId, streamIds] of Object.entries(intended)) {
    const events = await store.readStream(streamId);
    expect(ids(events), streamId).toEqual(streamIds);
    expect(revisions(events), streamId).toEqual(upTo(streamIds.length));
    expect(ids(all.filter((event) => event.streamId === streamId)), streamId).toEqual(streamIds);
  }
  for (const eventId of wanted) expect(copiesOf(server, eventId), eventId).toBe(1);
  expect(server.log.all.length).toBe(wanted.length);
};

// A domain-free command over the contract events: add these items, one ItemAdded each.
type AddItems = { readonly type: 'AddItems'; readonly itemIds: readonly string[] };
type Held = { readonly items: number };
const decider: Decider<AddItems, ContractEvent, Held> = {
  initialState: { items: 0 },
  decide: (command) => command.itemIds.map((itemId): ContractEvent => ({ type: 'ItemAdded', data: { itemId, quantity: 1, unit: 'each' } })),
  evolve: evolveWith<ContractEvent, Held>({
    ItemAdded: (state) => ({ items: state.items + 1 }),
    ItemRemoved: (state) => state,
    NoteWritten: (state) => state,
  }),
};
const handlerFor = (store: Store) => createCommandHandler({ store, decider, clock: manualClock('2024-09-02T08:00:00.000Z'), retry: { maxAttempts: 10 } });
/** The ids `createCommandHandler` derives for a command's events. */
const commandIds = (streamId: string, commandId: string, count: number) => Array.from({ length: count }, (_, i) => deriveEventId(streamId, commandId, i));

// The client appends through Streams.BatchAppend when the server offers it, and through Streams.Append otherwise.
const paths = [
  ['BatchAppend', true],
  ['Append', false],
] as const;

describe.each(paths)('a connection cut mid-append (Streams.%s)', (_path, batchAppend) => {
  it.each(['after-write', 'before-write'] as const)('cut %s: the adapter retries with the same ids and the events are stored once', async (at) => {
    const { server, store } = await setup({ batchAppend });
    server.faults.dropNextAppend({ at });
    const result = await store.appendToStream('room-1', [item('a'), item('b')], { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(1n);
    expect(server.faults.stats.droppedAppends).toBe(1);
    await expectExactlyOnce(server, store, { 'room-1': [id('a'), id('b')] });
  });

  it('fails with StoreUnavailableError once its retries are spent; the caller’s retry with the same ids writes nothing twice', async () => {
    const { server, store } = await setup({ batchAppend });
    await store.appendToStream('room-1', [item('first')]);
    server.faults.dropNextAppend({ at: 'after-write', count: 4 });
    expect(await failure(store.appendToStream('room-1', [item('a'), item('b')], { expectedRevision: 0n }))).toBeInstanceOf(StoreUnavailableError);
    // The outcome was unknown to the caller; it was in fact written, and the retry is recognised.
    expect(copiesOf(server, id('a'))).toBe(1);
    const retried = await store.appendToStream('room-1', [item('a'), item('b')], { expectedRevision: 0n });
    expect(retried.nextExpectedRevision).toBe(2n);
    await expectExactlyOnce(server, store, { 'room-1': [id('first'), id('a'), id('b')] });
  });

  it.each(['after-write', 'before-write'] as const)(
    'cut %s until the adapter gives up: the command retried with its commandId is stored once',
    async (at) => {
      const { server, store } = await setup({ batchAppend });
      const handle = handlerFor(store);
      await handle('room-1', { type: 'AddItems', itemIds: ['first'] }, { commandId: 'cmd-0' });
      server.faults.dropNextAppend({ at, count: 4 });
      const command: AddItems = { type: 'AddItems', itemIds: ['a', 'b'] };
      expect(await failure(handle('room-1', command, { commandId: 'cmd-1' }))).toBeInstanceOf(StoreUnavailableError);
      const retried = await handle('room-1', command, { commandId: 'cmd-1' });
      // Written before the cut: the retry finds the command in the stream and decides nothing again.
      expect(retried.alreadyHandled).toBe(at === 'after-write');
      expect(retried.nextExpectedRevision).toBe(2n);
      await expectExactlyOnce(server, store, { 'room-1': [...commandIds('room-1', 'cmd-0', 1), ...commandIds('room-1', 'cmd-1', 2)] });
    },
  );
});

describe('a connection cut mid-read', () => {
  const seed = async (store: Store) => {
    for (const stream of ['room-1', 'room-2']) await store.appendToStream(stream, Array.from({ length: 5 }, (_, i) => item(`${stream}-${i}`)));
    return { 'room-1': Array.from({ length: 5 }, (_, i) => id(`room-1-${i}`)), 'room-2': Array.from({ length: 5 }, (_, i) => id(`room-2-${i}`)) };
  };

  it('once: the adapter reads again and returns everything, never the part before the cut', async () => {
    const { server, store } = await setup();
    const intended = await seed(store);
    server.faults.dropNextRead({ after: 3, of: 'stream' });
    expect(ids(await store.readStream('room-1'))).toEqual(intended['room-1']);
    server.faults.dropNextRead({ after: 2, of: 'stream' });
    expect(ids(await store.readStream('room-1', { direction: 'backwards' }))).toEqual([...intended['room-1']].reverse());
    server.faults.dropNextRead({ after: 7, of: 'all' });
    expect(ids(await store.readAll())).toEqual([...intended['room-1'], ...intended['room-2']]);
    expect(server.faults.stats.droppedReads).toBe(3);
    await expectExactlyOnce(server, store, intended);
  });

  it.each([
    ['stream', 'stream'],
    ['$all', 'all'],
  ] as const)(
    'of a %s read, until the adapter gives up: StoreUnavailableError, no partial result; a read after recovery returns everything',
    async (_read, of) => {
      const { server, store } = await setup();
      const intended = await seed(store);
      server.faults.dropNextRead({ after: 4, of, count: 4 });
      const read = of === 'stream' ? () => store.readStream('room-1') : () => store.readAll();
      expect(await failure(read())).toBeInstanceOf(StoreUnavailableError);
      expect(server.faults.stats.droppedReads).toBe(4);
      expect(ids(await read())).toEqual(of === 'stream' ? intended['room-1'] : [...intended['room-1'], ...intended['room-2']]);
      await expectExactlyOnce(server, store, intended);
    },
  );

  it('cut by the store’s own close(): the read fails with StoreUnavailableError instead of returning what came so far', async () => {
    const { server, store } = await setup();
    await store.appendToStream('room-1', [item('a')]);
    server.faults.delayResponses(200);
    const reading = failure(store.readStream('room-1'));
    const readingAll = failure(store.readAll());
    await sleep(50);
    await store.close();
    expect(await reading).toBeInstanceOf(StoreUnavailableError);
    expect(await readingAll).toBeInstanceOf(StoreUnavailableError);
  });
});

describe('answers slower than the deadline', () => {
  it.each([true, false])(
    'fail an append that was written with StoreUnavailableError (BatchAppend: %s); the retry with the same ids does not duplicate',
    async (batchAppend) => {
      const { server, store } = await setup({ batchAppend }, { retry: { retries: 1, initialDelayMs: 5, maxDelayMs: 5 } });
      await store.appendToStream('room-1', [item('first')]);
      server.faults.delayResponses(1_000);
      expect(await failure(store.appendToStream('room-1', [item('slow')], { expectedRevision: 0n }))).toBeInstanceOf(StoreUnavailableError);
      // The server did write it; only the answer was late.
      expect(copiesOf(server, id('slow'))).toBe(1);
      server.faults.delayResponses(0);
      expect((await store.appendToStream('room-1', [item('slow')], { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
      await expectExactlyOnce(server, store, { 'room-1': [id('first'), id('slow')] });
    },
  );

  it('fail reads with StoreUnavailableError instead of waiting for ever', async () => {
    const { server, store } = await setup({}, { retry: { retries: 0, initialDelayMs: 5, maxDelayMs: 5 } });
    await store.appendToStream('room-1', [item('a')]);
    server.faults.delayResponses(1_000);
    expect(await failure(store.readStream('room-1'))).toBeInstanceOf(StoreUnavailableError);
    expect(await failure(store.readAll())).toBeInstanceOf(StoreUnavailableError);
    server.faults.delayResponses(0);
    await expectExactlyOnce(server, store, { 'room-1': [id('a')] });
  });
});

describe.each(paths)('a server restart between the write and its answer (Streams.%s)', (_path, batchAppend) => {
  it('the adapter reconnects to the same address and retries with the same ids: stored once', async () => {
    const { server, store } = await setup({ batchAppend });
    await store.appendToStream('room-1', [item('first')]);
    const restarted = server.restartAfterNextAppend();
    const result = await store.appendToStream('room-1', [item('a'), item('b')], { expectedRevision: 0n });
    await restarted;
    expect(result.nextExpectedRevision).toBe(2n);
    expect(server.restarts).toBe(1);
    await expectExactlyOnce(server, store, { 'room-1': [id('first'), id('a'), id('b')] });
  });

  it('down longer than the adapter retries: StoreUnavailableError; the command retried with its commandId is alreadyHandled', async () => {
    const { server, store } = await setup({ batchAppend });
    const handle = handlerFor(store);
    await handle('room-1', { type: 'AddItems', itemIds: ['first'] }, { commandId: 'cmd-0' });
    const restarted = server.restartAfterNextAppend({ downMs: 300 });
    const command: AddItems = { type: 'AddItems', itemIds: ['a', 'b'] };
    expect(await failure(handle('room-1', command, { commandId: 'cmd-1' }))).toBeInstanceOf(StoreUnavailableError);
    await restarted;
    const retried = await handle('room-1', command, { commandId: 'cmd-1' });
    expect(retried.alreadyHandled).toBe(true);
    expect(retried.nextExpectedRevision).toBe(2n);
    await expectExactlyOnce(server, store, { 'room-1': [...commandIds('room-1', 'cmd-0', 1), ...commandIds('room-1', 'cmd-1', 2)] });
  });
});

type Recorded = { events: StoredEvent<ContractEvent>[]; caughtUp: boolean; errors: unknown[] };
const recorder = () => {
  const log: Recorded = { events: [], caughtUp: false, errors: [] };
  return {
    log,
    handler: {
      onEvent: (event: StoredEvent<ContractEvent>) => void log.events.push(event),
      onCaughtUp: () => void (log.caughtUp = true),
      onError: (error: unknown) => void log.errors.push(error),
    },
  };
};

describe('a subscription whose server drops it', () => {
  it('mid-catch-up, again and again: resumes after the last event delivered; what it delivered is $all, once each, in order', async () => {
    const { server, store } = await setup();
    const intended: Record<string, string[]> = { 'room-1': [], 'room-2': [], 'room-3': [] };
    for (let i = 0; i < 15; i++) {
      const stream = `room-${(i % 3) + 1}`;
      const batch = Array.from({ length: 4 }, (_, j) => `a${i}-${j}`);
      await store.appendToStream(stream, batch.map(item));
      intended[stream]!.push(...batch.map(id));
    }
    server.faults.dropSubscriptionsAfter(7);
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler, { filter: { streamPrefixes: ['room-'] } });
    await eventually(() => log.events.length >= 60 && log.caughtUp, '60 events and caught up');
    for (let i = 0; i < 10; i++) {
      await store.appendToStream('room-1', [item(`b${i}`)]);
      intended['room-1']!.push(id(`b${i}`));
    }
    await eventually(() => log.events.length >= 70, '70 events');
    await subscription.close();
    expect(server.faults.stats.droppedSubscriptions).toBeGreaterThanOrEqual(9);
    expect(await subscription.done).toEqual({ reason: 'closed' });
    expect(ids(log.events)).toEqual(ids(await store.readAll()));
    await expectExactlyOnce(server, store, intended);
  });

  it('while live: resumes without a gap or a duplicate', async () => {
    const { server, store } = await setup();
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    await eventually(() => log.caughtUp, 'caught up');
    await store.appendToStream('room-1', [item('a'), item('b')]);
    await eventually(() => log.events.length === 2, 'two events');
    server.faults.dropSubscriptions();
    await store.appendToStream('room-1', [item('c')]);
    await store.appendToStream('room-2', [item('d')]);
    await eventually(() => log.events.length === 4, 'four events');
    await subscription.close();
    expect(ids(log.events)).toEqual(['a', 'b', 'c', 'd'].map(id));
    expect(log.errors).toEqual([]);
    await expectExactlyOnce(server, store, { 'room-1': ['a', 'b', 'c'].map(id), 'room-2': [id('d')] });
  });

  it('across a server restart: resubscribes on the same address, without a gap or a duplicate', async () => {
    const { server, store } = await setup({}, { retry: { retries: 6, initialDelayMs: 10, maxDelayMs: 100 } });
    await store.appendToStream('room-1', [item('a')]);
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    await eventually(() => log.events.length === 1, 'the first event');
    await server.restart({ downMs: 100 });
    await store.appendToStream('room-1', [item('b')]);
    await eventually(() => log.events.length === 2, 'the event after the restart');
    await subscription.close();
    expect(log.errors).toEqual([]);
    expect(ids(log.events)).toEqual([id('a'), id('b')]);
    await expectExactlyOnce(server, store, { 'room-1': [id('a'), id('b')] });
  });

  it('while the server stays unavailable: ends with StoreUnavailableError, reported, and `done` resolves', async () => {
    const { server, store } = await setup();
    await store.appendToStream('room-1', [item('a')]);
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    await eventually(() => log.events.length === 1, 'the first event');
    server.faults.unavailable();
    const end: SubscriptionEnd = await subscription.done;
    expect(end.reason).toBe('error');
    expect(end.reason === 'error' && end.error).toBeInstanceOf(StoreUnavailableError);
    expect(log.errors).toEqual([end.reason === 'error' ? end.error : undefined]);
  });

  it('while the server is unavailable for a moment: carries on once it is back', async () => {
    const { server, store } = await setup({}, { retry: { retries: 10, initialDelayMs: 10, maxDelayMs: 50 } });
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    await eventually(() => log.caughtUp, 'caught up');
    server.faults.unavailable();
    setTimeout(() => server.faults.available(), 60);
    await eventually(() => server.faults.stats.refusedCalls > 0, 'a refused resubscription');
    await store.appendToStream('room-1', [item('a')]);
    await eventually(() => log.events.length === 1, 'the event');
    await subscription.close();
    expect(log.errors).toEqual([]);
    await expectExactlyOnce(server, store, { 'room-1': [id('a')] });
  });
});

describe.each(paths)('chaos through Streams.%s: seeded random faults against concurrent writers with commandIds', (path, batchAppend) => {
  const SEED = 20_240_902;
  const WRITERS = 3;
  const COMMANDS = 14;
  const STREAMS = ['room-1', 'room-2', 'room-3'];
  type Fault = 'drop-before-write' | 'drop-after-write' | 'drop-after-write-burst' | 'delay' | 'drop-read' | 'drop-subscriptions' | 'restart-before-answer';
  const FAULTS: readonly Fault[] = ['drop-before-write', 'drop-after-write', 'drop-after-write-burst', 'delay', 'drop-read', 'drop-subscriptions'];
  const RETRIES = 6;

  it('every command a writer saw accepted is stored once, in order, gap-free; nothing else is stored; the subscription saw $all', async () => {
    const { server, store } = await setup({ batchAppend }, { deadlineMs: 300, retry: { retries: RETRIES, initialDelayMs: 10, maxDelayMs: 100 } });
    // Everything random is drawn up front, so the plan is the same on every run whatever the interleaving.
    const random = seededRandom(SEED);
    const plans = Array.from({ length: WRITERS }, (_, w) =>
      Array.from({ length: COMMANDS }, (_, c) => ({
        streamId: STREAMS[Math.floor(random() * STREAMS.length)]!,
        commandId: `w${w}-c${c}`,
        itemIds: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `w${w}-c${c}-${i}`),
      })),
    );
    const totalCommands = WRITERS * COMMANDS;
    const restartAt = Math.floor(totalCommands / 2);
    const schedule = new Map<number, Fault>();
    for (let n = 1; n <= totalCommands * 2; n++) if (random() < 0.3) schedule.set(n, FAULTS[Math.floor(random() * FAULTS.length)]!);
    schedule.set(restartAt, 'restart-before-answer');

    const counts = { commands: 0, appends: 0, retries: 0, conflicts: 0, alreadyHandled: 0 };
    const injected: Record<Fault, number> = {
      'drop-before-write': 0,
      'drop-after-write': 0,
      'drop-after-write-burst': 0,
      delay: 0,
      'drop-read': 0,
      'drop-subscriptions': 0,
      'restart-before-answer': 0,
    };
    const restarts: Promise<void>[] = [];
    const inject = (fault: Fault) => {
      injected[fault]++;
      if (fault === 'drop-before-write') server.faults.dropNextAppend({ at: 'before-write' });
      else if (fault === 'drop-after-write') server.faults.dropNextAppend({ at: 'after-write' });
      // More cuts than the adapter retries: the writer sees an unknown outcome and retries the command.
      else if (fault === 'drop-after-write-burst') server.faults.dropNextAppend({ at: 'after-write', count: RETRIES + 1 });
      else if (fault === 'drop-read') server.faults.dropNextRead({ after: Math.floor(random() * 4), of: 'stream' });
      else if (fault === 'drop-subscriptions') server.faults.dropSubscriptions();
      else if (fault === 'restart-before-answer') restarts.push(server.restartAfterNextAppend({ downMs: 100 }));
      else {
        // Longer than the deadline: appends in this window are written and answered too late.
        server.faults.delayResponses(400);
        setTimeout(() => server.faults.delayResponses(0), 450);
      }
    };
    // Faults are injected by progress (the n-th append offered to the store), not by the clock.
    const faulty: Store = {
      ...store,
      appendToStream: (...args) => {
        const fault = schedule.get(++counts.appends);
        if (fault) inject(fault);
        return store.appendToStream(...args);
      },
    };
    const handle = handlerFor(faulty);

    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    const accepted: { readonly streamId: string; readonly ids: readonly string[] }[] = [];
    const writer = async (plan: (typeof plans)[number]) => {
      for (const { streamId, commandId, itemIds } of plan) {
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await handle(streamId, { type: 'AddItems', itemIds }, { commandId });
            counts.commands++;
            counts.conflicts += result.attempts - 1;
            if (result.alreadyHandled) counts.alreadyHandled++;
            accepted.push({ streamId, ids: commandIds(streamId, commandId, itemIds.length) });
            break;
          } catch (error) {
            // An unknown outcome or a lost race: the caller tries the same command again, same commandId.
            if (!(error instanceof StoreUnavailableError || error instanceof WrongExpectedRevisionError) || attempt >= 40) throw error;
            counts.retries++;
            await sleep(20);
          }
        }
      }
    };
    await Promise.all(plans.map(writer));
    await Promise.all(restarts);
    server.faults.reset();

    // Each accepted command's events lie together in its stream, in the order decided; nothing else is there.
    const all = await store.readAll();
    await eventually(() => log.events.length >= all.length, 'the subscription to deliver $all');
    await subscription.close();
    const intended: Record<string, string[]> = {};
    for (const streamId of STREAMS) {
      const stored = ids(all.filter((event) => event.streamId === streamId));
      const commands = accepted.filter((command) => command.streamId === streamId);
      const byFirstId = new Map(commands.map((command) => [command.ids[0]!, command]));
      const grouped: string[] = [];
      while (grouped.length < stored.length) {
        const command = byFirstId.get(stored[grouped.length]!);
        expect(command, `${streamId}: event ${grouped.length} starts no accepted command`).toBeDefined();
        expect(stored.slice(grouped.length, grouped.length + command!.ids.length)).toEqual(command!.ids);
        byFirstId.delete(command!.ids[0]!);
        grouped.push(...command!.ids);
      }
      expect(byFirstId.size, `${streamId}: accepted commands missing from the stream`).toBe(0);
      intended[streamId] = grouped;
    }
    expect(accepted).toHaveLength(totalCommands);
    await expectExactlyOnce(server, store, intended);
    expect(ids(log.events)).toEqual(ids(all));
    expect(log.errors).toEqual([]);
    expect(server.restarts).toBe(1);

    const faults = Object.entries(injected)
      .map(([kind, n]) => `${kind}=${n}`)
      .join(' ');
    console.log(
      `[faults] chaos ${path} seed=${SEED}: commands=${counts.commands} appends=${counts.appends} faults: ${faults} ` +
        `retries=${counts.retries} conflicts=${counts.conflicts} alreadyHandled=${counts.alreadyHandled} ` +
        `eventsStored=${all.length} subscriptionDelivered=${log.events.length} serverDrops: appends=${server.faults.stats.droppedAppends} ` +
        `reads=${server.faults.stats.droppedReads} subscriptions=${server.faults.stats.droppedSubscriptions}`,
    );
  });
});
