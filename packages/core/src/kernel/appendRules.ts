import type { StoredEvent } from './envelope.js';
import { WrongExpectedRevisionError } from './errors.js';
import type { PreparedEvent } from './registry.js';
import type { AppendResult, EventFilter, ExpectedRevision } from './store.js';

/**
 * Throws unless the stream's state satisfies the expected revision. `current` is the revision of the
 * stream's last event, or undefined when the stream does not exist. Shared by every adapter that checks
 * revisions itself, so that all of them refuse exactly the same appends.
 */
export const checkExpectedRevision = (streamId: string, expected: ExpectedRevision, current: bigint | undefined): void => {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
};

/**
 * EventStoreDB's idempotence: a batch whose event ids already stand, in the same order, where this append
 * would have put them is a retry of an append that succeeded. Returns that append's result, or undefined.
 */
/** A stream's events by revision: an array, or a store's view that builds each event only when asked. */
export interface StreamEvents {
  readonly length: number;
  at(revision: number): Pick<StoredEvent, 'eventId' | 'streamRevision' | 'globalPosition'> | undefined;
}

export const findIdempotentAppend = (
  stream: StreamEvents,
  batch: readonly PreparedEvent[],
  expected: ExpectedRevision,
  findRevision: (eventId: string) => bigint | undefined,
): AppendResult | undefined => {
  const first = batch[0];
  if (!first || stream.length === 0) return undefined;
  // Numbers, not bigints: this runs on every append, and a stream never nears 2^53 events.
  let offset: number;
  if (expected === 'no_stream') offset = 0;
  else if (typeof expected === 'bigint') offset = Number(expected) + 1;
  else {
    const found = findRevision(first.eventId);
    if (found === undefined) return undefined;
    offset = Number(found);
  }
  if (offset < 0 || offset + batch.length > stream.length) return undefined;
  for (let i = 0; i < batch.length; i++) {
    if (stream.at(offset + i)?.eventId !== batch[i]?.eventId) return undefined;
  }
  // As EventStoreDB does, answer with where the original batch ended, even if the stream has moved on.
  const last = stream.at(offset + batch.length - 1);
  return last ? { nextExpectedRevision: last.streamRevision, position: last.globalPosition } : undefined;
};

/** Compiles a filter into a predicate (types AND stream prefixes; each list matches any of its entries). */
export const compileFilter = (
  filter: EventFilter | undefined,
): ((event: Pick<StoredEvent, 'type' | 'streamId'>) => boolean) => {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes;
  if (!types && !prefixes) return () => true;
  return (event) =>
    (!types || types.has(event.type)) && (!prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
};
