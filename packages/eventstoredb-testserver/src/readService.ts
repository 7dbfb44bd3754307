import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { FaultState } from './faults.js';
import { TOMBSTONE_REVISION, type AllReadFrom, type ServerEvent, type ServerLog, type StreamReadFrom } from './log.js';
import { ReadDirection, ReadResp, type streams } from './protocol.js';
import { eventResponse, sleep, streamDeletedError, streamNameOf, toPosition, toStreamIdentifier, unavailableError } from './wire.js';

type ReadCall = ServerWritableStream<streams.ReadReq, streams.ReadResp>;
type Options = streams.ReadReq.Options;

/** EventStoreDB's server-side filter for $all: on stream name or event type, by prefixes or a regex. */
const filterOf = (options: Options): ((event: ServerEvent) => boolean) => {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const prefixes = expression?.getPrefixList() ?? [];
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (event) => {
    const subject = onType ? event.type : event.streamName;
    return (prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix))) && (!regex || regex.test(subject));
  };
};

const allFrom = (options: Options): AllReadFrom => {
  const all = options.getAll()!;
  const position = all.getPosition();
  if (all.hasPosition() && position) return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  return all.hasEnd() ? 'end' : 'start';
};

const streamFrom = (stream: streams.ReadReq.Options.StreamOptions): StreamReadFrom =>
  stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';

/** Streams.Read: stream and $all reads, and subscriptions to either. */
export const createReadHandler = (log: ServerLog, faults: FaultState) => async (call: ReadCall) => {
  const options = call.request.getOptions();
  if (faults.isUnavailable()) {
    faults.refused();
    call.emit('error', unavailableError('server unavailable (injected fault)'));
    return;
  }
  if (faults.delayMs() > 0) await sleep(faults.delayMs());
  if (call.cancelled) return;
  if (!options || (!options.hasStream() && !options.hasAll())) {
    call.emit('error', unavailableError('read request without options'));
    return;
  }
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  if (options.hasSubscription()) {
    subscribe(call, log, faults, options, structuredIds);
    return;
  }
  const direction = options.getReadDirection() === ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
  const count = options.hasCount() ? Number(BigInt(options.getCount())) : Number.POSITIVE_INFINITY;
  const stream = options.getStream();
  if (options.hasStream() && stream) {
    const streamName = streamNameOf(stream.getStreamIdentifier()) ?? '';
    const result = log.readStream(streamName, streamFrom(stream), direction, count);
    if (result.kind === 'deleted') {
      call.emit('error', streamDeletedError(streamName));
      return;
    }
    if (result.kind === 'not_found') {
      if (cutAfterSending(call, [], faults.takeReadDrop('stream'), structuredIds)) return;
      call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(toStreamIdentifier(streamName))));
    } else if (cutAfterSending(call, result.events, faults.takeReadDrop('stream'), structuredIds)) {
      return;
    }
    call.end();
    return;
  }
  const events = log.readAll(allFrom(options), direction, count, filterOf(options));
  if (cutAfterSending(call, events, faults.takeReadDrop('all'), structuredIds)) return;
  call.end();
};

/**
 * Sends the events of a read; with an injected read drop (`cutAfter`), only that many, and then the call
 * ends UNAVAILABLE instead of ending well, as when the connection is lost mid-read. True when cut.
 */
const cutAfterSending = (call: ReadCall, events: readonly ServerEvent[], cutAfter: number | undefined, structuredIds: boolean): boolean => {
  const sent = cutAfter === undefined ? events : events.slice(0, cutAfter);
  for (const event of sent) call.write(eventResponse(event, structuredIds));
  if (cutAfter === undefined) return false;
  call.emit('error', unavailableError('connection dropped mid-read (injected fault)'));
  return true;
};

/** Confirmation, catch-up, `caught_up`, then live events; the call stays open until cancelled or dropped. */
const subscribe = (call: ReadCall, log: ServerLog, faults: FaultState, options: Options, structuredIds: boolean) => {
  const stream = options.getStream();
  let cursor: number;
  let matches: (event: ServerEvent) => boolean;
  if (options.hasStream() && stream) {
    const streamName = streamNameOf(stream.getStreamIdentifier()) ?? '';
    const from = streamFrom(stream);
    const after = from === 'start' ? -1n : from === 'end' ? undefined : from;
    cursor = from === 'end' ? log.all.length : 0;
    matches = (event) => event.streamName === streamName && event.revision !== TOMBSTONE_REVISION && (after === undefined || event.revision > after);
  } else {
    cursor = log.indexAfter(allFrom(options));
    matches = filterOf(options);
  }
  const filtered = options.hasFilter();
  let sent = 0;
  let caughtUp = false;
  let done = false;

  const cleanup = () => {
    done = true;
    stopListening();
    untrack();
  };
  const drop = (why: 'fault' | 'shutdown' = 'fault') => {
    if (done) return;
    cleanup();
    if (why === 'fault') faults.subscriptionDropped();
    call.emit('error', unavailableError(why === 'fault' ? 'subscription dropped (injected fault)' : 'server shutting down'));
  };
  const pump = () => {
    while (!done && cursor < log.all.length) {
      const event = log.all[cursor++]!;
      if (!matches(event)) continue;
      call.write(eventResponse(event, structuredIds));
      sent++;
      const limit = faults.subscriptionLimit();
      if (limit !== undefined && sent >= limit) return drop();
    }
    if (!done && !caughtUp) {
      caughtUp = true;
      const last = log.all[log.all.length - 1];
      if (filtered && last) call.write(new ReadResp().setCheckpoint(toPosition(new ReadResp.Checkpoint(), last.position)));
      call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    }
  };
  const stopListening = log.onWrite(pump);
  const untrack = faults.trackSubscription(drop);
  call.on('cancelled', cleanup);
  call.on('error', cleanup);
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  pump();
};
