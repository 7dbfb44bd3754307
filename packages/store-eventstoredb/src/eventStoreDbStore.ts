import {
  checkExpectedRevision,
  planAppend,
  checkStreamId,
  InvalidArgumentError,
  planAllRead,
  planStreamRead,
  randomIds,
  StoreUnavailableError,
  StreamNotFoundError,
  systemClock,
  type AppendResult,
  type Clock,
  type DomainEvent,
  type EventFilter,
  type EventRegistry,
  type EventStore,
  type ExpectedRevision,
  type IdGenerator,
  type StoredEvent,
  type Subscription,
} from '@itt-ledger/core';
import { END, EventStoreDBClient, START, type ResolvedEvent } from '@eventstore/db-client';
import { rawReadAll, readAllPages, type RawRead } from './allReads.js';
import { defaultRetryPolicy, retrying, withDeadline, type RetryPolicy } from './calls.js';
import { collect } from './streams.js';
import { checkClient, closeClient } from './clientInternals.js';
import { normaliseConnectionString } from './connection.js';
import { toStoreError, type ErrorContext } from './errors.js';
import { toGlobalPosition } from './positions.js';
import { isSystemEvent, toEventData, toRecordedEvent, type WireEvent } from './records.js';
import { startSubscription } from './subscription.js';

export interface EventStoreDbStoreOptions<E extends DomainEvent> {
  readonly registry: EventRegistry<E>;
  /** `esdb://host:2113?tls=false` (or `kurrentdb://…`); give this or `client`. */
  readonly connectionString?: string;
  /** A client of your own: `close()` then leaves it open. */
  readonly client?: EventStoreDBClient;
  /** Stamps `recordedAt`; inject a fixed or stepping clock for byte-identical replays. */
  readonly clock?: Clock;
  /** Generates event ids the caller did not supply. */
  readonly ids?: IdGenerator;
  /** How long one try of a call may wait for the server (for reads: between two messages). Default 10 000 ms. */
  readonly deadlineMs?: number;
  /** Retries after transient failures (unavailable, deadline, timeout), for calls and dropped subscriptions. */
  readonly retry?: Partial<RetryPolicy>;
}

export type EventStoreDbStore<E extends DomainEvent> = EventStore<E>;

const checkDeadline = (deadlineMs: unknown): number => {
  if (typeof deadlineMs !== 'number' || !Number.isInteger(deadlineMs) || deadlineMs < 1) {
    throw new InvalidArgumentError('deadlineMs', `expected a whole number of milliseconds ≥ 1, got ${String(deadlineMs)}`);
  }
  return deadlineMs;
};

/**
 * The store port over EventStoreDB (or KurrentDB) through @eventstore/db-client. The server checks
 * expected revisions and keeps appends atomic and idempotent; event ids are the envelopes' UUIDs, so a
 * retried append (after a timeout or a dropped connection, by this adapter or by its caller) is recognised
 * and not written twice. Every event read back goes through `registry.decode`.
 */
export const createEventStoreDbStore = <E extends DomainEvent>(options: EventStoreDbStoreOptions<E>): EventStoreDbStore<E> => {
  const { registry, clock = systemClock, ids = randomIds } = options;
  const deadlineMs = checkDeadline(options.deadlineMs ?? 10_000);
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  if (!options.client && options.connectionString === undefined) {
    throw new InvalidArgumentError('connectionString', 'give a connection string (e.g. esdb://localhost:2113?tls=false) or a client');
  }
  const client = options.client ?? EventStoreDBClient.connectionString(normaliseConnectionString(options.connectionString!));
  checkClient(client);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new StoreUnavailableError('the EventStoreDB event store has been closed');
  };
  /**
   * One call, tried again after transient failures, its errors made typed. Reads bound each wait for a
   * message themselves (a long read is not slow); an append is bounded as a whole, per try.
   */
  const call = async <T>(work: () => Promise<T>, context: ErrorContext = {}): Promise<T> => {
    try {
      return await retrying(retry, work, () => closed);
    } catch (error) {
      throw toStoreError(error, context);
    }
  };
  const decode = (event: WireEvent): StoredEvent<E> => registry.decode(toRecordedEvent(event));
  /** One page of $all; each page is retried on its own, so a long read never starts over. */
  const readPage = (raw: RawRead) => call(() => rawReadAll(client, raw, deadlineMs));

  const readStreamWire = async (streamId: string, plan: ReturnType<typeof planStreamRead>): Promise<WireEvent[]> => {
    const resolved = await call(
      () => {
        const reading = client.readStream(streamId, {
          direction: plan.direction,
          fromRevision: plan.from === 'start' ? START : plan.from === 'end' ? END : plan.from,
          ...(plan.maxCount === Number.POSITIVE_INFINITY ? {} : { maxCount: Math.max(plan.maxCount, 1) }),
        });
        return collect<ResolvedEvent>(reading, deadlineMs, `reading '${streamId}'`, () => void reading.cancel());
      },
      { streamId },
    );
    // The client ends a read that close() cancels as if it were whole: never pass on what it had so far.
    if (closed) throw new StoreUnavailableError(`the EventStoreDB event store was closed while reading '${streamId}'`);
    return resolved.flatMap(({ event }) => (event && !isSystemEvent(event) ? [event] : []));
  };

  /** An empty append writes nothing: the adapter checks the expected revision against the stream itself. */
  const emptyAppend = async (streamId: string, expected: ExpectedRevision): Promise<AppendResult> => {
    const last = await readStreamWire(streamId, { direction: 'backwards', from: 'end', maxCount: 1 }).then(
      ([event]) => (event ? decode(event) : undefined),
      (error: unknown) => {
        if (error instanceof StreamNotFoundError) return undefined;
        throw error;
      },
    );
    checkExpectedRevision(streamId, expected, last?.streamRevision);
    return { nextExpectedRevision: last?.streamRevision ?? -1n, position: last?.globalPosition ?? -1n };
  };

  const lastPosition = async (filter: EventFilter | undefined | 'everything'): Promise<bigint | undefined> => {
    const [last] =
      filter === 'everything'
        ? await readPage({ from: 'end', direction: 'backwards', count: 1, filter: undefined })
        : await readAllPages(readPage, { direction: 'backwards', from: 'end', maxCount: 1, filter });
    return last?.position ? toGlobalPosition(last.position) : undefined;
  };

  return {
    registry,

    appendToStream: async (streamId, events, appendOptions) => {
      ensureOpen();
      checkStreamId(streamId);
      const expected = planAppend(appendOptions);
      const prepared = registry.prepare(events, ids);
      if (prepared.length === 0) return emptyAppend(streamId, expected);
      const recordedAt = clock.now();
      const data = prepared.map((event) => toEventData(event, recordedAt));
      const result = await call(
        () => withDeadline(client.appendToStream(streamId, data, { expectedRevision: expected, deadline: deadlineMs }), deadlineMs, `an append to '${streamId}'`),
        { streamId, expected },
      );
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position ? toGlobalPosition(result.position) : -1n };
    },

    readStream: async (streamId, readOptions) => {
      ensureOpen();
      checkStreamId(streamId);
      const plan = planStreamRead(readOptions);
      const events = await readStreamWire(streamId, plan);
      // maxCount 0 still asks the server, so that a missing stream is reported as in memory.
      return plan.maxCount === 0 ? [] : events.map(decode);
    },

    readAll: async (readOptions) => {
      ensureOpen();
      const plan = planAllRead(readOptions);
      return (await readAllPages(readPage, plan)).map(decode);
    },

    subscribe: (handler, subscribeOptions) => {
      ensureOpen();
      const subscription = startSubscription({ client, registry, retry, lastPosition }, handler, subscribeOptions);
      subscriptions.add(subscription);
      void subscription.done.then(() => subscriptions.delete(subscription));
      return subscription;
    },

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (!options.client) await closeClient(client);
    },
  };
};
