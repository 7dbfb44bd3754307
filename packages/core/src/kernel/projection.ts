import type { DomainEvent, StoredEvent } from './envelope.js';

/**
 * A read model as a pure fold over stored events: a name, the event types it handles, a fresh initial
 * state, and how one event changes the state. Folding the same events always gives the same state.
 */
export interface Projection<E extends DomainEvent, S> {
  readonly name: string;
  readonly eventTypes: readonly E['type'][];
  /** A fresh state for a fold from zero (a function, because a partitioned state is a new Map each time). */
  initialState(): S;
  evolve(state: S, event: StoredEvent<E>): S;
}

export type AnyProjection = Projection<any, any>;
export type ProjectionState<P> = P extends Projection<any, infer S> ? S : never;

/** One handler per event type the projection handles. */
export type ProjectionHandlers<E extends DomainEvent, S> = {
  readonly [K in E['type']]: (state: S, event: StoredEvent<Extract<E, { readonly type: K }>>) => S;
};

type Dispatch<S> = Record<string, ((state: S, event: StoredEvent) => S) | undefined>;

/**
 * A projection whose events are `E` (pick them with `Extract<AllEvents, { type: 'A' | 'B' }>`); the
 * handler map must cover every one of them.
 */
export const defineProjection = <E extends DomainEvent, S>(spec: {
  readonly name: string;
  readonly initialState: () => S;
  readonly handlers: ProjectionHandlers<E, S>;
}): Projection<E, S> => {
  const handlers = spec.handlers as unknown as Dispatch<S>;
  return Object.freeze({
    name: spec.name,
    eventTypes: Object.keys(handlers),
    initialState: spec.initialState,
    evolve: (state: S, event: StoredEvent<E>) => {
      const handler = handlers[event.type];
      return handler === undefined ? state : handler(state, event);
    },
  });
};

/**
 * A projection kept per partition (a trainee, a school, a mentor): each partition's state is folded on its
 * own, and the map holding them belongs to the fold. Copying a whole map per event would make a year's
 * replay quadratic; for the same reason a handler may return its partition's state changed in place.
 */
export const definePartitionedProjection = <E extends DomainEvent, S>(spec: {
  readonly name: string;
  readonly partitionBy: (event: StoredEvent<E>) => string;
  readonly initialState: () => S;
  readonly handlers: ProjectionHandlers<E, S>;
}): Projection<E, ReadonlyMap<string, S>> => {
  const handlers = spec.handlers as unknown as Dispatch<S>;
  return Object.freeze({
    name: spec.name,
    eventTypes: Object.keys(handlers),
    initialState: () => new Map<string, S>(),
    evolve: (partitions: ReadonlyMap<string, S>, event: StoredEvent<E>) => {
      const handler = handlers[event.type];
      if (handler === undefined) return partitions;
      const key = spec.partitionBy(event);
      const before = partitions.get(key) ?? spec.initialState();
      const after = handler(before, event);
      if (after !== before || !partitions.has(key)) (partitions as Map<string, S>).set(key, after);
      return partitions;
    },
  });
};

/** Folds events into a projection from zero, skipping types it does not handle. */
export const runProjection = <E extends DomainEvent, S>(projection: Projection<E, S>, events: Iterable<StoredEvent<E>>): S => {
  let state = projection.initialState();
  for (const event of events) state = projection.evolve(state, event);
  return state;
};
