import { InvalidArgumentError, manualClock, seededIds, StoredEventInvalidError, StreamDeletedError, type StoredEvent } from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { EventStoreDBClient, binaryEvent, jsonEvent } from '@eventstore/db-client';
import { startTestServer, type TestServer, type TestServerOptions } from '@itt-ledger/eventstoredb-testserver';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';
import { fromGlobalPosition } from './positions.js';

const OCCURRED = '2024-09-02T07:30:00.000Z';
const added = (itemId: string) => ({ type: 'ItemAdded' as const, data: { itemId, quantity: 1, unit: 'each' }, occurredAt: OCCURRED });
const itemIds = (events: readonly StoredEvent<ContractEvent>[]) => events.map((event) => (event.data as { itemId: string }).itemId);

const drain = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const setup = async (serverOptions: TestServerOptions = {}) => {
  const server: TestServer = await startTestServer(serverOptions);
  const store = createEventStoreDbStore({
    registry: createContractRegistry(),
    clock: manualClock('2024-09-02T08:00:00.000Z'),
    ids: seededIds(3),
    connectionString: server.connectionString,
  });
  const raw = EventStoreDBClient.connectionString(server.connectionString);
  cleanups.push(
    () => server.close(),
    () => store.close(),
    () => raw.dispose(),
  );
  return { server, store, raw };
};

describe('what goes over the wire', () => {
  it('uses the envelope’s event ids, and puts correlation and causation where EventStoreDB’s projections look', async () => {
    const { store, raw } = await setup();
    await store.appendToStream('room-1', [{ ...added('a'), metadata: { correlationId: 'corr-1', causationId: 'cmd-1', actor: 'lead-mentor:4' } }]);
    const [stored] = await store.readStream('room-1');
    const [resolved] = await drain(raw.readStream('room-1'));
    expect(resolved?.event?.id).toBe(stored?.eventId);
    expect(resolved?.event?.type).toBe('ItemAdded');
    expect(resolved?.event?.data).toEqual({ itemId: 'a', quantity: 1, unit: 'each' });
    expect(resolved?.event?.metadata).toEqual({
      $correlationId: 'corr-1',
      $causationId: 'cmd-1',
      actor: 'lead-mentor:4',
      schemaVersion: 2,
      occurredAt: OCCURRED,
      recordedAt: '2024-09-02T08:00:00.000Z',
    });
  });
});

describe('streams and events the adapter did not write', () => {
  it('a deleted (tombstoned) stream: reads and appends fail with StreamDeletedError; $all reads and subscriptions skip the tombstone', async () => {
    const { store, raw } = await setup();
    await store.appendToStream('room-1', [added('a')]);
    await raw.tombstoneStream('room-1');
    await expect(store.readStream('room-1')).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.appendToStream('room-1', [added('b')])).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.appendToStream('room-1', [])).rejects.toBeInstanceOf(StreamDeletedError);
    const error = await store.readStream('room-1').catch((e: unknown) => e);
    expect((error as StreamDeletedError).streamId).toBe('room-1');
    expect(itemIds(await store.readAll())).toEqual(['a']);
    const seen: string[] = [];
    let caughtUp = false;
    const subscription = store.subscribe({ onEvent: (event) => void seen.push(event.type), onCaughtUp: () => void (caughtUp = true) });
    await expect.poll(() => caughtUp).toBe(true);
    await subscription.close();
    expect(seen).toEqual(['ItemAdded']);
  });

  it('an event another program wrote is refused with StoredEventInvalidError, never passed on', async () => {
    const { store, raw } = await setup();
    await store.appendToStream('room-1', [added('a')]);
    await raw.appendToStream('room-1', jsonEvent({ type: 'ItemAdded', data: { itemId: 'b', quantity: 1, unit: 'each' } }));
    const error = await store.readStream('room-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredEventInvalidError);
    expect(error).toMatchObject({ streamId: 'room-1', streamRevision: 1n });
    await expect(store.readAll()).rejects.toBeInstanceOf(StoredEventInvalidError);
  });

  // The client hands over bytes it cannot parse as JSON (its own fallback), so these reach decode as bytes.
  it.each([
    ['malformed JSON', '{"itemId":"b","quantity":1,"un'],
    ['JSON of the wrong type', '["b", 1]'],
    ['a number beyond a double', '{"itemId":"b","quantity":1e400,"unit":"each"}'],
  ])('an event whose data is bytes of %s is refused with StoredEventInvalidError naming data', async (_name, text) => {
    const { store, raw } = await setup();
    const metadata = { schemaVersion: 1, occurredAt: OCCURRED, recordedAt: '2024-09-02T08:00:00.000Z' };
    await raw.appendToStream('room-2', binaryEvent({ type: 'ItemAdded', data: Buffer.from(text), metadata: Buffer.from(JSON.stringify(metadata)) }));
    const error = await store.readStream('room-2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredEventInvalidError);
    expect((error as StoredEventInvalidError).issues.every((issue) => issue.path[0] === 'data')).toBe(true);
  });
});

describe('positions where commit and prepare differ (events of one transaction share a commit)', () => {
  const setupTransactions = async () => {
    const context = await setup({ positions: 'commit-record' });
    await context.store.appendToStream('x', [added('x1'), added('x2'), added('x3')]);
    await context.store.appendToStream('y', [added('y1')]);
    await context.store.appendToStream('x', [added('x4'), added('x5')]);
    return context;
  };

  it('reads $all in order with strictly increasing positions that keep both halves', async () => {
    const { store } = await setupTransactions();
    const all = await store.readAll();
    expect(itemIds(all)).toEqual(['x1', 'x2', 'x3', 'y1', 'x4', 'x5']);
    for (let i = 1; i < all.length; i++) expect(all[i]!.globalPosition > all[i - 1]!.globalPosition).toBe(true);
    const [first, second] = all.map((event) => fromGlobalPosition(event.globalPosition));
    expect(first!.commit).toBe(second!.commit);
    expect(first!.prepare < second!.prepare).toBe(true);
  });

  it('reads from a position inside a transaction, inclusive, both ways', async () => {
    const { store } = await setupTransactions();
    const all = await store.readAll();
    expect(itemIds(await store.readAll({ fromPosition: all[1]!.globalPosition }))).toEqual(['x2', 'x3', 'y1', 'x4', 'x5']);
    expect(itemIds(await store.readAll({ fromPosition: all[4]!.globalPosition, direction: 'backwards' }))).toEqual(['x4', 'y1', 'x3', 'x2', 'x1']);
  });

  it('resumes a subscription after a checkpoint inside a transaction, without a gap or a duplicate', async () => {
    const { store } = await setupTransactions();
    const all = await store.readAll();
    const seen: string[] = [];
    const subscription = store.subscribe({ onEvent: (event) => void seen.push((event.data as { itemId: string }).itemId) }, { after: all[1]!.globalPosition });
    await expect.poll(() => seen.length).toBe(4);
    await subscription.close();
    expect(seen).toEqual(['x3', 'y1', 'x4', 'x5']);
  });

  it('answers an append with the transaction’s commit position: after its last event, before any later one (as EventStoreDB does)', async () => {
    const { store } = await setupTransactions();
    const result = await store.appendToStream('z', [added('z1'), added('z2')]);
    await store.appendToStream('z', [added('z3')]);
    const [z1, z2, z3] = await store.readStream('z');
    expect(result.position >= z2!.globalPosition && result.position < z3!.globalPosition).toBe(true);
    expect(z1!.globalPosition < z2!.globalPosition).toBe(true);
  });
});

describe('options', () => {
  it('refuses a bad deadline, a missing connection string and an unknown scheme, naming the field', () => {
    const registry = createContractRegistry();
    const field = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        return (error as InvalidArgumentError).field;
      }
      return undefined;
    };
    expect(field(() => createEventStoreDbStore({ registry, connectionString: 'esdb://localhost:2113', deadlineMs: 0 }))).toBe('deadlineMs');
    expect(field(() => createEventStoreDbStore({ registry }))).toBe('connectionString');
    expect(field(() => createEventStoreDbStore({ registry, connectionString: 'http://localhost:2113' }))).toBe('connectionString');
  });

  it('leaves a client it was given open when it closes', async () => {
    const { server } = await setup();
    const client = EventStoreDBClient.connectionString(server.connectionString);
    cleanups.push(() => client.dispose());
    const store = createEventStoreDbStore({ registry: createContractRegistry(), client });
    await store.appendToStream('room-1', [added('a')]);
    await store.close();
    expect((await drain(client.readStream('room-1'))).length).toBe(1);
  });
});
