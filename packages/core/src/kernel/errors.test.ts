import { describe, expect, it } from 'vitest';
import {
  CommandRejectedError,
  EventValidationError,
  InvalidArgumentError,
  IttLedgerError,
  StoredEventInvalidError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
  formatPath,
} from './errors.js';

describe('formatPath', () => {
  it('writes paths as a reader would', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['data'])).toBe('data');
    expect(formatPath(['data', 'notes', 2, 'text'])).toBe('data.notes[2].text');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });
});

describe('errors', () => {
  it('carry their class name, a stable code and their fields', () => {
    const rejected = new CommandRejectedError('loan.overdue', 'the loan is overdue', 'dueOn');
    expect(rejected).toBeInstanceOf(IttLedgerError);
    expect(rejected).toMatchObject({ name: 'CommandRejectedError', code: 'COMMAND_REJECTED', reason: 'loan.overdue', field: 'dueOn' });
    expect(rejected.message).toBe('the loan is overdue');
    expect(new InvalidArgumentError('maxCount', 'too big')).toMatchObject({ name: 'InvalidArgumentError', code: 'INVALID_ARGUMENT', message: 'maxCount: too big' });
  });

  it('say what went wrong in their messages', () => {
    expect(new WrongExpectedRevisionError('s-1', 3n, 'no_stream').message).toBe("Stream 's-1': expected revision 3, but the stream is at no_stream");
    expect(new UnknownEventTypeError('Gone').message).toBe("Unknown event type 'Gone'");
    expect(new UnknownEventTypeError('Made', 4, [1, 2]).message).toBe("Event type 'Made' has no schema version 4 (known: 1, 2)");
    const issues = [{ path: ['data', 'x'], code: 'invalid_type', message: 'expected number' }];
    expect(new EventValidationError('Made', 2, issues, 3).message).toBe("Event #3 'Made' v2 is invalid: data.x: expected number");
    expect(new StoredEventInvalidError('s-1', 5n, 'Made', undefined, issues).message).toBe(
      "Stored event 'Made' at s-1@5 is invalid: data.x: expected number",
    );
  });
});
