import { compileFilter, type EventFilter } from '@itt-ledger/core';
import { eventTypeFilter, streamNameFilter, type Filter } from '@eventstore/db-client';
import { isSystemEvent, type WireEvent } from './records.js';

/**
 * What the server filters on. EventStoreDB filters on stream name or on event type, not both, so the
 * adapter sends one (stream prefixes when given: they narrow most) and applies the whole filter itself.
 * With no filter it still asks for events whose type does not start with `$`, leaving out the server's own.
 */
export type ServerFilter = { readonly on: 'stream'; readonly prefixes: readonly string[] } | { readonly on: 'type'; readonly regex: string } | undefined;

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|#\s-]/g, '\\$&');

const NO_SYSTEM_EVENTS = '^[^$]';

export const serverFilterFor = (filter: EventFilter | undefined): ServerFilter => {
  if (filter?.streamPrefixes) return { on: 'stream', prefixes: filter.streamPrefixes };
  if (filter?.eventTypes) return { on: 'type', regex: `^(?:${filter.eventTypes.map(escape).join('|')})$` };
  return { on: 'type', regex: NO_SYSTEM_EVENTS };
};

/** The same filter in the client's terms, for subscriptions. */
export const clientFilterFor = (filter: ServerFilter): Filter | undefined =>
  filter === undefined ? undefined : filter.on === 'stream' ? streamNameFilter({ prefixes: [...filter.prefixes] }) : eventTypeFilter({ regex: filter.regex });

/** Whether an event passes the port's filter; the server's own events never do. */
export const matcherFor = (filter: EventFilter | undefined) => {
  const matches = compileFilter(filter);
  return (event: WireEvent) => !isSystemEvent(event) && matches(event);
};

/** A filter list that is present and empty matches nothing: no need to ask the server. */
export const matchesNothing = (filter: EventFilter | undefined) => filter?.eventTypes?.length === 0 || filter?.streamPrefixes?.length === 0;
