import { IttLedgerError } from '../../kernel/errors.js';

/** The store disagrees with what was accepted, or with itself: every violation found, not only the first. */
export class StoreConsistencyError extends IttLedgerError {
  readonly code = 'STORE_INCONSISTENT';
  constructor(readonly violations: readonly string[]) {
    super(`${violations.length} consistency violation(s):\n${violations.map((violation) => `  - ${violation}`).join('\n')}`);
  }
}
