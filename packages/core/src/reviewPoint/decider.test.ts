import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { standardRuleBook } from '../rules/ruleBook.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { HoldReviewPoint, ScheduleReviewPoint } from './commands.js';
import { reviewPointDecider } from './decider.js';
import type { ReviewPointEvent } from './events.js';
import { reviewPointFacts } from './facts.js';
import { createReviewPolicy, defaultReviewPolicy } from './policy.js';

const spec = deciderSpec(reviewPointDecider);
const policy = createReviewPolicy(['introductory', 'development', 'consolidation'], ['development']);
const where = { reviewPointId: 'rp-1', traineeId: 't-1', placementId: 'p-1', schoolId: 's-1' };

const schedule: ScheduleReviewPoint = { type: 'ScheduleReviewPoint', ...where, providerId: 'prov', academicYear: '2024/25', stage: 'introductory', dueDate: '2024-10-11', mentorId: 'm-1', policy };
type Scheduled = Extract<ReviewPointEvent, { type: 'ReviewPointScheduled' }>;
const scheduledAs = (change: Partial<Scheduled['data']> = {}): Scheduled => ({
  type: 'ReviewPointScheduled',
  data: { ...where, providerId: 'prov', academicYear: '2024/25', stage: 'introductory', dueDate: '2024-10-11', mentorId: 'm-1', leadMentorRequired: false, ...change },
});
const scheduled = scheduledAs();
const scheduledWithLead = scheduledAs({ stage: 'development', leadMentorRequired: true });
const hold: HoldReviewPoint = { type: 'HoldReviewPoint', heldOn: '2024-10-10', heldBy: 'm-1', outcome: 'on_track', areasOfConcern: [] };
const held: ReviewPointEvent = { type: 'ReviewPointHeld', data: { ...where, heldOn: '2024-10-10', heldBy: 'm-1', outcome: 'on_track', areasOfConcern: [] } };
const missed: ReviewPointEvent = { type: 'ReviewPointMissed', data: { reviewPointId: 'rp-1', traineeId: 't-1', schoolId: 's-1', recordedOn: '2024-10-14', reason: 'trainee_absent' } };

const refuses = (events: readonly ReviewPointEvent[], command: Parameters<typeof reviewPointDecider.decide>[0], reason: string, field?: string) =>
  spec.given(events).when(command).thenThrows(CommandRejectedError, field === undefined ? { reason } : { reason, field });

describe('review point: schedule', () => {
  it('schedules at one of the provider’s stages, noting whether the lead mentor must join', () => {
    spec.given().when(schedule).then([scheduled]);
    spec.given().when({ ...schedule, stage: 'development', leadMentorId: 'lm-1' }).then([scheduledAs({ stage: 'development', leadMentorId: 'lm-1', leadMentorRequired: true })]);
  });

  it('takes the stages from the rule set by default, and a provider may configure its own', () => {
    expect(defaultReviewPolicy(standardRuleBook.ruleSetFor('2024/25')).stages).toEqual(['introductory', 'development', 'consolidation']);
    const own = createReviewPolicy(['autumn', 'spring', 'summer'], []);
    spec.given().when({ ...schedule, stage: 'spring', policy: own }).then([scheduledAs({ stage: 'spring' })]);
    expect(() => createReviewPolicy([])).toThrow(/at least one/);
    expect(() => createReviewPolicy(['a', 'a'])).toThrow(/distinct/);
    expect(() => createReviewPolicy([' '])).toThrow(/name/);
    expect(() => createReviewPolicy(['a'], ['b'])).toThrow(/not one of the stages/);
  });

  it('refuses a second schedule, an unknown stage, a bad or out-of-year date, and the mentor as lead mentor', () => {
    refuses([scheduled], schedule, 'reviewPoint.already-scheduled', 'reviewPointId');
    refuses([], { ...schedule, stage: 'final' }, 'reviewPoint.unknown-stage', 'stage');
    refuses([], { ...schedule, dueDate: '2024-02-30' }, 'reviewPoint.invalid-date', 'dueDate');
    refuses([], { ...schedule, dueDate: '2025-09-01' }, 'reviewPoint.due-outside-year', 'dueDate');
    refuses([], { ...schedule, leadMentorId: 'm-1' }, 'reviewPoint.lead-mentor-is-mentor', 'leadMentorId');
  });
});

describe('review point: reschedule', () => {
  it('moves the due date, and does nothing when it is the same', () => {
    spec.given([scheduled]).when({ type: 'RescheduleReviewPoint', dueDate: '2024-10-18', reason: 'trip' }).then([
      { type: 'ReviewPointRescheduled', data: { reviewPointId: 'rp-1', traineeId: 't-1', schoolId: 's-1', previousDueDate: '2024-10-11', dueDate: '2024-10-18', reason: 'trip' } },
    ]);
    spec.given([scheduled]).when({ type: 'RescheduleReviewPoint', dueDate: '2024-10-11', reason: 'trip' }).thenNothingHappens();
  });

  it('refuses when not scheduled, held or missed, without a reason, or out of the year', () => {
    const move = { type: 'RescheduleReviewPoint', dueDate: '2024-10-18', reason: 'trip' } as const;
    refuses([], move, 'reviewPoint.not-scheduled', 'reviewPointId');
    refuses([scheduled, held], move, 'reviewPoint.already-held');
    refuses([scheduled, missed], move, 'reviewPoint.missed');
    refuses([scheduled], { ...move, reason: '  ' }, 'reviewPoint.text-required', 'reason');
    refuses([scheduled], { ...move, dueDate: '2025-10-01' }, 'reviewPoint.due-outside-year', 'dueDate');
    refuses([scheduled], { ...move, dueDate: 'soon' }, 'reviewPoint.invalid-date', 'dueDate');
  });
});

describe('review point: hold', () => {
  it('records the outcome, with the lead mentor when they joined', () => {
    spec.given([scheduled]).when(hold).then([held]);
    const notOnTrack = { ...hold, leadMentorId: 'lm-1', outcome: 'not_on_track', areasOfConcern: ['behaviour management'] } as const;
    spec.given([scheduledWithLead]).when(notOnTrack).then([{ type: 'ReviewPointHeld', data: { ...where, heldOn: '2024-10-10', heldBy: 'm-1', leadMentorId: 'lm-1', outcome: 'not_on_track', areasOfConcern: ['behaviour management'] } }]);
  });

  it('refuses when not scheduled, already held or missed', () => {
    refuses([], hold, 'reviewPoint.not-scheduled');
    refuses([scheduled, held], hold, 'reviewPoint.already-held');
    refuses([scheduled, missed], hold, 'reviewPoint.missed');
  });

  it('refuses without the lead mentor where the provider requires them, or with them holding it', () => {
    refuses([scheduledWithLead], hold, 'reviewPoint.lead-mentor-required', 'leadMentorId');
    refuses([scheduled], { ...hold, leadMentorId: 'm-1' }, 'reviewPoint.held-by-lead-mentor', 'heldBy');
  });

  it('refuses not on track without concerns, and bad lists of areas', () => {
    refuses([scheduled], { ...hold, outcome: 'not_on_track' }, 'reviewPoint.concerns-required', 'areasOfConcern');
    refuses([scheduled], { ...hold, areasOfConcern: ['a', 'a'] }, 'reviewPoint.duplicate-area', 'areasOfConcern');
    refuses([scheduled], { ...hold, areasOfConcern: [''] }, 'reviewPoint.text-required', 'areasOfConcern[0]');
    refuses([scheduled], { ...hold, areasOfConcern: ['x'.repeat(101)] }, 'reviewPoint.text-too-long', 'areasOfConcern[0]');
    refuses([scheduled], { ...hold, areasOfConcern: Array.from({ length: 13 }, (_, i) => `area ${i}`) }, 'reviewPoint.too-many-areas', 'areasOfConcern');
  });

  it('refuses a bad date or one outside the academic year', () => {
    refuses([scheduled], { ...hold, heldOn: '2024-13-01' }, 'reviewPoint.invalid-date', 'heldOn');
    refuses([scheduled], { ...hold, heldOn: '2025-09-02' }, 'reviewPoint.held-outside-year', 'heldOn');
  });
});

describe('review point: correct the outcome', () => {
  const correct = { type: 'CorrectReviewPointOutcome', outcome: 'not_on_track', areasOfConcern: ['planning'], reason: 'wrong box ticked' } as const;

  it('records the corrected outcome as a new event; the same outcome changes nothing', () => {
    const state = spec.given([scheduled, held]).when(correct).then([{ type: 'ReviewPointOutcomeCorrected', data: { reviewPointId: 'rp-1', traineeId: 't-1', schoolId: 's-1', outcome: 'not_on_track', areasOfConcern: ['planning'], reason: 'wrong box ticked' } }]);
    expect(state.held?.outcome).toBe('not_on_track');
    spec.given([scheduled, held]).when({ ...correct, outcome: 'on_track', areasOfConcern: [] }).thenNothingHappens();
  });

  it('refuses before it is held, when missed, without a reason, or without concerns', () => {
    refuses([], correct, 'reviewPoint.not-scheduled');
    refuses([scheduled], correct, 'reviewPoint.not-held');
    refuses([scheduled, missed], correct, 'reviewPoint.missed');
    refuses([scheduled, held], { ...correct, reason: '' }, 'reviewPoint.text-required', 'reason');
    refuses([scheduled, held], { ...correct, areasOfConcern: [] }, 'reviewPoint.concerns-required');
  });
});

describe('review point: missed', () => {
  const miss = { type: 'RecordReviewPointMissed', recordedOn: '2024-10-14', reason: 'trainee_absent' } as const;

  it('records a missed review point once', () => {
    spec.given([scheduled]).when(miss).then([missed]);
    spec.given([scheduled, missed]).when(miss).thenNothingHappens();
  });

  it('refuses when not scheduled or already held, or with a bad date', () => {
    refuses([], miss, 'reviewPoint.not-scheduled');
    refuses([scheduled, held], miss, 'reviewPoint.already-held');
    refuses([scheduled], { ...miss, recordedOn: '14/10/2024' }, 'reviewPoint.invalid-date', 'recordedOn');
  });
});

describe('review point facts', () => {
  it('are what other aggregates need: none before scheduling, the outcome once held', () => {
    expect(reviewPointFacts(spec.given().state())).toBeUndefined();
    expect(reviewPointFacts(spec.given([scheduled]).state())).toEqual({ ...where, stage: 'introductory', status: 'scheduled', dueDate: '2024-10-11', mentorId: 'm-1' });
    expect(reviewPointFacts(spec.given([scheduled, held]).state())).toMatchObject({ status: 'held', heldOn: '2024-10-10', outcome: 'on_track' });
  });
});
