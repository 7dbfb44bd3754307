import type { ServerDuplexStream } from '@grpc/grpc-js';
import { DROPPED, MAX_APPEND_SIZE, tooLarge, writeWithFaults } from './appendService.js';
import type { FaultState } from './faults.js';
import type { ExpectedState, LogPosition, ProposedEvent, ServerLog, WriteOutcome } from './log.js';
import {
  AllStreamPosition,
  Any,
  BatchAppendResp,
  MaximumAppendSizeExceeded,
  ProtobufEmpty,
  RpcCode,
  Status,
  StreamDeleted,
  Timeout,
  WrongExpectedVersion,
  type streams,
} from './protocol.js';
import { expectedStateOf, proposedEventOf, sleep, streamNameOf, toPosition, toStreamIdentifier, unavailableError, uuidString } from './wire.js';

const packed = (code: number, message: string, detail: { serializeBinary(): Uint8Array }, typeName: string) => {
  const details = new Any();
  details.pack(detail.serializeBinary(), `event_store.client.${typeName}`);
  return new Status().setCode(code).setMessage(message).setDetails(details);
};

const batchError = (outcome: WriteOutcome | 'timeout', streamName: string, expected: ExpectedState) => {
  if (outcome === 'timeout') return packed(RpcCode.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'Timeout');
  if (outcome.kind === 'stream_deleted') {
    return packed(RpcCode.FAILED_PRECONDITION, 'Stream deleted', new StreamDeleted().setStreamIdentifier(toStreamIdentifier(streamName)), 'StreamDeleted');
  }
  const wrong = new WrongExpectedVersion();
  if (outcome.kind === 'wrong_expected_version' && outcome.current !== undefined) wrong.setCurrentStreamRevision(outcome.current.toString());
  else wrong.setCurrentNoStream(new ProtobufEmpty());
  if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'any') wrong.setExpectedAny(new ProtobufEmpty());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new ProtobufEmpty());
  else wrong.setExpectedStreamExists(new ProtobufEmpty());
  return packed(RpcCode.FAILED_PRECONDITION, 'Wrong expected version', wrong, 'WrongExpectedVersion');
};

const batchSuccess = (currentRevision: bigint | undefined, position: LogPosition | undefined) => {
  const success = new BatchAppendResp.Success();
  if (currentRevision === undefined) success.setNoStream(new ProtobufEmpty());
  else success.setCurrentRevision(currentRevision.toString());
  if (position) success.setPosition(toPosition(new AllStreamPosition(), position));
  else success.setNoPosition(new ProtobufEmpty());
  return success;
};

interface PendingBatch {
  readonly streamName: string;
  readonly expected: ExpectedState;
  readonly deadline: number | undefined;
  readonly events: (ProposedEvent | undefined)[];
}

/**
 * Streams.BatchAppend: one long-lived call carrying many appends, each a run of requests sharing a
 * correlation id (options first, `is_final` last), each answered in-band. A deadline in the options that
 * passes before the answer is answered with a Timeout error, as EventStoreDB does; the write may stand.
 */
export const createBatchAppendHandler = (log: ServerLog, faults: FaultState, now: () => Date) => (call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>) => {
  const pending = new Map<string, PendingBatch>();
  let closed = false;
  const close = (error?: ReturnType<typeof unavailableError>) => {
    if (closed) return;
    closed = true;
    if (error) call.emit('error', error);
    else call.end();
  };
  call.on('cancelled', () => (closed = true));
  call.on('end', () => close());

  const complete = async (request: streams.BatchAppendReq, batch: PendingBatch) => {
    const answer = new BatchAppendResp().setCorrelationId(request.getCorrelationId()).setStreamIdentifier(toStreamIdentifier(batch.streamName));
    if (batch.events.some((event) => event === undefined)) {
      return call.write(answer.setError(new Status().setCode(RpcCode.INVALID_ARGUMENT).setMessage('Required metadata properties are missing: type, content-type')));
    }
    if (tooLarge(batch.events as ProposedEvent[])) {
      const detail = new MaximumAppendSizeExceeded().setMaxappendsize(MAX_APPEND_SIZE);
      return call.write(answer.setError(packed(RpcCode.INVALID_ARGUMENT, `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, detail, 'MaximumAppendSizeExceeded')));
    }
    const outcome = writeWithFaults(faults, () => log.append(batch.streamName, batch.expected, batch.events as ProposedEvent[]));
    if (outcome === 'crashed') return;
    if (outcome === 'dropped') return close(unavailableError(DROPPED));
    const delay = faults.delayMs();
    const left = batch.deadline === undefined ? Number.POSITIVE_INFINITY : batch.deadline - now().getTime();
    const timedOut = delay > 0 && left < delay;
    if (delay > 0) await sleep(timedOut ? Math.max(0, left) : delay);
    if (closed) return;
    if (timedOut) return call.write(answer.setError(batchError('timeout', batch.streamName, batch.expected)));
    if (outcome.kind === 'success') return call.write(answer.setSuccess(batchSuccess(outcome.currentRevision, outcome.position)));
    call.write(answer.setError(batchError(outcome, batch.streamName, batch.expected)));
  };

  call.on('data', (request: streams.BatchAppendReq) => {
    if (closed) return;
    if (faults.isUnavailable()) {
      faults.refused();
      return close(unavailableError('server unavailable (injected fault)'));
    }
    const correlationId = uuidString(request.getCorrelationId()) ?? '';
    const options = request.getOptions();
    if (request.hasOptions() && options) {
      const streamName = streamNameOf(options.getStreamIdentifier()) ?? '';
      const expected = expectedStateOf(options, options.hasStreamPosition() ? options.getStreamPosition() : undefined) ?? { kind: 'any' };
      const deadline = options.getDeadline()?.toDate().getTime();
      pending.set(correlationId, { streamName, expected, deadline, events: [] });
    }
    const batch = pending.get(correlationId);
    if (!batch) return;
    batch.events.push(...request.getProposedMessagesList().map(proposedEventOf));
    if (!request.getIsFinal()) return;
    pending.delete(correlationId);
    void complete(request, batch);
  });
};

