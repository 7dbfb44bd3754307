/** One reason a value was refused: where (a path into the value) and why. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export const formatPath = (path: readonly (string | number)[]): string =>
  path.length === 0 ? '(root)' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * A value as text for a message, whatever it holds: untrusted input may put an object whose `toString` is
 * not a function, or a symbol, where a name was expected, and building the error must not throw.
 */
export const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return `(${typeof value})`;
};

const describeIssues = (issues: readonly ValidationIssue[]): string =>
  issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');

/** Every error this library throws on purpose is one of these, with a stable `code`. */
export abstract class IttLedgerError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type ActualRevision = bigint | 'no_stream';

export class WrongExpectedRevisionError extends IttLedgerError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: bigint | 'no_stream' | 'stream_exists' | 'any',
    readonly actual: ActualRevision,
  ) {
    super(`Stream '${streamId}': expected revision ${String(expected)}, but the stream is at ${String(actual)}`);
  }
}

export class StreamNotFoundError extends IttLedgerError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream '${streamId}' does not exist`);
  }
}

export class StreamDeletedError extends IttLedgerError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamId: string) {
    super(`Stream '${streamId}' has been deleted`);
  }
}

/** The store could not be reached or did not answer in time; the outcome of a write is unknown. */
export class StoreUnavailableError extends IttLedgerError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** An event offered for append does not match its schema (or its envelope fields are wrong). */
export class EventValidationError extends IttLedgerError {
  readonly code = 'EVENT_VALIDATION';
  constructor(
    readonly type: string,
    readonly schemaVersion: number | undefined,
    readonly issues: readonly ValidationIssue[],
    /** Position of the event in the batch that was offered. */
    readonly index = 0,
  ) {
    super(`Event #${index} '${textOf(type)}'${schemaVersion === undefined ? '' : ` v${textOf(schemaVersion)}`} is invalid: ${describeIssues(issues)}`);
  }
}

export class UnknownEventTypeError extends IttLedgerError {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  constructor(
    readonly type: string,
    readonly schemaVersion?: number,
    readonly knownVersions: readonly number[] = [],
  ) {
    super(
      knownVersions.length === 0
        ? `Unknown event type '${textOf(type)}'`
        : `Event type '${textOf(type)}' has no schema version ${textOf(schemaVersion)} (known: ${knownVersions.join(', ')})`,
    );
  }
}

/** A stored event no longer parses: never passed on silently. */
export class StoredEventInvalidError extends IttLedgerError {
  readonly code = 'STORED_EVENT_INVALID';
  constructor(
    readonly streamId: string,
    readonly streamRevision: bigint,
    readonly type: string,
    readonly schemaVersion: number | undefined,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(
      `Stored event '${textOf(type)}'${schemaVersion === undefined ? '' : ` v${textOf(schemaVersion)}`} at ${textOf(streamId)}@${textOf(streamRevision)} is invalid: ${describeIssues(issues)}`,
    );
  }
}

/** An argument to a library function is out of its range (a bad revision, count, date or option). */
export class InvalidArgumentError extends IttLedgerError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * A command whose input does not have the command's shape (a missing field, a wrong type, NaN, a date that
 * does not exist): refused before anything is read or written. `field` is the first issue's path.
 */
export class CommandValidationError extends IttLedgerError {
  readonly code = 'COMMAND_INVALID';
  readonly field: string;
  constructor(
    readonly commandType: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`Command '${commandType}' is invalid: ${describeIssues(issues)}`);
    this.field = formatPath(issues[0]?.path ?? []);
  }
}

/** A command refused by a decider: the business rule, the field it concerns, and why. */
export class CommandRejectedError extends IttLedgerError {
  readonly code = 'COMMAND_REJECTED';
  constructor(
    /** A stable, machine-readable reason, e.g. `placement.ended`. */
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
