import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import type { FaultState } from './faults.js';
import type { ExpectedState, ProposedEvent, ServerLog, WriteOutcome } from './log.js';
import { AppendResp, SharedEmpty, type streams } from './protocol.js';
import {
  badRequestError,
  expectedStateOf,
  maxAppendSizeError,
  missingMetadataError,
  proposedEventOf,
  sleep,
  streamDeletedError,
  streamNameOf,
  toPosition,
  unavailableError,
} from './wire.js';

/** EventStoreDB's default maximum size of one append's data. */
export const MAX_APPEND_SIZE = 1_048_576;

export const tooLarge = (events: readonly ProposedEvent[]) => events.reduce((size, event) => size + event.data.length, 0) > MAX_APPEND_SIZE;

/**
 * Applies an injected fault around the write: `dropped` means the call is to end UNAVAILABLE; `crashed`
 * that the server is going down after the write, and the call must not be answered at all.
 */
export const writeWithFaults = (faults: FaultState, write: () => WriteOutcome): WriteOutcome | 'dropped' | 'crashed' => {
  const drop = faults.takeAppendDrop();
  if (drop === 'before-write') return 'dropped';
  const outcome = write();
  const crash = faults.takeCrash();
  if (crash) {
    crash();
    return 'crashed';
  }
  return drop === 'after-write' ? 'dropped' : outcome;
};

export const DROPPED = 'connection dropped (injected fault)';

/** Streams.Append: options, then one message per event, answered once. */
export const createAppendHandler =
  (log: ServerLog, faults: FaultState) => (call: ServerReadableStream<streams.AppendReq, streams.AppendResp>, callback: sendUnaryData<streams.AppendResp>) => {
    let options: streams.AppendReq.Options | undefined;
    const events: (ProposedEvent | undefined)[] = [];
    call.on('data', (request: streams.AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (request.hasProposedMessage() && message) events.push(proposedEventOf(message));
    });
    call.on('end', () => {
      void (async () => {
        if (faults.isUnavailable()) {
          faults.refused();
          return callback(unavailableError('server unavailable (injected fault)'));
        }
        const streamName = streamNameOf(options?.getStreamIdentifier());
        const expected = options && expectedStateOf(options, options.hasRevision() ? options.getRevision() : undefined);
        if (streamName === undefined || !expected) return callback(badRequestError('append without options'));
        if (events.some((event) => event === undefined)) return callback(missingMetadataError());
        const proposed = events as ProposedEvent[];
        if (tooLarge(proposed)) return callback(maxAppendSizeError(MAX_APPEND_SIZE));
        const outcome = writeWithFaults(faults, () => log.append(streamName, expected, proposed));
        if (outcome === 'crashed') return;
        if (outcome === 'dropped') return callback(unavailableError(DROPPED));
        if (faults.delayMs() > 0) await sleep(faults.delayMs());
        if (call.cancelled) return;
        if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(streamName));
        callback(null, appendResponse(outcome, expected));
      })();
    });
  };

const appendResponse = (outcome: Exclude<WriteOutcome, { kind: 'stream_deleted' }>, expected: ExpectedState): streams.AppendResp => {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(new SharedEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) success.setPosition(toPosition(new AppendResp.Position(), outcome.position));
    else success.setNoPosition(new SharedEmpty());
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(new SharedEmpty());
  else wrong.setCurrentRevision(outcome.current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'any') wrong.setExpectedAny(new SharedEmpty());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new SharedEmpty());
  else wrong.setExpectedStreamExists(new SharedEmpty());
  return new AppendResp().setWrongExpectedVersion(wrong);
};

