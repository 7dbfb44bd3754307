import { asOfPredicate, type AsOf } from './asOf.js';
import type { DomainEvent, StoredEvent } from './envelope.js';
import { StreamNotFoundError } from './errors.js';
import type { EventStore } from './store.js';

export interface AggregateResult<E extends DomainEvent, S> {
  readonly state: S;
  /** The revision of the last event of the stream read, or undefined when the stream does not exist. */
  readonly streamRevision: bigint | undefined;
  /** The events folded (all of the stream, or those satisfying `asOf`). */
  readonly events: readonly StoredEvent<E>[];
}

/** Reads a stream, tolerating its absence. */
export const readStreamIfExists = async <E extends DomainEvent>(store: EventStore<E>, streamId: string) => {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
};

/**
 * Folds a stream into its state, optionally as of a revision, a recordedAt instant (what was known then)
 * or an occurredAt instant (what had happened then). A missing stream gives the initial state.
 */
export const aggregateStream = async <E extends DomainEvent, S, A extends DomainEvent = E>(
  store: EventStore<E>,
  streamId: string,
  // `A`: the aggregate's own events. A store usually holds many more types; a stream holds only its aggregate's.
  decider: { readonly initialState: S; evolve(state: S, event: A): S },
  options: { readonly asOf?: AsOf } = {},
): Promise<AggregateResult<E, S>> => {
  const all = await readStreamIfExists(store, streamId);
  if (all === undefined) return { state: decider.initialState, streamRevision: undefined, events: [] };
  const keep = options.asOf ? asOfPredicate(options.asOf) : undefined;
  const events = keep ? all.filter((event) => keep(event)) : all;
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event as unknown as A);
  return { state, streamRevision: all[all.length - 1]?.streamRevision, events };
};
