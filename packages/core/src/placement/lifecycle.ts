import { academicYearEnd, academicYearStart } from '../calendar/academicYear.js';
import type { RuleBook } from '../rules/ruleBook.js';
import { checkCalendar } from '../school/calendar.js';
import { parseInput, refuse } from '../school/commandInput.js';
import type {
  ArrangePlacement,
  ChangePlacementMentor,
  CompletePlacement,
  EndPlacementEarly,
  ExtendPlacement,
  PausePlacement,
  ResumePlacement,
} from './commands.js';
import {
  placementArrangedSchema,
  placementCompletedSchema,
  placementEndedEarlySchema,
  placementExtendedSchema,
  placementMentorChangedSchema,
  placementPausedSchema,
  placementResumedSchema,
  type PlacementEvent,
} from './events.js';
import { checkNoOverlap, checkWithinPlacement, openPlacement, rulesFor } from './guards.js';
import { currentMentors, recordsOf, type PlacementState } from './state.js';

const INVALID = 'placement.invalid';

export const arrange = (command: ArrangePlacement, state: PlacementState, ruleBook: RuleBook): PlacementEvent[] => {
  if (state.placement) refuse('placement.already-arranged', 'placementId', `placement ${state.placement.placementId} is already arranged`);
  const { type: _, context, ...input } = command;
  const data = parseInput(placementArrangedSchema, input, INVALID);
  if (data.endDate < data.startDate) refuse('placement.dates-reversed', 'endDate', `the placement ends (${data.endDate}) before it starts (${data.startDate})`);
  const [first, last] = [academicYearStart(data.academicYear), academicYearEnd(data.academicYear)];
  if (data.startDate < first || data.endDate > last) {
    const field = data.startDate < first ? 'startDate' : 'endDate';
    refuse('placement.outside-academic-year', field, `a ${data.academicYear} placement runs between ${first} and ${last}`);
  }
  const rules = rulesFor(ruleBook, data.academicYear, data.startDate);
  if (data.jobShareMentorId === data.mentorId) refuse('placement.job-share-is-mentor', 'jobShareMentorId', 'the job-share mentor must be another mentor');
  if (data.calendar) checkCalendar(data.calendar, data.academicYear, 'calendar');
  if (context.trainee === null) refuse('placement.trainee-not-registered', 'traineeId', `trainee ${data.traineeId} is not registered`);
  else if (context.trainee.providerId !== data.providerId) {
    refuse('placement.trainee-other-provider', 'providerId', `trainee ${data.traineeId} is registered with provider ${context.trainee.providerId}`);
  }
  if (!context.schoolRegistered) refuse('placement.school-not-registered', 'schoolId', `school ${data.schoolId} is not registered`);
  checkNoOverlap(rules, context.traineePlacements, data.placementId, { from: data.startDate, to: data.endDate }, 'startDate');
  return [{ type: 'PlacementArranged', data }];
};

export const changeMentor = (command: ChangePlacementMentor, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { type: _, ...input } = command;
  const data = parseInput(placementMentorChangedSchema, input, INVALID);
  checkWithinPlacement(placement, data.effectiveFrom, 'effectiveFrom', 'placement.date-outside');
  const latest = placement.mentors.reduce((at, spell) => (spell.from > at ? spell.from : at), placement.startDate);
  if (data.effectiveFrom < latest) refuse('placement.mentor-change-out-of-order', 'effectiveFrom', `the last mentor change took effect on ${latest}`);
  const current = currentMentors(placement);
  const previous = current.find((spell) => spell.mentorId === data.previousMentorId);
  if (!previous) refuse('placement.not-current-mentor', 'previousMentorId', `${data.previousMentorId} is not a current mentor of this placement`);
  if (current.some((spell) => spell.mentorId === data.mentorId)) refuse('placement.already-mentor', 'mentorId', `${data.mentorId} already mentors this placement`);
  if (data.reason === 'job_share_added' && (previous?.role !== 'mentor' || current.some((spell) => spell.role === 'job_share'))) {
    refuse('placement.job-share-exists', 'mentorId', 'a job share is added beside the placement mentor, and there is one job-share mentor at most');
  }
  return [{ type: 'PlacementMentorChanged', data }];
};

export const extend = (command: ExtendPlacement, state: PlacementState, ruleBook: RuleBook): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { placementId, endDate, reason } = command;
  const data = parseInput(placementExtendedSchema, { placementId, previousEndDate: placement.endDate, endDate, reason }, INVALID);
  if (data.endDate <= placement.endDate) refuse('placement.not-later', 'endDate', `an extension ends after the current end date, ${placement.endDate}`);
  const last = academicYearEnd(placement.academicYear);
  if (data.endDate > last) refuse('placement.outside-academic-year', 'endDate', `a ${placement.academicYear} placement ends by ${last}`);
  const rules = rulesFor(ruleBook, placement.academicYear, placement.startDate);
  checkNoOverlap(rules, command.context.traineePlacements, placementId, { from: placement.startDate, to: data.endDate }, 'endDate');
  return [{ type: 'PlacementExtended', data }];
};

export const pause = (command: PausePlacement, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { type: _, ...input } = command;
  const data = parseInput(placementPausedSchema, input, INVALID);
  if (placement.status === 'paused') refuse('placement.already-paused', 'pausedFrom', 'the placement is already paused');
  checkWithinPlacement(placement, data.pausedFrom, 'pausedFrom', 'placement.date-outside');
  const resumed = placement.pauses.at(-1)?.until;
  if (resumed !== undefined && data.pausedFrom < resumed) refuse('placement.pause-before-resume', 'pausedFrom', `the placement last resumed on ${resumed}`);
  return [{ type: 'PlacementPaused', data }];
};

export const resume = (command: ResumePlacement, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { type: _, ...input } = command;
  const data = parseInput(placementResumedSchema, input, INVALID);
  const open = placement.pauses.at(-1);
  if (placement.status !== 'paused' || open === undefined) return refuse('placement.not-paused', 'placementId', 'the placement is not paused');
  if (data.resumedOn <= open.from) refuse('placement.resume-before-pause', 'resumedOn', `the placement was paused from ${open.from}`);
  checkWithinPlacement(placement, data.resumedOn, 'resumedOn', 'placement.date-outside');
  return [{ type: 'PlacementResumed', data }];
};

export const endEarly = (command: EndPlacementEarly, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { type: _, ...input } = command;
  const data = parseInput(placementEndedEarlySchema, input, INVALID);
  if (data.lastDay >= placement.endDate) refuse('placement.not-early', 'lastDay', `the placement ends on ${placement.endDate} anyway`);
  checkWithinPlacement(placement, data.lastDay, 'lastDay', 'placement.date-outside');
  const later = [...recordsOf(state).values()].find((record) => !record.withdrawn && record.date > data.lastDay);
  if (later) refuse('placement.records-after-last-day', 'lastDay', `record ${later.recordId} is dated ${later.date}; correct or withdraw it first`);
  return [{ type: 'PlacementEndedEarly', data }];
};

export const complete = (command: CompletePlacement, state: PlacementState): PlacementEvent[] => {
  const placement = openPlacement(state, command.placementId);
  const { type: _, ...input } = command;
  const data = parseInput(placementCompletedSchema, input, INVALID);
  if (placement.status === 'paused') refuse('placement.paused', 'placementId', 'resume the placement or end it early; a paused placement is not complete');
  if (data.completedOn < placement.endDate) refuse('placement.not-yet-ended', 'completedOn', `the placement runs to ${placement.endDate}`);
  return [{ type: 'PlacementCompleted', data }];
};
