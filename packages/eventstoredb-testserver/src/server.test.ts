import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  MaxAppendSizeExceededError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  streamNameFilter,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type Filter,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServerOptions } from './index.js';

// The double, checked through the real client: what EventStoreDB's documentation and the client's own
// code say the server does. The adapter's tests rely on these behaviours.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const connect = async (options: TestServerOptions = {}) => {
  const server = await startTestServer(options);
  const client = EventStoreDBClient.connectionString(server.connectionString);
  cleanups.push(
    () => server.close(),
    () => client.dispose(),
  );
  return { server, client };
};

const event = (type = 'Happened', id?: string) => jsonEvent({ type, data: { at: type }, ...(id ? { id } : {}) });
const drain = async (reading: AsyncIterable<ResolvedEvent>) => {
  const out: ResolvedEvent[] = [];
  for await (const resolved of reading) out.push(resolved);
  return out;
};
const failure = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error);
const types = (events: readonly ResolvedEvent[]) => events.map((resolved) => resolved.event?.type);

describe.each([true, false])('appends (BatchAppend offered: %s)', (batchAppend) => {
  it('numbers revisions from 0 and answers with the stream’s revision and the write’s position', async () => {
    const { server, client } = await connect({ batchAppend });
    const first = await client.appendToStream('s', [event('A'), event('B')], { expectedRevision: 'no_stream' });
    expect(first.nextExpectedRevision).toBe(1n);
    const [, b] = server.log.all;
    expect(first.position).toEqual({ commit: b!.position.commit, prepare: b!.position.commit });
    expect(server.calls[batchAppend ? 'batchAppend' : 'append']).toBe(1);
    expect(server.calls[batchAppend ? 'append' : 'batchAppend']).toBe(0);
  });

  it.each<[string, AppendExpectedRevision, AppendExpectedRevision | bigint, bigint | 'no_stream']>([
    ['no_stream on an existing stream', 'no_stream', 'no_stream', 0n],
    ['a revision behind', 5n, 5n, 0n],
    ['a revision on a missing stream', 0n, 0n, 'no_stream'],
    ['stream_exists on a missing stream', 'stream_exists', 'stream_exists', 'no_stream'],
  ])('refuses %s with WrongExpectedVersionError and writes nothing', async (name, expectedRevision, expected, actual) => {
    const { server, client } = await connect({ batchAppend });
    const stream = actual === 'no_stream' ? 'missing' : 'existing';
    if (actual !== 'no_stream') await client.appendToStream(stream, [event()]);
    const before = server.log.all.length;
    const error = await failure(client.appendToStream(stream, [event()], { expectedRevision }));
    expect(error, name).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ expectedVersion: expected, actualVersion: actual });
    expect(server.log.all.length).toBe(before);
  });

  it('treats the same event ids at the same expected revision as a retry: the first answer, nothing written', async () => {
    const { server, client } = await connect({ batchAppend });
    await client.appendToStream('s', [event('A')]);
    const ids = [randomUUID(), randomUUID()];
    const first = await client.appendToStream('s', [event('B', ids[0]), event('C', ids[1])], { expectedRevision: 0n });
    await client.appendToStream('s', [event('D')]);
    expect(await client.appendToStream('s', [event('B', ids[0]), event('C', ids[1])], { expectedRevision: 0n })).toEqual(first);
    expect(await client.appendToStream('s', [event('B', ids[0]), event('C', ids[1])], { expectedRevision: 'any' })).toEqual(first);
    expect(server.log.all.length).toBe(4);
    // Part of the batch matching is not a retry: EventStoreDB's "corrupted idempotency".
    expect(await failure(client.appendToStream('s', [event('B', ids[0]), event('X')], { expectedRevision: 0n }))).toBeInstanceOf(WrongExpectedVersionError);
  });

  it('refuses an append of more than 1 MiB of data', async () => {
    const { client } = await connect({ batchAppend });
    const big = jsonEvent({ type: 'Big', data: { text: 'x'.repeat(1_100_000) } });
    expect(await failure(client.appendToStream('s', [big]))).toBeInstanceOf(MaxAppendSizeExceededError);
  });
});

describe('reads', () => {
  const fiveEvents = async () => {
    const context = await connect();
    await client(context).appendToStream('s', ['A', 'B', 'C', 'D', 'E'].map((type) => event(type)));
    return context;
  };
  const client = (context: { client: EventStoreDBClient }) => context.client;

  it.each<[string, { direction?: typeof BACKWARDS; fromRevision?: ReadRevision; maxCount?: number }, string[]]>([
    ['forwards', {}, ['A', 'B', 'C', 'D', 'E']],
    ['forwards from a revision, inclusive', { fromRevision: 2n, maxCount: 2 }, ['C', 'D']],
    ['forwards from the end', { fromRevision: END }, []],
    ['backwards from the end', { direction: BACKWARDS, fromRevision: END, maxCount: 2 }, ['E', 'D']],
    ['backwards from past the end, from the last event', { direction: BACKWARDS, fromRevision: 9n }, ['E', 'D', 'C', 'B', 'A']],
    ['backwards from the start', { direction: BACKWARDS, fromRevision: START }, ['A']],
  ])('a stream %s', async (_name, options, expected) => {
    const context = await fiveEvents();
    expect(types(await drain(context.client.readStream('s', options)))).toEqual(expected);
  });

  it('reports a missing stream and a deleted one as the client expects', async () => {
    const { client } = await connect();
    expect(await failure(drain(client.readStream('nope')))).toBeInstanceOf(StreamNotFoundError);
    await client.appendToStream('gone', [event()]);
    await client.tombstoneStream('gone');
    expect(await failure(drain(client.readStream('gone')))).toBeInstanceOf(StreamDeletedError);
    expect(await failure(client.appendToStream('gone', [event()]))).toBeInstanceOf(StreamDeletedError);
    expect(await failure(client.tombstoneStream('gone'))).toBeInstanceOf(StreamDeletedError);
  });

  it('$all: forwards from a position includes it, backwards from a position excludes it; positions are on stream reads too', async () => {
    const { client } = await fiveEvents();
    const all = await drain(client.readAll());
    const third = all[2]!.event!.position!;
    expect(types(await drain(client.readAll({ fromPosition: third })))).toEqual(['C', 'D', 'E']);
    expect(types(await drain(client.readAll({ fromPosition: third, direction: BACKWARDS })))).toEqual(['B', 'A']);
    expect((await drain(client.readStream('s')))[2]?.event?.position).toEqual(third);
  });

  it('subscriptions: confirmation, catch-up, caught up, then live; from a position is after it', async () => {
    const { client } = await fiveEvents();
    const all = await drain(client.readAll());
    const subscription = client.subscribeToAll({ fromPosition: all[1]!.event!.position! });
    const seen: string[] = [];
    subscription.on('confirmation', () => seen.push('confirmed'));
    subscription.on('caughtUp', () => seen.push('caught up'));
    subscription.on('data', (resolved: ResolvedEvent) => seen.push(resolved.event!.type));
    await expect.poll(() => seen.includes('caught up')).toBe(true);
    await client.appendToStream('t', [event('F')]);
    await expect.poll(() => seen.length).toBe(6);
    await subscription.unsubscribe();
    expect(seen).toEqual(['confirmed', 'C', 'D', 'E', 'caught up', 'F']);
  });
});

describe('filters on $all', () => {
  it('by stream prefix and by event type regex, for reads and subscriptions', async () => {
    const { client } = await connect();
    await client.appendToStream('room-1', [event('Added'), event('Removed')]);
    await client.appendToStream('hall-1', [event('Added')]);
    const filtered = (filter: Filter) => {
      const seen: string[] = [];
      const subscription = client.subscribeToAll({ filter });
      subscription.on('data', (resolved: ResolvedEvent) => seen.push(`${resolved.event!.streamId}:${resolved.event!.type}`));
      return { seen, stop: () => subscription.unsubscribe() };
    };
    const byStream = filtered(streamNameFilter({ prefixes: ['room-'] }));
    const byType = filtered(eventTypeFilter({ regex: '^Added$' }));
    await expect.poll(() => byStream.seen.length + byType.seen.length).toBe(4);
    await Promise.all([byStream.stop(), byType.stop()]);
    expect(byStream.seen).toEqual(['room-1:Added', 'room-1:Removed']);
    expect(byType.seen).toEqual(['room-1:Added', 'hall-1:Added']);
  });
});

describe('faults', () => {
  it.each([
    ['after-write', 1],
    ['before-write', 0],
  ] as const)('a dropped append (%s) fails with UnavailableError; the log holds %i event', async (at, written) => {
    const { server, client } = await connect();
    server.faults.dropNextAppend({ at });
    expect(await failure(client.appendToStream('s', [event()]))).toBeInstanceOf(UnavailableError);
    expect(server.log.all.length).toBe(written);
    await client.appendToStream('s', [event()]);
    expect(server.faults.stats.droppedAppends).toBe(1);
  });

  it('an unavailable server refuses every call until it is available again', async () => {
    const { server, client } = await connect();
    server.faults.unavailable();
    expect(await failure(client.appendToStream('s', [event()]))).toBeInstanceOf(UnavailableError);
    expect(await failure(drain(client.readAll()))).toBeInstanceOf(UnavailableError);
    server.faults.available();
    await client.appendToStream('s', [event()]);
    expect(server.faults.stats.refusedCalls).toBeGreaterThanOrEqual(2);
  });

  it('a slow answer past a BatchAppend deadline is a Timeout, which the client reports as DeadlineExceededError', async () => {
    const { server, client } = await connect();
    server.faults.delayResponses(2_000);
    expect(await failure(client.appendToStream('s', [event()], { deadline: 50 }))).toBeInstanceOf(DeadlineExceededError);
  });

  it('subscriptions are dropped after the given number of events, with UnavailableError', async () => {
    const { server, client } = await connect();
    await client.appendToStream('s', ['A', 'B', 'C'].map((type) => event(type)));
    server.faults.dropSubscriptionsAfter(2);
    const subscription = client.subscribeToAll();
    const seen: string[] = [];
    let error: unknown;
    subscription.on('data', (resolved: ResolvedEvent) => seen.push(resolved.event!.type));
    subscription.on('error', (e: unknown) => (error = e));
    await expect.poll(() => error).toBeInstanceOf(UnavailableError);
    expect(seen).toEqual(['A', 'B']);
    expect(server.faults.stats.droppedSubscriptions).toBe(1);
  });

  it('cuts a stream read or a $all read after the given number of events with UnavailableError; the next read is whole', async () => {
    const { server, client } = await connect();
    await client.appendToStream('s', ['A', 'B', 'C', 'D'].map((type) => event(type)));
    server.faults.dropNextRead({ after: 2, of: 'stream' });
    const seen: ResolvedEvent[] = [];
    const cut = await failure(
      (async () => {
        for await (const resolved of client.readStream('s')) seen.push(resolved);
      })(),
    );
    expect(cut).toBeInstanceOf(UnavailableError);
    expect(types(seen)).toEqual(['A', 'B']);
    // A stream-read drop is used up by the stream read; the $all read is whole.
    expect(types(await drain(client.readAll()))).toEqual(['A', 'B', 'C', 'D']);
    server.faults.dropNextRead({ after: 3, of: 'all' });
    expect(types(await drain(client.readStream('s')))).toEqual(['A', 'B', 'C', 'D']);
    expect(await failure(drain(client.readAll()))).toBeInstanceOf(UnavailableError);
    expect(types(await drain(client.readAll()))).toEqual(['A', 'B', 'C', 'D']);
    expect(server.faults.stats.droppedReads).toBe(2);
  });

  it('restarts: an append written but not answered stays written, the port and the log survive, and the client reconnects', async () => {
    const { server, client } = await connect();
    await client.appendToStream('s', [event('A')]);
    const id = randomUUID();
    const restarted = server.restartAfterNextAppend({ downMs: 20 });
    const pending = failure(client.appendToStream('s', [event('B', id)], { expectedRevision: 0n }));
    await restarted;
    expect(server.log.all.map((stored) => stored.id)).toContain(id);
    // The cut call is reported as cancelled by the server, after which the client opens a new channel.
    expect(await pending).toBeInstanceOf(CancelledError);
    expect(server.restarts).toBe(1);
    // The retry with the same id is recognised: the first answer, nothing written twice.
    const retried = await client.appendToStream('s', [event('B', id)], { expectedRevision: 0n });
    expect(retried.nextExpectedRevision).toBe(1n);
    expect(types(await drain(client.readStream('s')))).toEqual(['A', 'B']);
    expect(server.log.all.map((stored) => stored.id).filter((stored) => stored === id)).toHaveLength(1);
  });
});

