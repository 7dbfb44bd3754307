import { StoreUnavailableError, type EventFilter, type ReadDirection } from '@itt-ledger/core';
import { convertToCommandError, type EventStoreDBClient } from '@eventstore/db-client';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import { collect } from './streams.js';
import { openRead } from './clientInternals.js';
import { fromGlobalPosition, toGlobalPosition, type AllPosition } from './positions.js';
import type { WireEvent } from './records.js';
import { matcherFor, matchesNothing, serverFilterFor, type ServerFilter } from './serverFilter.js';

const { ReadReq } = streamsPb;
const { Empty } = sharedPb;

export interface RawRead {
  readonly from: 'start' | 'end' | AllPosition;
  readonly direction: ReadDirection;
  readonly count: number;
  readonly filter: ServerFilter;
}

const readRequest = ({ from, direction, count, filter }: RawRead) => {
  const all = new ReadReq.Options.AllOptions();
  if (from === 'start') all.setStart(new Empty());
  else if (from === 'end') all.setEnd(new Empty());
  else all.setPosition(new ReadReq.Options.Position().setCommitPosition(from.commit.toString()).setPreparePosition(from.prepare.toString()));
  const options = new ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setCount(String(count))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()))
    .setReadDirection(direction === 'forwards' ? ReadReq.Options.ReadDirection.FORWARDS : ReadReq.Options.ReadDirection.BACKWARDS);
  if (filter === undefined) {
    options.setNoFilter(new Empty());
  } else {
    const expression = new ReadReq.Options.FilterOptions.Expression();
    const filterOptions = new ReadReq.Options.FilterOptions().setCount(new Empty()).setCheckpointintervalmultiplier(1);
    if (filter.on === 'stream') filterOptions.setStreamIdentifier(expression.setPrefixList([...filter.prefixes]));
    else filterOptions.setEventType(expression.setRegex(filter.regex));
    options.setFilter(filterOptions);
  }
  return new ReadReq().setOptions(options);
};

const json = (bytes: Uint8Array): unknown => {
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const wireEventOf = (recorded: ReadResp.ReadEvent.RecordedEvent): WireEvent => {
  const metadata = recorded.getCustomMetadata_asU8();
  return {
    streamId: Buffer.from(recorded.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8'),
    id: recorded.getId()?.getString() ?? '',
    revision: BigInt(recorded.getStreamRevision()),
    type: recorded.getMetadataMap().get('type') ?? '',
    data: json(recorded.getData_asU8()),
    metadata: metadata.length === 0 ? undefined : json(metadata),
    position: { commit: BigInt(recorded.getCommitPosition()), prepare: BigInt(recorded.getPreparePosition()) },
  };
};

/** One filtered read of $all, whole, with an idle deadline. */
export const rawReadAll = async (client: EventStoreDBClient, read: RawRead, idleMs: number): Promise<WireEvent[]> => {
  const stream = await openRead(client, readRequest(read));
  const responses = await collect<ReadResp>(stream, idleMs, 'reading $all', () => stream.cancel()).catch((error: unknown) => {
    throw error instanceof StoreUnavailableError ? error : convertToCommandError(error as Error);
  });
  return responses.flatMap((response) => {
    const recorded = response.getEvent()?.getEvent();
    return recorded ? [wireEventOf(recorded)] : [];
  });
};

const PAGE = 512;
const positionOf = (event: WireEvent) => toGlobalPosition(event.position!);

export interface AllReadPlan {
  readonly direction: ReadDirection;
  readonly from: bigint | 'start' | 'end';
  readonly maxCount: number;
  readonly filter: EventFilter | undefined;
}

/**
 * Reads $all page by page until `maxCount` events pass the whole filter. `from` is inclusive in both
 * directions, as the port says; EventStoreDB reads backwards from a position exclusively (a position
 * points at the start of a record), so a backwards read first fetches the event at the position itself.
 */
export const readAllPages = async (read: (raw: RawRead) => Promise<WireEvent[]>, plan: AllReadPlan): Promise<WireEvent[]> => {
  const out: WireEvent[] = [];
  if (plan.maxCount === 0 || matchesNothing(plan.filter)) return out;
  const filter = serverFilterFor(plan.filter);
  const matches = matcherFor(plan.filter);
  const take = (events: readonly WireEvent[], after?: bigint) => {
    for (const event of events) {
      if (after !== undefined && positionOf(event) <= after) continue;
      if (matches(event)) out.push(event);
      if (out.length >= plan.maxCount) return true;
    }
    return false;
  };

  if (plan.direction === 'forwards') {
    let from: RawRead['from'] = typeof plan.from === 'bigint' ? fromGlobalPosition(plan.from) : plan.from;
    let seen: bigint | undefined;
    for (;;) {
      // A later page starts at the last event seen, inclusive: one more, to make up for it.
      const count = Math.min(plan.maxCount - out.length + (seen === undefined ? 0 : 1), PAGE);
      const page = await read({ from, direction: 'forwards', count, filter });
      if (take(page, seen) || page.length < count) return out;
      const last = page[page.length - 1]!;
      seen = positionOf(last);
      from = last.position!;
    }
  }

  if (plan.from === 'start') {
    // Inclusive, as in memory: the store's first event, if it matches; nothing lies before it.
    const [first] = await read({ from: 'start', direction: 'forwards', count: 1, filter: serverFilterFor(undefined) });
    if (first) take([first]);
    return out;
  }
  let from: RawRead['from'] = 'end';
  if (plan.from !== 'end') {
    from = fromGlobalPosition(plan.from);
    const [at] = await read({ from, direction: 'forwards', count: 1, filter });
    if (at && positionOf(at) === plan.from && take([at])) return out;
  }
  for (;;) {
    const count = Math.min(plan.maxCount - out.length, PAGE);
    const page = await read({ from, direction: 'backwards', count, filter });
    if (take(page) || page.length < count) return out;
    from = page[page.length - 1]!.position!;
  }
};
