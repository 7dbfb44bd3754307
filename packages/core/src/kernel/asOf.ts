import type { DomainEvent, StoredEvent } from './envelope.js';
import { InvalidArgumentError } from './errors.js';
import { toInstant, type Instant } from './instant.js';

/**
 * Which events count. `revision`: a stream up to and including that revision. `recordedAt`: what the
 * system knew then. `occurredAt`: what had happened then (as known now, unless `recordedAt` is given too).
 * Every condition given must hold.
 */
export interface AsOf {
  readonly revision?: bigint;
  readonly recordedAt?: Instant;
  readonly occurredAt?: Instant;
}

export type EventPredicate = (event: StoredEvent) => boolean;

/** A predicate for {@link AsOf}; instants are compared in their normal form, as strings. */
export const asOfPredicate = (asOf: AsOf): EventPredicate => {
  const { revision } = asOf;
  if (revision !== undefined && (typeof revision !== 'bigint' || revision < -1n)) {
    throw new InvalidArgumentError('asOf.revision', 'expected a bigint revision ≥ -1');
  }
  const recordedAt = asOf.recordedAt === undefined ? undefined : toInstant(asOf.recordedAt, 'asOf.recordedAt');
  const occurredAt = asOf.occurredAt === undefined ? undefined : toInstant(asOf.occurredAt, 'asOf.occurredAt');
  return (event) =>
    (revision === undefined || event.streamRevision <= revision) &&
    (recordedAt === undefined || event.recordedAt <= recordedAt) &&
    (occurredAt === undefined || event.occurredAt <= occurredAt);
};

/** The events that satisfy an {@link AsOf}, in their stored order. */
export const eventsAsOf = <E extends DomainEvent>(events: readonly StoredEvent<E>[], asOf: AsOf): StoredEvent<E>[] => {
  const keep = asOfPredicate(asOf);
  return events.filter((event) => keep(event));
};
