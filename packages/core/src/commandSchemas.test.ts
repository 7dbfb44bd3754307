import { describe, expect, it } from 'vitest';
import { irpDecider } from './irp/decider.js';
import { CommandValidationError } from './kernel/errors.js';
import { validateCommand } from './kernel/commandValidation.js';
import { leadMentorQaDecider } from './leadMentorQa/decider.js';
import { arrangePlacementInputSchema, placementCommandSchema } from './placement/commandSchema.js';
import { placementDecider } from './placement/decider.js';
import { mentorMeetingRecordedSchema } from './placement/events.js';
import { reviewPointDecider } from './reviewPoint/decider.js';
import { schoolDecider } from './school/decider.js';
import { targetDecider } from './target/decider.js';
import { traineeDecider } from './trainee/decider.js';
import { welfareDecider } from './welfare/decider.js';

const meeting = {
  type: 'RecordMentorMeeting',
  placementId: 'p1',
  recordId: 'r1',
  mentorId: 'm1',
  date: '2024-09-16',
  minutes: 60,
  present: [{ role: 'trainee' }],
  targetsDiscussed: ['Behaviour routines'],
  reflection: 'Went well',
} as const;

const invalid = (schema: Parameters<typeof validateCommand>[0], input: unknown, commandType?: string): CommandValidationError => {
  try {
    validateCommand(schema, input, commandType);
  } catch (error) {
    if (error instanceof CommandValidationError) return error;
    throw error;
  }
  throw new Error('expected a CommandValidationError');
};

describe('command schemas of the placement and progress aggregates', () => {
  it('are set on every decider, so a command handler refuses bad input before reading', () => {
    for (const decider of [schoolDecider, traineeDecider, placementDecider, reviewPointDecider, targetDecider, leadMentorQaDecider, irpDecider, welfareDecider]) {
      expect(decider.commandSchema).toBeDefined();
    }
  });

  it('have the limits of the events the commands write', () => {
    const event = { ...meeting, traineeId: 't1' };
    const variants: [Record<string, unknown>, boolean][] = [
      [{ minutes: 24 * 60 }, true],
      [{ minutes: 24 * 60 + 1 }, false],
      [{ reflection: 'x'.repeat(4000) }, true],
      [{ reflection: 'x'.repeat(4001) }, false],
      [{ targetsDiscussed: Array.from({ length: 20 }, () => 'a') }, true],
      [{ targetsDiscussed: Array.from({ length: 21 }, () => 'a') }, false],
      [{ date: '2024-02-29' }, true],
      [{ date: '2023-02-29' }, false],
      [{ placementId: 'x'.repeat(100) }, true],
      [{ placementId: 'x'.repeat(101) }, false],
    ];
    for (const [change, ok] of variants) {
      expect(placementCommandSchema.safeParse({ ...meeting, ...change }).success, JSON.stringify(change).slice(0, 60)).toBe(ok);
      expect(mentorMeetingRecordedSchema.safeParse({ ...event, ...change }).success).toBe(ok);
    }
  });

  it('refuse an erased or sealed value where a command carries personal data: a caller sends plain text', () => {
    expect(invalid(placementCommandSchema, { ...meeting, reflection: { $erased: true } }).field).toBe('reflection');
  });

  it('refuse a stream key with control characters, which no stream id may hold', () => {
    expect(invalid(placementCommandSchema, { ...meeting, placementId: 'p\u0000' }).field).toBe('placementId');
  });

  it('name the command of a service input that carries no type', () => {
    const error = invalid(arrangePlacementInputSchema, { placementId: 'p1' }, 'ArrangePlacement');
    expect(error.commandType).toBe('ArrangePlacement');
    expect(error.message).toMatch(/^Command 'ArrangePlacement' is invalid: traineeId: /);
  });
});
