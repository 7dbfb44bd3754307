import {
  CommandRejectedError,
  CommandValidationError,
  IttLedgerError,
  createIttLedgerRegistry,
  createProgressService,
  manualClock,
  placementCommands,
  seededIds,
  type PlacementCommands,
  type ProgressService,
} from '@itt-ledger/core';
import { HUGE_STRING, issuesName, type CorruptedInput } from '@itt-ledger/core/testing';
import { expect } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

/** One valid input of each command, as a caller sends it, and which service entry takes it. */
export interface FuzzCase {
  readonly via: string;
  /** The stream key a progress service entry takes besides the command. */
  readonly id?: string;
  readonly input: Record<string, unknown>;
}

const calendar = {
  terms: [
    { from: '2024-09-02', to: '2024-12-20' },
    { from: '2025-01-06', to: '2025-04-04' },
  ],
  closures: [{ from: '2024-10-21', to: '2024-10-21', reason: 'INSET day' }],
};
const policy = { stages: ['introductory', 'development', 'consolidation'], leadMentorRequiredAt: ['introductory'] };
const answers = { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'partly', entitlementReceived: 'yes', meetingRecordsKept: 'no', targetsShortTermAndAchievable: 'yes' };
const spec = (targetId: string) => ({ targetId, description: 'Establish routines at the start of lessons', area: 'Behaviour', dueDate: '2024-11-15' });

export const placementCases: readonly FuzzCase[] = [
  { via: 'school', input: { type: 'RegisterSchool', schoolId: 's2', providerId: 'prov1', name: 'Horton Grange', urn: '123456', phase: 'primary', region: 'rest_of_england', setting: 'urban' } },
  { via: 'school', input: { type: 'PublishSchoolCalendar', schoolId: 's1', academicYear: '2024/25', ...calendar } },
  { via: 'trainee', input: { type: 'RegisterTrainee', traineeId: 't2', providerId: 'prov1', name: 'Grace Hopper', academicYear: '2024/25', route: { phase: 'primary', mode: 'part_time', fte: 0.6, programme: 'postgraduate' } } },
  {
    via: 'arrange',
    input: { placementId: 'p2', traineeId: 't1', schoolId: 's1', providerId: 'prov1', academicYear: '2024/25', mentorId: 'm1', jobShareMentorId: 'm2', startDate: '2025-01-06', endDate: '2025-03-28', calendar },
  },
  { via: 'extend', input: { placementId: 'p1', endDate: '2024-12-20', reason: 'more time after absence' } },
  { via: 'placement', input: { type: 'ChangePlacementMentor', placementId: 'p1', mentorId: 'm2', previousMentorId: 'm1', effectiveFrom: '2024-10-01', reason: 'reallocated' } },
  { via: 'placement', input: { type: 'PausePlacement', placementId: 'p1', pausedFrom: '2024-10-07', reason: 'trainee_absence' } },
  { via: 'placement', input: { type: 'ResumePlacement', placementId: 'p1', resumedOn: '2024-10-14' } },
  { via: 'placement', input: { type: 'EndPlacementEarly', placementId: 'p1', lastDay: '2024-11-29', reason: 'other' } },
  { via: 'placement', input: { type: 'CompletePlacement', placementId: 'p1', completedOn: '2024-12-13' } },
  {
    via: 'placement',
    input: {
      type: 'RecordMentorMeeting',
      placementId: 'p1',
      recordId: 'r2',
      mentorId: 'm1',
      date: '2024-09-16',
      minutes: 60,
      present: [{ role: 'trainee' }, { role: 'mentor', personId: 'm1' }],
      targetsDiscussed: ['Behaviour routines'],
      reflection: 'Went well',
    },
  },
  { via: 'placement', input: { type: 'RecordMentoringContact', placementId: 'p1', recordId: 'r3', mentorId: 'm1', date: '2024-09-17', minutes: 30, kind: 'joint_planning', note: 'Planned maths' } },
  { via: 'placement', input: { type: 'CorrectMentoringRecord', placementId: 'p1', recordId: 'r1', date: '2024-09-10', minutes: 45, reason: 'typo in the length' } },
  { via: 'placement', input: { type: 'WithdrawMentoringRecord', placementId: 'p1', recordId: 'r1', reason: 'logged against the wrong placement' } },
];

export const progressCases: readonly FuzzCase[] = [
  {
    via: 'reviewPoint',
    id: 'rp2',
    input: { type: 'ScheduleReviewPoint', reviewPointId: 'rp2', traineeId: 't1', placementId: 'p1', schoolId: 's1', providerId: 'prov1', academicYear: '2024/25', stage: 'development', dueDate: '2024-12-02', mentorId: 'm1', leadMentorId: 'lm1', policy },
  },
  { via: 'reviewPoint', id: 'rp3', input: { type: 'RescheduleReviewPoint', dueDate: '2024-12-09', reason: 'mentor ill' } },
  { via: 'reviewPoint', id: 'rp3', input: { type: 'HoldReviewPoint', heldOn: '2024-12-02', heldBy: 'm1', leadMentorId: 'lm1', outcome: 'on_track', areasOfConcern: [] } },
  { via: 'reviewPoint', id: 'rp1', input: { type: 'CorrectReviewPointOutcome', outcome: 'on_track', areasOfConcern: ['Behaviour'], reason: 'recorded against the wrong trainee' } },
  { via: 'reviewPoint', id: 'rp3', input: { type: 'RecordReviewPointMissed', recordedOn: '2024-12-02', reason: 'trainee_absent' } },
  { via: 'target', id: 'tg2', input: { type: 'SetTarget', ...spec('tg2'), traineeId: 't1', placementId: 'p1', schoolId: 's1', setOn: '2024-10-08', setBy: 'm1', reviewPointId: 'rp1' } },
  { via: 'target', id: 'tg1', input: { type: 'ReviewTarget', reviewedOn: '2024-10-15', reviewedBy: 'm1', verdict: 'carried_forward', nextDueDate: '2024-11-01', comment: 'Nearly there' } },
  { via: 'target', id: 'tg1', input: { type: 'WithdrawTarget', withdrawnOn: '2024-10-15', reason: 'superseded by the IRP' } },
  {
    via: 'leadMentorQa',
    id: 'p1',
    input: {
      type: 'RecordJointObservation',
      observationId: 'o1',
      traineeId: 't1',
      placementId: 'p1',
      schoolId: 's1',
      leadMentorId: 'lm1',
      mentorId: 'm1',
      date: '2024-10-08',
      focus: 'Feedback after a maths lesson',
      feedbackForTrainee: 'Clear modelling',
      feedbackForMentor: 'Narrow the targets',
      reviewPointId: 'rp1',
    },
  },
  { via: 'leadMentorQa', id: 'p1', input: { type: 'WithdrawJointObservation', observationId: 'o0', reason: 'entered twice' } },
  { via: 'leadMentorQa', id: 'p1', input: { type: 'CompleteLeadMentorQaForm', reviewPointId: 'rp1', leadMentorId: 'lm1', completedOn: '2024-10-08', answers, nextStepsForMentor: 'Keep records weekly' } },
  { via: 'leadMentorQa', id: 'p1', input: { type: 'AmendLeadMentorQaForm', reviewPointId: 'rp1', amendedOn: '2024-10-09', answers, reason: 'answer misread' } },
  {
    via: 'irp',
    id: 't1',
    input: {
      type: 'OpenIndividualRecoveryPlan',
      irpId: 'irp1',
      traineeId: 't1',
      placementId: 'p1',
      schoolId: 's1',
      providerId: 'prov1',
      openedOn: '2024-10-08',
      leadMentorId: 'lm1',
      agreedWith: 'lead1',
      ownerId: 'lm1',
      concerns: ['Behaviour'],
      targets: [spec('irp1-t1')],
      supportActions: [{ description: 'Weekly coaching', providedBy: 'm1' }],
      reviewDates: ['2024-10-22'],
      reviewPointId: 'rp1',
    },
  },
  { via: 'irp', id: 't1', input: { type: 'ReviewIndividualRecoveryPlan', irpId: 'irp0', reviewedOn: '2024-10-22', reviewedBy: 'lm1', targetReviews: [{ targetId: 'irp0-t1', verdict: 'met' }], targetsAdded: [], nextReviewOn: '2024-11-05' } },
  { via: 'irp', id: 't1', input: { type: 'ExtendIndividualRecoveryPlan', irpId: 'irp0', extendedOn: '2024-10-22', reviewDates: ['2024-11-05'], reason: 'more time' } },
  { via: 'irp', id: 't1', input: { type: 'CloseIndividualRecoveryPlan', irpId: 'irp0', closedOn: '2024-10-22', closedBy: 'lm1', outcome: 'escalated', escalatedTo: 'resit' } },
  { via: 'welfare', id: 't1', input: { type: 'RecordWelfareConcern', concernId: 'w1', traineeId: 't1', notedOn: '2024-10-08', notedBy: 'lm1', note: 'Tired', supportOffered: 'Wellbeing service' } },
  { via: 'welfare', id: 't1', input: { type: 'CloseWelfareConcern', concernId: 'w0', closedOn: '2024-10-08', closedBy: 'lm1', note: 'Resolved' } },
];

/** Sends untrusted input to the service entry `via` names, as an HTTP handler would (no compile-time types). */
export const sendPlacement = (service: PlacementCommands, via: string, input: unknown) =>
  (service as unknown as Record<string, (input: unknown) => Promise<unknown>>)[via]!(input);

export const sendProgress = (service: ProgressService, via: string, id: unknown, input: unknown) =>
  (service as unknown as Record<string, (id: unknown, input: unknown) => Promise<unknown>>)[via]!(id, input);

/** A world with a school, a trainee, placement p1 with a meeting r1, a held review point rp1, a target, an IRP and a concern. */
export const fuzzWorld = async () => {
  const clock = manualClock('2024-10-01T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(9) });
  const placements = placementCommands({ store, clock });
  const progress = createProgressService({ store, clock });
  const p = (via: string, input: Record<string, unknown>) => sendPlacement(placements, via, input);
  await p('school', { type: 'RegisterSchool', schoolId: 's1', providerId: 'prov1', name: 'Ashdown Primary', phase: 'primary', region: 'outer_london' });
  await p('school', { type: 'PublishSchoolCalendar', schoolId: 's1', academicYear: '2024/25', terms: calendar.terms, closures: [] });
  await p('trainee', { type: 'RegisterTrainee', traineeId: 't1', providerId: 'prov1', name: 'Ada Lovelace', academicYear: '2024/25', route: { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } });
  await p('arrange', { placementId: 'p1', traineeId: 't1', schoolId: 's1', providerId: 'prov1', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-09', endDate: '2024-12-13' });
  await p('placement', { type: 'RecordMentorMeeting', placementId: 'p1', recordId: 'r1', mentorId: 'm1', date: '2024-09-09', minutes: 60, present: [{ role: 'trainee' }], targetsDiscussed: [] });
  const g = (via: string, id: string, input: Record<string, unknown>) => sendProgress(progress, via, id, input);
  await g('reviewPoint', 'rp1', { ...progressCases[0]!.input, reviewPointId: 'rp1', stage: 'introductory', dueDate: '2024-10-07' });
  await g('reviewPoint', 'rp1', { type: 'HoldReviewPoint', heldOn: '2024-10-07', heldBy: 'm1', leadMentorId: 'lm1', outcome: 'not_on_track', areasOfConcern: ['Behaviour'] });
  await g('reviewPoint', 'rp3', { ...progressCases[0]!.input, reviewPointId: 'rp3', stage: 'development', dueDate: '2024-12-02' });
  await g('target', 'tg1', { ...progressCases[5]!.input, targetId: 'tg1' });
  await g('irp', 't1', { ...progressCases[12]!.input, irpId: 'irp0', targets: [spec('irp0-t1')], reviewPointId: 'rp1' });
  await g('leadMentorQa', 'p1', { ...progressCases[8]!.input, observationId: 'o0' });
  await g('welfare', 't1', { ...progressCases[16]!.input, concernId: 'w0' });
  return { store, placements, progress };
};

// Every text limit is far below this: a longer string can never be valid.
const LONGER_THAN_ANY_LIMIT = HUGE_STRING.length / 10;

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A corruption no command can accept: a value of another type, NaN, ±Infinity, a string longer than any limit. */
export const mustBeRefused = (valid: unknown, { kind, path, input }: CorruptedInput): boolean => {
  if (kind !== 'replaced') return false;
  let original = valid;
  let value = input;
  for (const key of path) {
    original = (original as Record<string | number, unknown>)[key];
    value = (value as Record<string | number, unknown>)[key];
  }
  if (value === undefined || (value === null && kindOf(original) === 'object')) return false;
  if (kindOf(value) !== kindOf(original)) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  return typeof value === 'string' && value.length > LONGER_THAN_ANY_LIMIT;
};

/** Outcome counts, printed by the suites. */
export interface Tally {
  accepted: number;
  invalid: number;
  rejected: number;
}

/**
 * The promise for bad input: the outcome is a success, or a typed refusal: a `CommandValidationError`
 * naming the corrupted field, or a `CommandRejectedError`; never a TypeError or any other error.
 */
export const expectTypedOutcome = async (attempt: Promise<unknown>, corruption: CorruptedInput, mustRefuse: boolean, tally: Tally, pathOffset: readonly (string | number)[] = []): Promise<boolean> => {
  try {
    await attempt;
    expect(mustRefuse, 'a corruption that no command can accept was accepted').toBe(false);
    tally.accepted++;
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(IttLedgerError);
    if (error instanceof CommandValidationError) {
      const named = issuesName(error.issues, [...pathOffset, ...corruption.path]);
      expect(named, `${error.message} does not name ${JSON.stringify(corruption.path)}`).toBe(true);
      tally.invalid++;
    } else {
      expect(mustRefuse, `${String(error)} instead of a validation error`).toBe(false);
      expect(error).toBeInstanceOf(CommandRejectedError);
      tally.rejected++;
    }
    return false;
  }
};
