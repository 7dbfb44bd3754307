import {
  InvalidArgumentError,
  StreamDeletedError,
  checkStreamId,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type DomainEvent,
  type EventFilter,
  type EventStore,
  type StoredEvent,
} from '@itt-ledger/core';

/**
 * A view of `store` in which every stream id carries `prefix` on the server and not in the application:
 * a run writes `py-1a2b/placement-x` while its commands, projections and exports see `placement-x`. It
 * lets the demo run again and again against one EventStoreDB (whose streams persist) with the same ids
 * and the same report. `readAll` and subscriptions see only the prefixed streams. An empty prefix gives
 * the store itself.
 */
export const withStreamPrefix = <E extends DomainEvent>(store: EventStore<E>, prefix: string): EventStore<E> => {
  if (prefix === '') return store;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(prefix)) throw new InvalidArgumentError('prefix', 'a stream prefix cannot hold control characters');
  // The id is checked as given, so that an empty or malformed one is refused as by the store itself.
  const inside = (streamId: string) => prefix + checkStreamId(streamId);
  const outside = (streamId: string) => (streamId.startsWith(prefix) ? streamId.slice(prefix.length) : streamId);
  const filter = (given: EventFilter | undefined): EventFilter => ({
    ...given,
    streamPrefixes: (given?.streamPrefixes ?? ['']).map((streamPrefix) => prefix + streamPrefix),
  });
  // Stored events are frozen: the view hands out frozen copies with the application's stream id.
  const strip = (event: StoredEvent<E>): StoredEvent<E> => Object.freeze({ ...event, streamId: outside(event.streamId) }) as StoredEvent<E>;
  const rename = (error: unknown): never => {
    if (error instanceof WrongExpectedRevisionError) throw new WrongExpectedRevisionError(outside(error.streamId), error.expected, error.actual);
    if (error instanceof StreamNotFoundError) throw new StreamNotFoundError(outside(error.streamId));
    if (error instanceof StreamDeletedError) throw new StreamDeletedError(outside(error.streamId));
    throw error;
  };

  return {
    registry: store.registry,
    appendToStream: async (streamId, events, options) => store.appendToStream(inside(streamId), events, options).catch(rename),
    readStream: async (streamId, options) => (await store.readStream(inside(streamId), options).catch(rename)).map(strip),
    readAll: async (options) => (await store.readAll({ ...options, filter: filter(options?.filter) })).map(strip),
    subscribe: (handler, options) =>
      store.subscribe(
        {
          onEvent: (event) => handler.onEvent(strip(event)),
          ...(handler.onCaughtUp ? { onCaughtUp: () => handler.onCaughtUp?.() } : {}),
          ...(handler.onError ? { onError: (error: unknown) => handler.onError?.(error) } : {}),
        },
        { ...options, filter: filter(options?.filter) },
      ),
    close: () => store.close(),
  };
};
