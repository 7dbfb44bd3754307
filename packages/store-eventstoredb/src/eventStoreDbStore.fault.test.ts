import { deriveEventId, manualClock, seededIds, StoreUnavailableError, type StoredEvent, type SubscriptionEnd } from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { startTestServer, type TestServer, type TestServerOptions } from '@itt-ledger/eventstoredb-testserver';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventStoreDbStore.js';

// Faults injected by the test server, seen through the real client over real gRPC. Each test has its own
// server: faults are server-wide. Short deadlines and backoffs keep the failing paths quick.
const OCCURRED = '2024-09-02T07:30:00.000Z';
const added = (itemId: string, eventId?: string) => ({
  type: 'ItemAdded' as const,
  data: { itemId, quantity: 1, unit: 'each' },
  occurredAt: OCCURRED,
  ...(eventId ? { eventId } : {}),
});

const servers: TestServer[] = [];
const stores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
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

const eventually = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const copiesOf = (server: TestServer, eventId: string) => server.log.all.filter((event) => event.id === eventId).length;
const failure = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error);

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('appends through Streams.$path when the connection drops', ({ batchAppend }) => {
  it.each(['after-write', 'before-write'] as const)('drops %s: the adapter retries with the same ids and the events are written once', async (at) => {
    const { server, store } = await setup({ batchAppend });
    server.faults.dropNextAppend({ at });
    const result = await store.appendToStream('room-1', [added('a'), added('b')], { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(1n);
    const events = await store.readStream('room-1');
    expect(events.map((event) => (event.data as { itemId: string }).itemId)).toEqual(['a', 'b']);
    expect(events.every((event) => copiesOf(server, event.eventId) === 1)).toBe(true);
    expect(server.faults.stats.droppedAppends).toBe(1);
  });

  it('fails with StoreUnavailableError once its retries are spent; the caller’s retry with the same ids writes nothing twice', async () => {
    const { server, store } = await setup({ batchAppend });
    const batch = [added('a', deriveEventId('cmd-1', 0)), added('b', deriveEventId('cmd-1', 1))];
    server.faults.dropNextAppend({ at: 'after-write', count: 4 });
    expect(await failure(store.appendToStream('room-1', batch, { expectedRevision: 'no_stream' }))).toBeInstanceOf(StoreUnavailableError);
    // The outcome was unknown to the caller; it was in fact written, and the retry is recognised.
    const retried = await store.appendToStream('room-1', batch, { expectedRevision: 'no_stream' });
    expect(retried.nextExpectedRevision).toBe(1n);
    expect(copiesOf(server, deriveEventId('cmd-1', 0)) + copiesOf(server, deriveEventId('cmd-1', 1))).toBe(2);
    expect((await store.readStream('room-1')).length).toBe(2);
  });
});

describe('an unavailable server', () => {
  it('fails every call with StoreUnavailableError, writes nothing, and serves again once it is back', async () => {
    const { server, store } = await setup();
    await store.appendToStream('room-1', [added('a')]);
    server.faults.unavailable();
    expect(await failure(store.appendToStream('room-1', [added('b')]))).toBeInstanceOf(StoreUnavailableError);
    expect(await failure(store.readStream('room-1'))).toBeInstanceOf(StoreUnavailableError);
    expect(await failure(store.readAll())).toBeInstanceOf(StoreUnavailableError);
    expect(server.faults.stats.refusedCalls).toBeGreaterThanOrEqual(3);
    server.faults.available();
    expect((await store.readStream('room-1')).length).toBe(1);
    expect((await store.appendToStream('room-1', [added('c')], { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
  });
});

describe('answers slower than the deadline', () => {
  it.each([true, false])('fail an append with StoreUnavailableError (BatchAppend: %s); a retry with the same ids after that writes once', async (batchAppend) => {
    const { server, store } = await setup({ batchAppend }, { retry: { retries: 1, initialDelayMs: 5, maxDelayMs: 5 } });
    const batch = [added('slow', deriveEventId('cmd-slow', 0))];
    server.faults.delayResponses(1_000);
    expect(await failure(store.appendToStream('room-1', batch, { expectedRevision: 'no_stream' }))).toBeInstanceOf(StoreUnavailableError);
    server.faults.delayResponses(0);
    expect((await store.appendToStream('room-1', batch, { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(0n);
    expect(copiesOf(server, deriveEventId('cmd-slow', 0))).toBe(1);
  });

  it('fail reads with StoreUnavailableError instead of waiting for ever', async () => {
    const { server, store } = await setup({}, { retry: { retries: 0, initialDelayMs: 5, maxDelayMs: 5 } });
    await store.appendToStream('room-1', [added('a')]);
    server.faults.delayResponses(1_000);
    expect(await failure(store.readStream('room-1'))).toBeInstanceOf(StoreUnavailableError);
    expect(await failure(store.readAll())).toBeInstanceOf(StoreUnavailableError);
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
const revisions = (events: readonly StoredEvent<ContractEvent>[]) => events.map((event) => event.streamRevision);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => BigInt(i));

describe('a subscription whose server drops it', () => {
  it('mid-catch-up, again and again: resumes after the last event delivered, every event once and in order', async () => {
    const { server, store } = await setup();
    for (let i = 0; i < 5; i++) await store.appendToStream('room-1', Array.from({ length: 10 }, (_, j) => added(`a${i}-${j}`)));
    server.faults.dropSubscriptionsAfter(7);
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler, { filter: { streamPrefixes: ['room-'] } });
    await eventually(() => log.events.length >= 50 && log.caughtUp, '50 events and caught up');
    for (let i = 0; i < 10; i++) await store.appendToStream('room-1', [added(`b${i}`)]);
    await eventually(() => log.events.length >= 60, '60 events');
    await subscription.close();
    expect(revisions(log.events)).toEqual(upTo(60));
    expect(server.faults.stats.droppedSubscriptions).toBeGreaterThanOrEqual(8);
    expect(await subscription.done).toEqual({ reason: 'closed' });
  });

  it('while live: resumes without a gap or a duplicate', async () => {
    const { server, store } = await setup();
    const { log, handler } = recorder();
    const subscription = store.subscribe(handler);
    await eventually(() => log.caughtUp, 'caught up');
    await store.appendToStream('room-1', [added('a'), added('b')]);
    await eventually(() => log.events.length === 2, 'two events');
    server.faults.dropSubscriptions();
    await store.appendToStream('room-1', [added('c')]);
    await store.appendToStream('room-2', [added('d')]);
    await eventually(() => log.events.length === 4, 'four events');
    await subscription.close();
    expect(log.events.map((event) => (event.data as { itemId: string }).itemId)).toEqual(['a', 'b', 'c', 'd']);
    expect(log.errors).toEqual([]);
  });

  it('while the server stays unavailable: ends with StoreUnavailableError, reported, and `done` resolves', async () => {
    const { server, store } = await setup();
    await store.appendToStream('room-1', [added('a')]);
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
    await store.appendToStream('room-1', [added('a')]);
    await eventually(() => log.events.length === 1, 'the event');
    await subscription.close();
    expect(log.errors).toEqual([]);
  });
});
