import { IttLedgerError, formatPath } from '../kernel/errors.js';

/** The data subject's key was destroyed (UK GDPR erasure): nothing personal about them may be written again. */
export class DataSubjectForgottenError extends IttLedgerError {
  readonly code = 'DATA_SUBJECT_FORGOTTEN';
  constructor(readonly subject: string) {
    super(`Data subject '${subject}' has been forgotten: their personal data can no longer be recorded`);
  }
}

/**
 * A sealed personal value whose key exists did not open: its tag does not match its ciphertext, IV or
 * context (subject, event type, field). That is tampering or corruption, never erasure, so it is not read as erased.
 */
export class PersonalDataUnreadableError extends IttLedgerError {
  readonly code = 'PERSONAL_DATA_UNREADABLE';
  constructor(
    readonly streamId: string,
    readonly streamRevision: bigint,
    readonly type: string,
    /** Where the value is in the event's data, e.g. `['targetsDiscussed', 2]`. */
    readonly path: readonly (string | number)[],
    readonly subject: string,
  ) {
    super(`Personal data at ${formatPath(path)} of '${type}' at ${streamId}@${streamRevision} (subject '${subject}') does not open: tampered or corrupt`);
  }
}
