import {
  StoreUnavailableError,
  StreamNotFoundError,
  checkExpectedRevision,
  checkStreamId,
  compileFilter,
  findIdempotentAppend,
  planAllRead,
  planAppend,
  planStreamRead,
  planSubscription,
  randomIds,
  systemClock,
  WrongExpectedRevisionError,
  type Clock,
  type DomainEvent,
  type EventMetadata,
  type Instant,
  type EventRegistry,
  type EventStore,
  type IdGenerator,
  type StoredEvent,
  type StreamEvents,
  type SubscriptionEnd,
  type SubscriptionHandler,
} from '@itt-ledger/core';

export interface InMemoryEventStoreOptions<E extends DomainEvent> {
  readonly registry: EventRegistry<E>;
  /** Stamps `recordedAt`; inject a fixed or stepping clock for byte-identical replays. */
  readonly clock?: Clock;
  /** Generates event ids the caller did not supply. */
  readonly ids?: IdGenerator;
}

export interface InMemoryEventStore<E extends DomainEvent> extends EventStore<E> {
  /** How many events the store holds. */
  readonly size: () => number;
}

// Revisions below this are shared bigints, made once: most streams are short, and each bigint made per
// event is one more object for the collector to copy.
const SHARED_REVISIONS = 4096;
const sharedRevisions: bigint[] = [];
const revision = (n: number): bigint => (n < SHARED_REVISIONS ? (sharedRevisions[n] ??= BigInt(n)) : BigInt(n));

/**
 * The log in chunks of 4,096 events (fewer, larger column arrays: appends 4–7 % faster than with 1,024).
 * An append keeps only the columns of its events (what the event is, where it landed); the frozen
 * envelope readers get, with its bigints, is built on the first read and kept. A chunk whose every envelope is built lets its columns go, so a store that has been read holds
 * what it held before (an envelope per event), and an append neither builds nor keeps one: the envelope
 * and its position bigint were a third of what an append kept, all copied by the young-generation
 * collector.
 */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

interface Columns {
  readonly type: string[];
  readonly data: unknown[];
  readonly metadata: EventMetadata[];
  readonly eventId: string[];
  readonly occurredAt: Instant[];
  readonly recordedAt: Instant[];
  /** Schema version, stream (index into `streamList`) and revision, as small integers. */
  readonly numbers: Int32Array;
}

interface Chunk<E extends DomainEvent> {
  columns: Columns | undefined;
  /** The envelopes built so far, by offset in the chunk: allocated whole on the first read (streams are read out of order). */
  envelopes: (StoredEvent<E> | undefined)[] | undefined;
  built: number;
}

interface Stream {
  readonly id: string;
  readonly index: number;
  /** Global position of each of the stream's events, by revision. */
  readonly positions: number[];
}

// Allocated whole: an array grown by push leaves copies of itself behind, some of them copied by the collector.
const newColumns = (): Columns => ({
  type: new Array<string>(CHUNK),
  data: new Array<unknown>(CHUNK),
  metadata: new Array<EventMetadata>(CHUNK),
  eventId: new Array<string>(CHUNK),
  occurredAt: new Array<Instant>(CHUNK),
  recordedAt: new Array<Instant>(CHUNK),
  numbers: new Int32Array(CHUNK * 3),
});

/**
 * The whole store port in one process. The global log is a list of chunks and an event's global position
 * is its index in it; a stream is the list of its events' positions. Appends run without an `await`
 * between the checks and the writes, so one call is atomic and concurrent calls are serialised.
 */
export const createInMemoryEventStore = <E extends DomainEvent>(options: InMemoryEventStoreOptions<E>): InMemoryEventStore<E> => {
  const { registry, clock = systemClock, ids = randomIds } = options;
  const chunks: Chunk<E>[] = [];
  let size = 0;
  const streams = new Map<string, Stream>();
  const streamList: Stream[] = [];

  /** The envelope of the event at a position (< size), built and kept on first use. */
  const eventAt = (position: number): StoredEvent<E> => chunks[position >> CHUNK_BITS]!.envelopes?.[position & (CHUNK - 1)] ?? build(position);
  const build = (position: number): StoredEvent<E> => {
    const chunk = chunks[position >> CHUNK_BITS]!;
    const offset = position & (CHUNK - 1);
    const columns = chunk.columns!;
    const numbers = columns.numbers;
    // The field order of toStoredEvent and registry.decode: every envelope has one hidden class.
    const event = Object.freeze({
      type: columns.type[offset]!,
      data: columns.data[offset],
      schemaVersion: numbers[offset * 3]!,
      metadata: columns.metadata[offset]!,
      eventId: columns.eventId[offset]!,
      streamId: streamList[numbers[offset * 3 + 1]!]!.id,
      streamRevision: revision(numbers[offset * 3 + 2]!),
      globalPosition: BigInt(position),
      occurredAt: columns.occurredAt[offset]!,
      recordedAt: columns.recordedAt[offset]!,
    }) as unknown as StoredEvent<E>;
    (chunk.envelopes ??= new Array<StoredEvent<E> | undefined>(CHUNK))[offset] = event;
    if (++chunk.built === CHUNK) chunk.columns = undefined;
    return event;
  };
  const eventIdAt = (position: number): string => {
    const chunk = chunks[position >> CHUNK_BITS]!;
    const offset = position & (CHUNK - 1);
    return chunk.columns?.eventId[offset] ?? chunk.envelopes![offset]!.eventId;
  };
  const streamEvents = (stream: Stream): StreamEvents => ({
    length: stream.positions.length,
    at: (at) => (at >= 0 && at < stream.positions.length ? eventAt(stream.positions[at]!) : undefined),
  });

  // Where each event id stands, for idempotent appends with 'any' or 'stream_exists' (the others know where
  // to look). Indexed lazily, up to `indexed` in the log: most appends never need it, and a Map entry per
  // event costs more than the rest of an append's bookkeeping.
  const byEventId = new Map<string, number>();
  let indexed = 0;
  const findEvent = (eventId: string): number | undefined => {
    for (; indexed < size; indexed++) byEventId.set(eventIdAt(indexed), indexed);
    return byEventId.get(eventId);
  };
  const findIn = (stream: Stream, eventId: string): bigint | undefined => {
    const position = findEvent(eventId);
    return position === undefined ? undefined : eventAt(position).streamId === stream.id ? eventAt(position).streamRevision : undefined;
  };
  const wakers = new Set<() => void>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new StoreUnavailableError('the in-memory event store has been closed');
  };
  const wakeAll = () => {
    if (wakers.size > 0) for (const wake of [...wakers]) wake();
  };

  const store: InMemoryEventStore<E> = {
    registry,
    size: () => size,

    appendToStream: async (streamId, events, appendOptions) => {
      ensureOpen();
      const stream = streams.get(streamId);
      // A stream that exists was created with a checked id.
      if (!stream) checkStreamId(streamId);
      const expected = planAppend(appendOptions);
      const prepared = registry.prepare(events, ids);
      const length = stream ? stream.positions.length : 0;
      const current = stream && length > 0 ? revision(length - 1) : undefined;
      // An append at the stream's current revision (the usual one) cannot be a retry: a retry names the
      // revision before its own events. Only the other appends look for one (and build no closure).
      if (stream && (typeof expected !== 'bigint' || expected !== current)) {
        const replay = findIdempotentAppend(streamEvents(stream), prepared, expected, (eventId) => findIn(stream, eventId));
        if (replay) return replay;
      }
      // As EventStoreDB: a batch whose first id already stands in the stream but whose rest does not match
      // is neither a retry nor new ("corrupted idempotency"). Exact revisions and no_stream fail below anyway.
      const first = prepared[0];
      if (first && stream && current !== undefined && (expected === 'any' || expected === 'stream_exists') && findIn(stream, first.eventId) !== undefined) {
        throw new WrongExpectedRevisionError(streamId, expected, current);
      }
      checkExpectedRevision(streamId, expected, current);
      if (prepared.length === 0) {
        const last = stream && length > 0 ? eventAt(stream.positions[length - 1]!) : undefined;
        return { nextExpectedRevision: last?.streamRevision ?? -1n, position: last?.globalPosition ?? -1n };
      }
      let target = stream;
      if (!target) {
        target = { id: streamId, index: streamList.length, positions: [] };
        streams.set(streamId, target);
        streamList.push(target);
      }
      const recordedAt = clock.now();
      const positions = target.positions;
      for (let i = 0; i < prepared.length; i++) {
        const event = prepared[i]!;
        const offset = size & (CHUNK - 1);
        if (offset === 0) chunks.push({ columns: newColumns(), envelopes: undefined, built: 0 });
        const columns = chunks[chunks.length - 1]!.columns!;
        columns.type[offset] = event.type;
        columns.data[offset] = event.latestData;
        columns.metadata[offset] = event.metadata;
        columns.eventId[offset] = event.eventId;
        columns.occurredAt[offset] = event.occurredAt;
        columns.recordedAt[offset] = recordedAt;
        columns.numbers[offset * 3] = event.latestVersion;
        columns.numbers[offset * 3 + 1] = target.index;
        columns.numbers[offset * 3 + 2] = positions.length;
        positions.push(size++);
      }
      wakeAll();
      return { nextExpectedRevision: revision(positions.length - 1), position: BigInt(size - 1) };
    },

    readStream: async (streamId, readOptions) => {
      ensureOpen();
      checkStreamId(streamId);
      const plan = planStreamRead(readOptions);
      const stream = streams.get(streamId);
      if (!stream) throw new StreamNotFoundError(streamId);
      const { positions } = stream;
      const last = positions.length - 1;
      if (plan.direction === 'forwards') {
        const start = plan.from === 'start' ? 0 : plan.from === 'end' ? positions.length : Number(plan.from);
        const end = plan.maxCount === Infinity ? positions.length : Math.min(positions.length, start + plan.maxCount);
        const out = new Array<StoredEvent<E>>(Math.max(0, end - start));
        for (let at = start; at < end; at++) out[at - start] = eventAt(positions[at]!);
        return out;
      }
      const out: StoredEvent<E>[] = [];
      const start = plan.from === 'end' ? last : plan.from === 'start' ? 0 : Math.min(Number(plan.from), last);
      const end = plan.maxCount === Infinity ? 0 : Math.max(0, start - plan.maxCount + 1);
      if (plan.maxCount === 0) return out;
      for (let at = start; at >= end; at--) out.push(eventAt(positions[at]!));
      return out;
    },

    readAll: async (readOptions) => {
      ensureOpen();
      const plan = planAllRead(readOptions);
      const matches = compileFilter(plan.filter);
      const out: StoredEvent<E>[] = [];
      if (plan.maxCount === 0) return out;
      if (plan.direction === 'forwards') {
        const start = plan.from === 'start' ? 0 : plan.from === 'end' ? size : Number(plan.from);
        for (let i = start; i < size && out.length < plan.maxCount; i++) {
          const event = eventAt(i);
          if (matches(event)) out.push(event);
        }
      } else {
        const start = plan.from === 'end' ? size - 1 : plan.from === 'start' ? 0 : Math.min(Number(plan.from), size - 1);
        for (let i = start; i >= 0 && out.length < plan.maxCount; i--) {
          const event = eventAt(i);
          if (matches(event)) out.push(event);
        }
      }
      return out;
    },

    subscribe: (handler: SubscriptionHandler<E>, subscribeOptions) => {
      ensureOpen();
      const { after, filter } = planSubscription(subscribeOptions);
      const matches = compileFilter(filter);
      // Fixed now, so that "caught up" means "has seen what existed when it subscribed".
      const caughtUpAt = size;
      let cursor = after === 'start' ? 0 : after === 'end' ? size : Number(after) + 1;
      let stopped = false;
      let wake: (() => void) | undefined;
      const waker = () => {
        const resolve = wake;
        wake = undefined;
        resolve?.();
      };
      wakers.add(waker);

      const isStopped = () => stopped || closed;
      const pump = async (): Promise<SubscriptionEnd> => {
        // Deliver nothing before subscribe() has returned its handle.
        await Promise.resolve();
        let caughtUp = false;
        const signalCaughtUp = async () => {
          if (!caughtUp && cursor >= caughtUpAt) {
            caughtUp = true;
            await handler.onCaughtUp?.();
          }
        };
        try {
          await signalCaughtUp();
          for (;;) {
            while (!isStopped() && cursor < size) {
              const event = eventAt(cursor++);
              if (matches(event)) await handler.onEvent(event);
              if (!isStopped()) await signalCaughtUp();
            }
            if (isStopped()) return { reason: 'closed' };
            await new Promise<void>((resolve) => {
              wake = resolve;
              if (isStopped() || cursor < size) waker();
            });
          }
        } catch (error) {
          handler.onError?.(error);
          return { reason: 'error', error };
        } finally {
          wakers.delete(waker);
        }
      };

      const done = pump();
      return {
        done,
        close: async () => {
          stopped = true;
          waker();
          await done;
        },
      };
    },

    close: async () => {
      if (closed) return;
      closed = true;
      for (const wake of [...wakers]) wake();
    },
  };
  return store;
};
