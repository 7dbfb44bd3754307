import { match } from 'ts-pattern';
import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { checkedEvent, definedOnly } from '../mentor/checked.js';
import type { MentorDevelopmentReviewCommand, RecordSelfRatings } from './commands.js';
import {
  MentorDevelopmentActionAdded,
  MentorDevelopmentActionCompleted,
  MentorDevelopmentPriorityAreaChosen,
  MentorDevelopmentReflectionRecorded,
  MentorDevelopmentReviewCompleted,
  MentorDevelopmentReviewStarted,
  MentorDevelopmentSelfRated,
  type MdrFramework,
  type MentorDevelopmentReviewEvent,
} from './events.js';
import { duplicateFrameworkId, statementAreas, suggestedPriorityArea } from './framework.js';
import { mentorDevelopmentReviewCommandSchema } from './commandSchema.js';

export interface StartedReview {
  readonly status: 'open' | 'completed';
  readonly mentorId: string;
  readonly academicYear: AcademicYear;
  readonly providerId: string;
  readonly startedOn: LocalDate;
  readonly framework: MdrFramework;
  readonly statementArea: ReadonlyMap<string, string>;
  /** The induction ratings, once recorded: what the priority area is chosen from. */
  readonly inductionLevels?: ReadonlyMap<string, number>;
  readonly priorityAreaId?: string;
  readonly actions: ReadonlyMap<string, { readonly addedOn: LocalDate; readonly completed: boolean }>;
  readonly reflected: boolean;
}

export type MentorDevelopmentReviewState = { readonly status: 'not_started' } | StartedReview;

const INVALID = 'mdr.invalid';

const open = (state: MentorDevelopmentReviewState): StartedReview => {
  if (state.status === 'not_started') throw new CommandRejectedError('mdr.not-started', 'this Mentor Development Review has not been started');
  if (state.status === 'completed') {
    throw new CommandRejectedError('mdr.completed', `the ${state.academicYear} review is completed; it is part of the portfolio now`);
  }
  return state;
};

const inducted = (review: StartedReview): ReadonlyMap<string, number> => {
  if (review.inductionLevels === undefined) {
    throw new CommandRejectedError('mdr.induction-not-rated', 'the mentor has not yet rated themself at induction');
  }
  return review.inductionLevels;
};

const notBefore = (date: LocalDate, earliest: LocalDate, field: string, what: string): void => {
  if (date < earliest) throw new CommandRejectedError('mdr.date-out-of-order', `${field} ${date} is before ${what} ${earliest}`, field);
};

const checkRatings = (review: StartedReview, c: RecordSelfRatings): void => {
  const seen = new Set<string>();
  for (const [index, { statementId, level }] of c.ratings.entries()) {
    if (!review.statementArea.has(statementId)) {
      throw new CommandRejectedError('mdr.unknown-statement', `statement ${statementId} is not in the framework`, `ratings.${index}.statementId`);
    }
    if (seen.has(statementId)) throw new CommandRejectedError('mdr.duplicate-rating', `statement ${statementId} is rated twice`, `ratings.${index}.statementId`);
    seen.add(statementId);
    if (level > review.framework.ratingScale.length) {
      throw new CommandRejectedError('mdr.level-out-of-scale', `the scale has ${review.framework.ratingScale.length} levels, not ${level}`, `ratings.${index}.level`);
    }
  }
  if (c.stage === 'induction' && seen.size < review.statementArea.size) {
    throw new CommandRejectedError('mdr.induction-incomplete', `rate every statement at induction: ${seen.size} of ${review.statementArea.size} rated`, 'ratings');
  }
};

const decideRatings = (review: StartedReview, c: RecordSelfRatings): MentorDevelopmentReviewEvent[] => {
  const { mentorId, academicYear } = review;
  const event = checkedEvent(
    MentorDevelopmentSelfRated,
    definedOnly({ mentorId, academicYear, stage: c.stage, ratedOn: c.ratedOn, ratings: c.ratings.map((r) => ({ ...r })), note: c.note }),
    INVALID,
  );
  if (c.stage === 'induction' && review.inductionLevels !== undefined) {
    throw new CommandRejectedError('mdr.induction-already-rated', 'the induction ratings are recorded; rate again as a revisit', 'stage');
  }
  if (c.stage !== 'induction') inducted(review);
  notBefore(c.ratedOn, review.startedOn, 'ratedOn', 'the start of the review on');
  checkRatings(review, c);
  return [event];
};

export const mentorDevelopmentReviewDecider: Decider<MentorDevelopmentReviewCommand, MentorDevelopmentReviewEvent, MentorDevelopmentReviewState> = {
  initialState: { status: 'not_started' },
  commandSchema: mentorDevelopmentReviewCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'StartMentorDevelopmentReview' }, (c): MentorDevelopmentReviewEvent[] => {
        if (state.status !== 'not_started') throw new CommandRejectedError('mdr.already-started', `the ${state.academicYear} review was started on ${state.startedOn}`);
        const { type: _type, ...data } = c;
        const event = checkedEvent(MentorDevelopmentReviewStarted, data, INVALID);
        const duplicate = duplicateFrameworkId(c.framework);
        if (duplicate !== undefined) throw new CommandRejectedError('mdr.duplicate-framework-id', `${duplicate} appears twice in the framework`, 'framework');
        return [event];
      })
      .with({ type: 'RecordSelfRatings' }, (c) => decideRatings(open(state), c))
      .with({ type: 'ChoosePriorityArea' }, (c): MentorDevelopmentReviewEvent[] => {
        const review = open(state);
        const levels = inducted(review);
        const areaId = c.areaId ?? suggestedPriorityArea(review.framework, levels);
        if (areaId === undefined || !review.framework.areas.some((area) => area.areaId === areaId)) {
          throw new CommandRejectedError('mdr.unknown-area', `area ${String(areaId)} is not in the framework`, 'areaId');
        }
        const event = checkedEvent(MentorDevelopmentPriorityAreaChosen, { mentorId: review.mentorId, academicYear: review.academicYear, areaId, chosenOn: c.chosenOn }, INVALID);
        notBefore(c.chosenOn, review.startedOn, 'chosenOn', 'the start of the review on');
        return review.priorityAreaId === areaId ? [] : [event];
      })
      .with({ type: 'AddDevelopmentAction' }, (c): MentorDevelopmentReviewEvent[] => {
        const review = open(state);
        if (review.actions.has(c.actionId)) throw new CommandRejectedError('mdr.duplicate-action', `action ${c.actionId} is already recorded`, 'actionId');
        const areaId = c.areaId ?? review.priorityAreaId;
        if (areaId === undefined) throw new CommandRejectedError('mdr.no-priority-area', 'choose the priority area before adding actions', 'areaId');
        const area = review.framework.areas.find((candidate) => candidate.areaId === areaId);
        if (area === undefined) throw new CommandRejectedError('mdr.unknown-area', `area ${areaId} is not in the framework`, 'areaId');
        const suggestion = c.origin === 'suggested' ? area.suggestedActions.find((action) => action.actionId === c.suggestedActionId) : undefined;
        if (c.origin === 'suggested' && suggestion === undefined) {
          throw new CommandRejectedError('mdr.unknown-suggestion', `area ${areaId} suggests no action ${String(c.suggestedActionId)}`, 'suggestedActionId');
        }
        const text = c.text ?? suggestion?.text;
        if (text === undefined) throw new CommandRejectedError(INVALID, 'text: the mentor\'s own action needs its text', 'text');
        const { mentorId, academicYear } = review;
        const data = { mentorId, academicYear, actionId: c.actionId, areaId, origin: c.origin, suggestedActionId: suggestion?.actionId, text, addedOn: c.addedOn, dueBy: c.dueBy };
        const event = checkedEvent(MentorDevelopmentActionAdded, definedOnly(data), INVALID);
        notBefore(c.addedOn, review.startedOn, 'addedOn', 'the start of the review on');
        if (c.dueBy !== undefined) notBefore(c.dueBy, c.addedOn, 'dueBy', 'the day it was added,');
        return [event];
      })
      .with({ type: 'CompleteDevelopmentAction' }, (c): MentorDevelopmentReviewEvent[] => {
        const review = open(state);
        const action = review.actions.get(c.actionId);
        if (action === undefined) throw new CommandRejectedError('mdr.action-not-found', `there is no action ${c.actionId} in this review`, 'actionId');
        const { mentorId, academicYear } = review;
        const event = checkedEvent(MentorDevelopmentActionCompleted, definedOnly({ mentorId, academicYear, actionId: c.actionId, completedOn: c.completedOn, note: c.note }), INVALID);
        notBefore(c.completedOn, action.addedOn, 'completedOn', 'the day it was added,');
        return action.completed ? [] : [event];
      })
      .with({ type: 'RecordDevelopmentReflection' }, (c): MentorDevelopmentReviewEvent[] => {
        const review = open(state);
        inducted(review);
        if (review.reflected) throw new CommandRejectedError('mdr.reflection-already-recorded', `the ${review.academicYear} reflection is recorded`);
        const { type: _type, ...rest } = c;
        const event = checkedEvent(MentorDevelopmentReflectionRecorded, definedOnly({ mentorId: review.mentorId, academicYear: review.academicYear, ...rest }), INVALID);
        notBefore(c.reflectedOn, review.startedOn, 'reflectedOn', 'the start of the review on');
        return [event];
      })
      .with({ type: 'CompleteMentorDevelopmentReview' }, (c): MentorDevelopmentReviewEvent[] => {
        if (state.status === 'completed') return [];
        const review = open(state);
        if (!review.reflected) throw new CommandRejectedError('mdr.no-reflection', 'record the reflection with the lead mentor before completing the review');
        const { mentorId, academicYear } = review;
        const event = checkedEvent(MentorDevelopmentReviewCompleted, definedOnly({ mentorId, academicYear, completedOn: c.completedOn, documentRef: c.documentRef }), INVALID);
        notBefore(c.completedOn, review.startedOn, 'completedOn', 'the start of the review on');
        return [event];
      })
      .exhaustive(),
  evolve: evolveWith<MentorDevelopmentReviewEvent, MentorDevelopmentReviewState>({
    MentorDevelopmentReviewStarted: (_state, { data }) => ({
      status: 'open',
      mentorId: data.mentorId,
      academicYear: data.academicYear,
      providerId: data.providerId,
      startedOn: data.startedOn,
      framework: data.framework,
      statementArea: statementAreas(data.framework),
      actions: new Map(),
      reflected: false,
    }),
    MentorDevelopmentSelfRated: (state, { data }) =>
      state.status === 'not_started' || data.stage !== 'induction'
        ? state
        : { ...state, inductionLevels: new Map(data.ratings.map((rating) => [rating.statementId, rating.level])) },
    MentorDevelopmentPriorityAreaChosen: (state, { data }) => (state.status === 'not_started' ? state : { ...state, priorityAreaId: data.areaId }),
    MentorDevelopmentActionAdded: (state, { data }) =>
      state.status === 'not_started' ? state : { ...state, actions: new Map(state.actions).set(data.actionId, { addedOn: data.addedOn, completed: false }) },
    MentorDevelopmentActionCompleted: (state, { data }) => {
      if (state.status === 'not_started') return state;
      const action = state.actions.get(data.actionId);
      return action === undefined ? state : { ...state, actions: new Map(state.actions).set(data.actionId, { ...action, completed: true }) };
    },
    MentorDevelopmentReflectionRecorded: (state) => (state.status === 'not_started' ? state : { ...state, reflected: true }),
    MentorDevelopmentReviewCompleted: (state) => (state.status === 'not_started' ? state : { ...state, status: 'completed' }),
  }),
};
