import { status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import type { FaultState } from './faults.js';
import type { ServerLog } from './log.js';
import { SharedEmpty, TombstoneResp, type streams } from './protocol.js';
import { badRequestError, expectedStateOf, streamDeletedError, streamNameOf, toPosition, unavailableError, wrongExpectedVersionError } from './wire.js';

/** Streams.Tombstone: hard-deletes a stream; it can never be written or read again. */
export const createTombstoneHandler =
  (log: ServerLog, faults: FaultState) => (call: ServerUnaryCall<streams.TombstoneReq, streams.TombstoneResp>, callback: sendUnaryData<streams.TombstoneResp>) => {
    if (faults.isUnavailable()) {
      faults.refused();
      return callback(unavailableError('server unavailable (injected fault)'));
    }
    const options = call.request.getOptions();
    const streamName = streamNameOf(options?.getStreamIdentifier());
    const expected = options && expectedStateOf(options, options.hasRevision() ? options.getRevision() : undefined);
    if (streamName === undefined || !expected) return callback(badRequestError('tombstone without options'));
    const outcome = log.tombstone(streamName, expected);
    if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(streamName));
    if (outcome.kind === 'wrong_expected_version') return callback(wrongExpectedVersionError(streamName, expected, outcome.current));
    const answer = new TombstoneResp();
    if (outcome.position) answer.setPosition(toPosition(new TombstoneResp.Position(), outcome.position));
    else answer.setNoPosition(new SharedEmpty());
    callback(null, answer);
  };

/** Streams.Delete (soft delete) is not implemented, and not advertised. */
export const deleteHandler = (_call: unknown, callback: sendUnaryData<streams.DeleteResp>) =>
  callback({ code: status.UNIMPLEMENTED, details: 'soft delete is not implemented by the test server' });
