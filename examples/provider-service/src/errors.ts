import {
  CommandRejectedError,
  CommandValidationError,
  EventValidationError,
  InvalidArgumentError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  formatPath,
} from '@itt-ledger/core';
import { z } from 'zod';
import { etagOf } from './etag.js';
import { HttpError } from './http.js';

export interface ErrorResponse {
  readonly status: number;
  readonly body: { readonly error: string; readonly message: string } & Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

const pathOf = (path: readonly PropertyKey[]) => formatPath(path.map((part) => (typeof part === 'symbol' ? String(part) : part)));

/**
 * What the client is told about an error: a status and a JSON body naming the field or the revisions.
 * Anything unexpected is a bare 500: the message and stack stay in the server's log.
 */
export const errorResponse = (error: unknown): ErrorResponse | undefined => {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: error.error, message: error.message, ...(error.field ? { field: error.field } : {}) }, headers: error.headers };
  }
  if (error instanceof WrongExpectedRevisionError) {
    // The stale client learns what it expected, where the stream is, and the tag to send after re-reading.
    const { streamId, expected, actual } = error;
    const body = { error: 'conflict', message: `the stream has moved on: you sent revision ${String(expected)}, it is at ${String(actual)}`, streamId, expectedRevision: expected, actualRevision: actual };
    return { status: 409, body, ...(typeof actual === 'bigint' ? { headers: { etag: etagOf(actual) } } : {}) };
  }
  if (error instanceof CommandRejectedError) {
    // `*.invalid` is the domain parsing the command with its event's schema: malformed input, not a rule.
    const status = error.reason.endsWith('.invalid') ? 400 : 422;
    return { status, body: { error: status === 400 ? 'invalid' : 'rejected', reason: error.reason, field: error.field, message: error.message } };
  }
  if (error instanceof CommandValidationError) {
    const issues = error.issues.map((issue) => ({ field: pathOf(issue.path), message: issue.message }));
    return { status: 400, body: { error: 'invalid', field: error.field, message: error.message, issues } };
  }
  if (error instanceof EventValidationError) {
    const issues = error.issues.map((issue) => ({ field: pathOf(issue.path), message: issue.message }));
    return { status: 400, body: { error: 'invalid', field: issues[0]?.field, message: error.message, issues } };
  }
  if (error instanceof InvalidArgumentError) return { status: 400, body: { error: 'invalid', field: error.field, message: error.reason } };
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => ({ field: pathOf(issue.path), message: issue.message }));
    return { status: 400, body: { error: 'invalid', field: issues[0]?.field, message: `${issues[0]?.field}: ${issues[0]?.message}`, issues } };
  }
  if (error instanceof StoreUnavailableError) return { status: 503, body: { error: 'unavailable', message: 'the event store is unavailable; the outcome of a write is unknown: retry with the same Idempotency-Key' } };
  return undefined;
};
