import fc from 'fast-check';
import { addDays } from '../../calendar/localDate.js';
import type { PlacementCommand } from '../../placement/commands.js';
import { CONTACT_KINDS, EARLY_END_REASONS, MENTOR_CHANGE_REASONS, PAUSE_REASONS, type PlacementEvent } from '../../placement/events.js';
import type { PlacementState } from '../../placement/state.js';

/**
 * The command that decides `event`, with the cross-aggregate context a placement service would read for
 * a trainee registered with the placement's provider, a registered school, and no other placements.
 */
export const placementCommandFor = (event: PlacementEvent): PlacementCommand => {
  switch (event.type) {
    case 'PlacementArranged':
      return { type: 'ArrangePlacement', ...event.data, context: { trainee: { providerId: event.data.providerId }, schoolRegistered: true, traineePlacements: [] } };
    case 'PlacementMentorChanged':
      return { type: 'ChangePlacementMentor', ...event.data };
    case 'PlacementExtended': {
      const { previousEndDate: _, ...data } = event.data;
      return { type: 'ExtendPlacement', ...data, context: { traineePlacements: [] } };
    }
    case 'PlacementPaused':
      return { type: 'PausePlacement', ...event.data };
    case 'PlacementResumed':
      return { type: 'ResumePlacement', ...event.data };
    case 'PlacementEndedEarly':
      return { type: 'EndPlacementEarly', ...event.data };
    case 'PlacementCompleted':
      return { type: 'CompletePlacement', ...event.data };
    case 'MentorMeetingRecorded': {
      const { traineeId: _, ...data } = event.data;
      // Personal fields are never erased in a history this library generates.
      return { type: 'RecordMentorMeeting', ...data } as PlacementCommand;
    }
    case 'MentoringContactRecorded': {
      const { traineeId: _, ...data } = event.data;
      return { type: 'RecordMentoringContact', ...data } as PlacementCommand;
    }
    case 'MentoringRecordCorrected': {
      const { traineeId: _, ...data } = event.data;
      return { type: 'CorrectMentoringRecord', ...data };
    }
    case 'MentoringRecordWithdrawn': {
      const { traineeId: _, ...data } = event.data;
      return { type: 'WithdrawMentoringRecord', ...data };
    }
  }
};

const badMinutes = fc.oneof(
  fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer({ min: -600, max: -1 }),
  fc.integer({ min: 481, max: 100_000 }),
  fc.integer({ min: 1, max: 479 }).map((n) => n + 0.5),
);

/** A command that the placement in `state` must refuse, whatever its status: each breaks one rule. */
export const invalidPlacementCommandArbitrary = (state: PlacementState): fc.Arbitrary<PlacementCommand> => {
  const p = state.placement!;
  const placementId = p.placementId;
  const before = fc.integer({ min: 1, max: 60 }).map((n) => addDays(p.startDate, -n));
  const after = fc.integer({ min: 1, max: 60 }).map((n) => addDays(p.lastDay, n));
  const outside = fc.oneof(before, after);
  const meeting = { type: 'RecordMentorMeeting' as const, placementId, recordId: 'new-record', mentorId: p.mentors[0]!.mentorId, date: p.startDate, minutes: 60, present: [{ role: 'trainee' as const }], targetsDiscussed: [] };
  const pausedFrom = p.pauses.at(-1)?.from ?? p.startDate;
  return fc.oneof(
    badMinutes.map((minutes): PlacementCommand => ({ ...meeting, minutes })),
    outside.map((date): PlacementCommand => ({ ...meeting, date })),
    fc.constant<PlacementCommand>({ ...meeting, mentorId: 'stranger' }),
    fc.constant<PlacementCommand>({ ...meeting, placementId: '' }),
    fc.tuple(outside, fc.constantFrom(...CONTACT_KINDS)).map(([date, kind]): PlacementCommand => ({ type: 'RecordMentoringContact', placementId, recordId: 'new-contact', mentorId: meeting.mentorId, date, minutes: 30, kind })),
    badMinutes.map((minutes): PlacementCommand => ({ type: 'CorrectMentoringRecord', placementId, recordId: 'no-such-record', date: p.startDate, minutes, reason: 'typo' })),
    fc.constant<PlacementCommand>({ type: 'WithdrawMentoringRecord', placementId, recordId: 'no-such-record', reason: 'typo' }),
    fc.integer({ min: 0, max: 30 }).map((n): PlacementCommand => ({ type: 'ExtendPlacement', placementId, endDate: addDays(p.endDate, -n), reason: 'more time', context: { traineePlacements: [] } })),
    fc.tuple(fc.oneof(fc.integer({ min: 0, max: 30 }).map((n) => addDays(p.endDate, n)), before), fc.constantFrom(...EARLY_END_REASONS)).map(
      ([lastDay, reason]): PlacementCommand => ({ type: 'EndPlacementEarly', placementId, lastDay, reason }),
    ),
    fc.tuple(outside, fc.constantFrom(...PAUSE_REASONS)).map(([date, reason]): PlacementCommand => ({ type: 'PausePlacement', placementId, pausedFrom: date, reason })),
    fc.constant<PlacementCommand>(
      p.status === 'paused' ? { type: 'ResumePlacement', placementId, resumedOn: pausedFrom } : { type: 'ResumePlacement', placementId, resumedOn: addDays(p.startDate, 1) },
    ),
    fc.constantFrom(...MENTOR_CHANGE_REASONS).map((reason): PlacementCommand => ({ type: 'ChangePlacementMentor', placementId, mentorId: 'mentor-z', previousMentorId: 'nobody', effectiveFrom: p.startDate, reason })),
    fc.integer({ min: 1, max: 30 }).map((n): PlacementCommand => ({ type: 'CompletePlacement', placementId, completedOn: addDays(p.endDate, -n) })),
    fc.constant<PlacementCommand>({
      type: 'ArrangePlacement',
      placementId,
      traineeId: p.traineeId,
      schoolId: p.schoolId,
      providerId: p.providerId,
      academicYear: p.academicYear,
      mentorId: 'mentor-a',
      startDate: p.startDate,
      endDate: p.endDate,
      context: { trainee: { providerId: p.providerId }, schoolRegistered: true, traineePlacements: [] },
    }),
  );
};

const anyText = fc.oneof(fc.constantFrom('p1', 'r1', 'mentor-a', 'mentor-b', '', 'x'.repeat(101)), fc.string({ maxLength: 8 }));
const anyDate = fc.oneof(fc.constantFrom('2024-02-30', '2024-9-1', '', '2025-09-01', '2024-08-31'), fc.integer({ min: 0, max: 200 }).map((n) => addDays('2024-08-20', n)));
const anyNumber = fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.double(), fc.constantFrom(Number.NaN, 0.6, 1));

/**
 * Well-typed commands with values drawn at random, valid or not: a decider must answer each with events
 * its registry accepts, or a `CommandRejectedError`, never anything else.
 */
export const randomPlacementCommandArbitrary: fc.Arbitrary<PlacementCommand> = fc.oneof(
  fc.record({ placementId: anyText, recordId: anyText, mentorId: anyText, date: anyDate, minutes: anyNumber, targets: fc.array(anyText, { maxLength: 2 }) }).map(
    ({ targets, ...c }): PlacementCommand => ({ type: 'RecordMentorMeeting', ...c, present: [{ role: 'trainee' }], targetsDiscussed: targets }),
  ),
  fc.record({ placementId: anyText, recordId: anyText, mentorId: anyText, date: anyDate, minutes: anyNumber, kind: fc.constantFrom(...CONTACT_KINDS) }).map((c): PlacementCommand => ({ type: 'RecordMentoringContact', ...c })),
  fc.record({ placementId: anyText, recordId: anyText, date: anyDate, minutes: anyNumber, reason: anyText }).map((c): PlacementCommand => ({ type: 'CorrectMentoringRecord', ...c })),
  fc.record({ placementId: anyText, recordId: anyText, reason: anyText }).map((c): PlacementCommand => ({ type: 'WithdrawMentoringRecord', ...c })),
  fc.record({ placementId: anyText, endDate: anyDate, reason: anyText }).map((c): PlacementCommand => ({ type: 'ExtendPlacement', ...c, context: { traineePlacements: [] } })),
  fc.record({ placementId: anyText, pausedFrom: anyDate, reason: fc.constantFrom(...PAUSE_REASONS) }).map((c): PlacementCommand => ({ type: 'PausePlacement', ...c })),
  fc.record({ placementId: anyText, resumedOn: anyDate }).map((c): PlacementCommand => ({ type: 'ResumePlacement', ...c })),
  fc.record({ placementId: anyText, lastDay: anyDate, reason: fc.constantFrom(...EARLY_END_REASONS) }).map((c): PlacementCommand => ({ type: 'EndPlacementEarly', ...c })),
  fc.record({ placementId: anyText, completedOn: anyDate }).map((c): PlacementCommand => ({ type: 'CompletePlacement', ...c })),
  fc.record({ placementId: anyText, mentorId: anyText, previousMentorId: anyText, effectiveFrom: anyDate, reason: fc.constantFrom(...MENTOR_CHANGE_REASONS) }).map(
    (c): PlacementCommand => ({ type: 'ChangePlacementMentor', ...c }),
  ),
  fc.record({ placementId: anyText, traineeId: anyText, mentorId: anyText, startDate: anyDate, endDate: anyDate }).map(
    (c): PlacementCommand => ({
      type: 'ArrangePlacement',
      ...c,
      schoolId: 's1',
      providerId: 'provider-1',
      academicYear: '2024/25',
      context: { trainee: { providerId: 'provider-1' }, schoolRegistered: true, traineePlacements: [] },
    }),
  ),
);
