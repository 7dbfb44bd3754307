import type { Instant, RecordedEvent } from '@itt-ledger/core';

/**
 * The JSON Lines export: a header line, one envelope per line in global order, a trailer line.
 * Bigints (revision, position) are decimal strings, since JSON numbers lose precision past 2^53.
 * The trailer carries the number of events, so a file cut short at a line boundary is still noticed.
 */
export const EXPORT_FORMAT = 'itt-ledger/events';
export const EXPORT_VERSION = 1;

/** The fields of an event line, in the order they are written. */
export const EVENT_FIELDS = [
  'streamId',
  'streamRevision',
  'globalPosition',
  'eventId',
  'type',
  'schemaVersion',
  'data',
  'metadata',
  'occurredAt',
  'recordedAt',
] as const;

export const headerLine = (exportedAt: Instant): string => JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt });

export const trailerLine = (events: number): string => JSON.stringify({ format: EXPORT_FORMAT, end: true, events });

export const eventLine = (event: RecordedEvent): string =>
  JSON.stringify({
    streamId: event.streamId,
    streamRevision: event.streamRevision.toString(),
    globalPosition: event.globalPosition.toString(),
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata ?? {},
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  });
