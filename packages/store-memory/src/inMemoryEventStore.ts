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
  toStoredEvent,
  WrongExpectedRevisionError,
  type Clock,
  type DomainEvent,
  type EventRegistry,
  type EventStore,
  type IdGenerator,
  type StoredEvent,
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
 * The whole store port in one process. The global log is an array and an event's global position is its
 * index in it; a stream is the list of its events. Appends run without an `await` between the checks and
 * the writes, so one call is atomic and concurrent calls are serialised.
 */
export const createInMemoryEventStore = <E extends DomainEvent>(options: InMemoryEventStoreOptions<E>): InMemoryEventStore<E> => {
  const { registry, clock = systemClock, ids = randomIds } = options;
  const log: StoredEvent<E>[] = [];
  const streams = new Map<string, StoredEvent<E>[]>();
  // Where each event id stands, for idempotent appends with 'any' or 'stream_exists' (the others know where
  // to look). Indexed lazily, up to `indexed` in the log: most appends never need it, and a Map entry per
  // event costs more than the rest of an append's bookkeeping.
  const byEventId = new Map<string, StoredEvent<E>>();
  let indexed = 0;
  const findEvent = (eventId: string): StoredEvent<E> | undefined => {
    for (; indexed < log.length; indexed++) byEventId.set(log[indexed]!.eventId, log[indexed]!);
    return byEventId.get(eventId);
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
    size: () => log.length,

    appendToStream: async (streamId, events, appendOptions) => {
      ensureOpen();
      const stream = streams.get(streamId);
      // A stream that exists was created with a checked id.
      if (!stream) checkStreamId(streamId);
      const expected = planAppend(appendOptions);
      const prepared = registry.prepare(events, ids);
      const current = stream ? revision(stream.length - 1) : undefined;
      // An append at the stream's current revision (the usual one) cannot be a retry: a retry names the
      // revision before its own events. Only the other appends look for one (and build no closure).
      if (stream && (typeof expected !== 'bigint' || expected !== current)) {
        const replay = findIdempotentAppend(stream, prepared, expected, (eventId) => {
          const found = findEvent(eventId);
          return found?.streamId === streamId ? found.streamRevision : undefined;
        });
        if (replay) return replay;
      }
      // As EventStoreDB: a batch whose first id already stands in the stream but whose rest does not match
      // is neither a retry nor new ("corrupted idempotency"). Exact revisions and no_stream fail below anyway.
      const first = prepared[0];
      if (first && current !== undefined && (expected === 'any' || expected === 'stream_exists') && findEvent(first.eventId)?.streamId === streamId) {
        throw new WrongExpectedRevisionError(streamId, expected, current);
      }
      checkExpectedRevision(streamId, expected, current);
      if (prepared.length === 0) {
        const last = stream?.[stream.length - 1];
        return { nextExpectedRevision: last?.streamRevision ?? -1n, position: last?.globalPosition ?? -1n };
      }
      const target = stream ?? [];
      if (!stream) streams.set(streamId, target);
      const recordedAt = clock.now();
      let stored: StoredEvent<E> | undefined;
      for (const event of prepared) {
        stored = toStoredEvent<E>(event, {
          streamId,
          streamRevision: revision(target.length),
          globalPosition: BigInt(log.length),
          recordedAt,
        });
        target.push(stored);
        log.push(stored);
      }
      wakeAll();
      return { nextExpectedRevision: stored!.streamRevision, position: stored!.globalPosition };
    },

    readStream: async (streamId, readOptions) => {
      ensureOpen();
      checkStreamId(streamId);
      const plan = planStreamRead(readOptions);
      const stream = streams.get(streamId);
      if (!stream) throw new StreamNotFoundError(streamId);
      const last = stream.length - 1;
      if (plan.direction === 'forwards') {
        const start = plan.from === 'start' ? 0 : plan.from === 'end' ? stream.length : Number(plan.from);
        return stream.slice(start, plan.maxCount === Infinity ? undefined : start + plan.maxCount);
      }
      const start = plan.from === 'end' ? last : plan.from === 'start' ? 0 : Math.min(Number(plan.from), last);
      const end = plan.maxCount === Infinity ? 0 : Math.max(0, start - plan.maxCount + 1);
      return start < 0 || plan.maxCount === 0 ? [] : stream.slice(end, start + 1).reverse();
    },

    readAll: async (readOptions) => {
      ensureOpen();
      const plan = planAllRead(readOptions);
      const matches = compileFilter(plan.filter);
      const out: StoredEvent<E>[] = [];
      if (plan.maxCount === 0) return out;
      if (plan.direction === 'forwards') {
        const start = plan.from === 'start' ? 0 : plan.from === 'end' ? log.length : Number(plan.from);
        for (let i = start; i < log.length && out.length < plan.maxCount; i++) {
          const event = log[i]!;
          if (matches(event)) out.push(event);
        }
      } else {
        const start = plan.from === 'end' ? log.length - 1 : plan.from === 'start' ? 0 : Math.min(Number(plan.from), log.length - 1);
        for (let i = start; i >= 0 && out.length < plan.maxCount; i--) {
          const event = log[i]!;
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
      const caughtUpAt = log.length;
      let cursor = after === 'start' ? 0 : after === 'end' ? log.length : Number(after) + 1;
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
            while (!isStopped() && cursor < log.length) {
              const event = log[cursor++]!;
              if (matches(event)) await handler.onEvent(event);
              if (!isStopped()) await signalCaughtUp();
            }
            if (isStopped()) return { reason: 'closed' };
            await new Promise<void>((resolve) => {
              wake = resolve;
              if (isStopped() || cursor < log.length) waker();
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
