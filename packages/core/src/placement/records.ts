import { isLocalDate } from '../calendar/localDate.js';
import type { RuleBook } from '../rules/ruleBook.js';
import { parseInput, refuse } from '../school/commandInput.js';
import type { CorrectMentoringRecord, RecordMentorMeeting, RecordMentoringContact, WithdrawMentoringRecord } from './commands.js';
import {
  mentoringContactRecordedSchema,
  mentoringRecordCorrectedSchema,
  mentoringRecordWithdrawnSchema,
  mentorMeetingRecordedSchema,
  type PlacementEvent,
} from './events.js';
import { checkMinutes, checkWithinPlacement, openPlacement, rulesFor } from './guards.js';
import { mentorsOn, recordsOf, type MentoringRecord, type Placement, type PlacementState } from './state.js';

const INVALID = 'record.invalid';

const rulesOn = (ruleBook: RuleBook, placement: Placement, date: unknown) =>
  rulesFor(ruleBook, placement.academicYear, isLocalDate(date) ? date : placement.startDate);

const newRecord = (state: PlacementState, command: RecordMentorMeeting | RecordMentoringContact, ruleBook: RuleBook): Placement => {
  const placement = openPlacement(state, command.placementId);
  if (recordsOf(state).has(command.recordId)) refuse('record.duplicate-id', 'recordId', `record ${command.recordId} already exists on this placement`);
  checkMinutes(rulesOn(ruleBook, placement, command.date), command.minutes);
  return placement;
};

/** The mentor must be on the placement on the day: the mentor or job-share mentor then. */
const checkMentor = (placement: Placement, mentorId: string, date: string): void => {
  if (!mentorsOn(placement, date).some((spell) => spell.mentorId === mentorId)) {
    refuse('record.mentor-not-on-placement', 'mentorId', `${mentorId} was not a mentor of this placement on ${date}`);
  }
};

export const recordMeeting = (command: RecordMentorMeeting, state: PlacementState, ruleBook: RuleBook): PlacementEvent[] => {
  const placement = newRecord(state, command, ruleBook);
  const { type: _, ...input } = command;
  const data = parseInput(mentorMeetingRecordedSchema, { ...input, traineeId: placement.traineeId }, INVALID);
  checkWithinPlacement(placement, data.date, 'date', 'record.outside-placement');
  checkMentor(placement, data.mentorId, data.date);
  return [{ type: 'MentorMeetingRecorded', data }];
};

export const recordContact = (command: RecordMentoringContact, state: PlacementState, ruleBook: RuleBook): PlacementEvent[] => {
  const placement = newRecord(state, command, ruleBook);
  const { type: _, ...input } = command;
  const data = parseInput(mentoringContactRecordedSchema, { ...input, traineeId: placement.traineeId }, INVALID);
  checkWithinPlacement(placement, data.date, 'date', 'record.outside-placement');
  checkMentor(placement, data.mentorId, data.date);
  return [{ type: 'MentoringContactRecorded', data }];
};

const existingRecord = (state: PlacementState, recordId: string): MentoringRecord => {
  const record = recordsOf(state).get(recordId);
  if (record === undefined) return refuse('record.not-found', 'recordId', `there is no record ${recordId} on this placement`);
  return record;
};

export const correct = (command: CorrectMentoringRecord, state: PlacementState, ruleBook: RuleBook): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const record = existingRecord(state, command.recordId);
  if (record.withdrawn) refuse('record.withdrawn', 'recordId', `record ${record.recordId} was withdrawn; record a new one instead`);
  checkMinutes(rulesOn(ruleBook, placement, command.date), command.minutes);
  const { type: _, ...input } = command;
  const data = parseInput(mentoringRecordCorrectedSchema, { ...input, traineeId: placement.traineeId }, INVALID);
  checkWithinPlacement(placement, data.date, 'date', 'record.outside-placement');
  if (data.date === record.date && data.minutes === record.minutes) return [];
  return [{ type: 'MentoringRecordCorrected', data }];
};

export const withdraw = (command: WithdrawMentoringRecord, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const record = existingRecord(state, command.recordId);
  const { type: _, ...input } = command;
  const data = parseInput(mentoringRecordWithdrawnSchema, { ...input, traineeId: placement.traineeId }, INVALID);
  return record.withdrawn ? [] : [{ type: 'MentoringRecordWithdrawn', data }];
};
