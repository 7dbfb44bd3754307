import { describe, expect, it } from 'vitest';
import { validateCommand } from '../kernel/commandValidation.js';
import { CommandValidationError } from '../kernel/errors.js';
import { HUGE_STRING } from '../testing/arbitraries/corruption.js';
import { mentorTrainingCommandSchema } from './commandSchema.js';

const session = { type: 'RecordMentorTrainingSession', sessionId: 's1', mentorId: 'm1', providerId: 'p1', date: '2024-10-01', minutes: 60, mode: 'full_day_conference' };

const fieldRefused = (input: unknown): string | undefined => {
  try {
    validateCommand<unknown>(mentorTrainingCommandSchema, input);
    return undefined;
  } catch (error) {
    if (error instanceof CommandValidationError) return error.field;
    throw error;
  }
};

describe('mentor training command schema', () => {
  it('takes the limits of the events: minutes of a day, real dates, known modes, bounded texts', () => {
    expect(fieldRefused(session)).toBeUndefined();
    for (const minutes of [0, 24 * 60 + 1, 90.5, Number.NaN, Number.NEGATIVE_INFINITY, 60n, '60']) expect(fieldRefused({ ...session, minutes }), String(minutes)).toBe('minutes');
    for (const date of ['2024-02-30', '2023-02-29', '99999-01-01', '0000-00-00', '', HUGE_STRING, null]) expect(fieldRefused({ ...session, date }), String(date).slice(0, 20)).toBe('date');
    expect(fieldRefused({ ...session, mode: 'webinar' })).toBe('mode');
    expect(fieldRefused({ ...session, title: HUGE_STRING })).toBe('title');
    expect(fieldRefused({ ...session, academicYear: '2024/26' })).toBe('academicYear');
    expect(fieldRefused({ ...session, sessionId: 'x'.repeat(101) })).toBe('sessionId');
  });

  it('refuses an optional field given as undefined, as the command types do under exactOptionalPropertyTypes', () => {
    expect(fieldRefused({ ...session, title: undefined })).toBe('title');
  });
});
