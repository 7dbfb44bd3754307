import {
  IttLedgerError,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '@itt-ledger/core';
import { convertToCommandError, ErrorType, isCommandError } from '@eventstore/db-client';

/** Failures after which the same call may succeed: the server was unreachable, busy or slow. */
const TRANSIENT: ReadonlySet<string> = new Set([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT, ErrorType.CANCELLED, ErrorType.NOT_LEADER]);

/** The client's own error for a raw gRPC error (some of its paths, e.g. its first call, pass those on). */
const commandError = (error: unknown) => {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  return converted instanceof Error && isCommandError(converted) ? converted : undefined;
};

/** Whether a call that failed with this error may be retried (for an append: with the same event ids). */
export const isTransient = (error: unknown): boolean => {
  if (error instanceof StoreUnavailableError) return true;
  const known = commandError(error);
  return known !== undefined && TRANSIENT.has(known.type);
};

export interface ErrorContext {
  readonly streamId?: string;
  readonly expected?: ExpectedRevision;
}

/**
 * The client's errors as the port's typed errors. The library's own errors pass through, and so does
 * anything that is not a server's answer (a bug, a bad certificate file): it is not the store being away.
 */
export const toStoreError = (error: unknown, context: ErrorContext = {}): Error => {
  if (error instanceof IttLedgerError) return error;
  const known = commandError(error);
  if (known) {
    const streamId = context.streamId ?? ('streamName' in known && typeof known.streamName === 'string' ? known.streamName : '');
    switch (known.type) {
      case ErrorType.WRONG_EXPECTED_VERSION:
        return new WrongExpectedRevisionError(streamId, context.expected ?? 'any', known.actualVersion);
      case ErrorType.STREAM_NOT_FOUND:
        return new StreamNotFoundError(streamId);
      case ErrorType.STREAM_DELETED:
        return new StreamDeletedError(streamId);
      default:
        return new StoreUnavailableError(`EventStoreDB: ${known.type}: ${known.message}`, { cause: error });
    }
  }
  return error instanceof Error ? error : new StoreUnavailableError(`EventStoreDB: ${String(error)}`, { cause: error });
};
