import type { Clock, EventStore, ExpectedRevision, Instant, IttLedgerEvent } from '@itt-ledger/core';
import { instantAt, type Day } from './dates.js';
import type { Generated } from './emit.js';

/** A store clock that reads 20:00 on the day being appended: `recordedAt` follows the generated year. */
export interface DayClock extends Clock {
  day(day: Day): void;
}

export const dayClock = (): DayClock => {
  let now: Instant = instantAt(0, 0);
  return {
    now: () => now,
    day: (day) => {
      now = instantAt(day, 20 * 60);
    },
  };
};

/**
 * Appends each event as the command that made it would, one append per event with the expected revision
 * of the stream's previous append. The store validates every event; an invalid one throws.
 */
export const appendYear = async (store: EventStore<IttLedgerEvent>, events: Iterable<Generated>, clock?: DayClock): Promise<number> => {
  const revisions = new Map<string, ExpectedRevision>();
  let count = 0;
  for (const { day, streamId, event } of events) {
    clock?.day(day);
    const result = await store.appendToStream(streamId, [event], { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
    revisions.set(streamId, result.nextExpectedRevision);
    count++;
  }
  return count;
};

/** Each event's expected revision, worked out before timing: `no_stream` for a stream's first event, then 0n, 1n, … */
export const expectedRevisions = (events: readonly Generated[]): ExpectedRevision[] => {
  const counts = new Map<string, number>();
  return events.map(({ streamId }) => {
    const n = counts.get(streamId) ?? 0;
    counts.set(streamId, n + 1);
    return n === 0 ? 'no_stream' : BigInt(n - 1);
  });
};
