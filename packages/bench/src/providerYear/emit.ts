import type { EventMetadata, IttLedgerEvent, IttLedgerEventType, NewEvent } from '@itt-ledger/core';
import { instantAt, type Day } from './dates.js';

export type DataOf<T extends IttLedgerEventType> = Extract<IttLedgerEvent, { readonly type: T }>['data'];

/** One event of the year: the day it is appended, its stream, and the event as a command would write it. */
export interface Generated {
  readonly day: Day;
  readonly streamId: string;
  readonly event: NewEvent<IttLedgerEvent>;
}

/**
 * One entity's events (or one episode of them) in the order of the days they are appended, none before
 * `start`. `run` is called on `start`, not before, so that a script's events exist only while it runs.
 */
export interface Script {
  readonly start: Day;
  readonly run: () => Iterator<Generated>;
}

/**
 * An event that happened on `day` at `minute` past midnight, appended that day or, when it was recorded
 * late, on `recordedOn`. `metadata` is the actor's, one object per actor.
 */
export const eventOn = <T extends IttLedgerEventType>(
  day: Day,
  minute: number,
  streamId: string,
  metadata: EventMetadata,
  type: T,
  data: DataOf<T>,
  recordedOn: Day = day,
): Generated => ({ day: recordedOn, streamId, event: { type, data, occurredAt: instantAt(day, minute), metadata } as NewEvent<IttLedgerEvent> });

/**
 * A flat copy of a string built by concatenation. V8 keeps `a + b` as a rope until something needs its
 * characters; a store fed from JSON holds flat strings, and so must the generated year, or every first
 * map lookup by an id would flatten it on the replay's clock.
 */
export const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** Events built for one stretch of time, put in day order before they are yielded. */
export const byDay = (events: Generated[]): Generated[] => events.sort((a, b) => a.day - b.day);
