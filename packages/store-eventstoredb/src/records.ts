import type { EventMetadata, Instant, PreparedEvent, RecordedEvent } from '@itt-ledger/core';
import { jsonEvent, type EventData, type JSONType } from '@eventstore/db-client';
import { isKnownPosition, toGlobalPosition, type AllPosition } from './positions.js';

/**
 * The envelope fields EventStoreDB has no slot for travel in the event's metadata (JSON). Correlation and
 * causation use the names EventStoreDB's system projections (`$by_correlation_id`) read.
 */
export interface StoredMetadata {
  readonly $correlationId?: string;
  readonly $causationId?: string;
  readonly actor?: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** An event as read from the server: the fields of the client's recorded event this adapter uses. */
export interface WireEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: AllPosition | undefined;
}

/** EventStoreDB's own events ($metadata, $streamDeleted, links, statistics…): never domain events. */
export const isSystemEvent = (event: Pick<WireEvent, 'type'>) => event.type.startsWith('$');

/**
 * The event as written: the data and version as offered (readers get them upcast by `registry.decode`),
 * under the envelope's own id, so that a retried append is recognised by the server.
 */
export const toEventData = (event: PreparedEvent, recordedAt: Instant): EventData => {
  const { correlationId, causationId, actor } = event.metadata;
  const metadata: StoredMetadata = {
    ...(correlationId === undefined ? {} : { $correlationId: correlationId }),
    ...(causationId === undefined ? {} : { $causationId: causationId }),
    ...(actor === undefined ? {} : { actor }),
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt,
  };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data as JSONType, metadata: metadata as unknown as JSONType });
};

const field = (metadata: unknown, key: string): unknown =>
  typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>)[key] : undefined;

/**
 * What `registry.decode` checks: anything missing or malformed here (an event another program wrote, a
 * position the server did not report) makes it a StoredEventInvalidError rather than passing it on.
 */
export const toRecordedEvent = (event: WireEvent): RecordedEvent => {
  const metadata: Record<keyof EventMetadata, unknown> = {
    correlationId: field(event.metadata, '$correlationId'),
    causationId: field(event.metadata, '$causationId'),
    actor: field(event.metadata, 'actor'),
  };
  return {
    type: event.type,
    data: event.data,
    schemaVersion: field(event.metadata, 'schemaVersion') as number,
    metadata,
    eventId: event.id,
    streamId: event.streamId,
    streamRevision: event.revision,
    globalPosition: isKnownPosition(event.position) ? toGlobalPosition(event.position) : -1n,
    occurredAt: field(event.metadata, 'occurredAt') as string,
    recordedAt: field(event.metadata, 'recordedAt') as string,
  };
};
