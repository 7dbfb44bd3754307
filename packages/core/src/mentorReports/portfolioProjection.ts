import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Erased } from '../kernel/personalData.js';
import { defineProjection } from '../kernel/projection.js';
import type { MentorEvent } from '../mentor/events.js';
import type { ActionOrigin, MdrFramework, MdrStage, MentorDevelopmentReviewEvent } from '../mentorDevelopmentReview/events.js';
import { sessionAcademicYear, type MentorTrainingEvent, type PriorLearningKind, type TrainingMode, type TrainingPurpose } from '../mentorTraining/events.js';
import type { PlacementEvent } from '../placement/events.js';
import { applyPlacementEvent, type PlacementFacts } from './placementFacts.js';

export interface PortfolioRating {
  readonly stage: MdrStage;
  readonly ratedOn: LocalDate;
  /** Every statement's latest level as of this rating: a revisit may rate only some of them. */
  readonly levels: ReadonlyMap<string, number>;
}

export interface PortfolioAction {
  readonly actionId: string;
  readonly areaId: string;
  readonly origin: ActionOrigin;
  readonly text: string | Erased;
  readonly addedOn: LocalDate;
  readonly dueBy?: LocalDate;
  completedOn?: LocalDate;
}

export interface PortfolioReview {
  readonly providerId: string;
  readonly startedOn: LocalDate;
  readonly framework: MdrFramework;
  readonly ratings: PortfolioRating[];
  priorityAreaId?: string;
  readonly actions: Map<string, PortfolioAction>;
  reflection?: { readonly leadMentorId: string; readonly reflectedOn: LocalDate; readonly reflection: string | Erased; readonly nextSteps?: string | Erased };
  completed?: { readonly completedOn: LocalDate; readonly documentRef?: string };
}

export interface PortfolioSession {
  readonly sessionId: string;
  readonly providerId: string;
  readonly purpose: TrainingPurpose;
  date: LocalDate;
  minutes: number;
  mode: TrainingMode;
  readonly title?: string;
}

export interface PortfolioPriorLearning {
  readonly recognitionId: string;
  readonly providerId: string;
  readonly kind: PriorLearningKind;
  readonly minutes: number;
  readonly recognisedBy: string;
  readonly recognisedOn: LocalDate;
}

export interface PortfolioYear {
  review?: PortfolioReview;
  readonly sessions: Map<string, PortfolioSession>;
  readonly priorLearning: Map<string, PortfolioPriorLearning>;
  /** placementId → the trainee mentored there. */
  readonly placements: Map<string, { readonly traineeId: string; readonly schoolId: string; readonly providerId: string }>;
}

export interface MentorPortfolioFacts {
  name?: string | Erased;
  schoolId?: string;
  readonly years: Map<AcademicYear, PortfolioYear>;
  /** sessionId / recognitionId → its year, for corrections and withdrawals. */
  readonly sessionYears: Map<string, AcademicYear>;
  readonly recognitionYears: Map<string, AcademicYear>;
}

export interface PortfolioState {
  readonly mentors: Map<string, MentorPortfolioFacts>;
  readonly placements: Map<string, PlacementFacts>;
}

export type PortfolioEvent =
  | MentorDevelopmentReviewEvent
  | MentorTrainingEvent
  | Extract<MentorEvent, { type: 'MentorRegistered' | 'MentorDetailsCorrected' | 'MentorMovedSchool' }>
  | Extract<PlacementEvent, { type: 'PlacementArranged' | 'PlacementMentorChanged' }>;

const mentorOf = (state: PortfolioState, mentorId: string): MentorPortfolioFacts => {
  let facts = state.mentors.get(mentorId);
  if (facts === undefined) state.mentors.set(mentorId, (facts = { years: new Map(), sessionYears: new Map(), recognitionYears: new Map() }));
  return facts;
};

const yearOf = (facts: MentorPortfolioFacts, year: AcademicYear): PortfolioYear => {
  let entry = facts.years.get(year);
  if (entry === undefined) facts.years.set(year, (entry = { sessions: new Map(), priorLearning: new Map(), placements: new Map() }));
  return entry;
};

type On<K extends PortfolioEvent['type']> = (state: PortfolioState, event: StoredEvent<Extract<PortfolioEvent, { type: K }>>) => PortfolioState;

type ReviewData<K extends MentorDevelopmentReviewEvent['type']> = Extract<MentorDevelopmentReviewEvent, { type: K }>['data'];

/** Changes the review of the event's mentor and year, if it was started. */
const review =
  <K extends MentorDevelopmentReviewEvent['type']>(_type: K, change: (review: PortfolioReview, data: ReviewData<K>) => void) =>
  (state: PortfolioState, { data }: { readonly data: ReviewData<K> }): PortfolioState => {
    const found = state.mentors.get(data.mentorId)?.years.get(data.academicYear)?.review;
    if (found !== undefined) change(found, data);
    return state;
  };

const mentored: On<'PlacementArranged' | 'PlacementMentorChanged'> = (state, event) => {
  const placement = applyPlacementEvent(state.placements, event);
  if (placement === undefined) return state;
  const { traineeId, schoolId, providerId } = placement;
  for (const mentorId of placement.everMentorIds) yearOf(mentorOf(state, mentorId), placement.academicYear).placements.set(placement.placementId, { traineeId, schoolId, providerId });
  return state;
};

/** A mentor's portfolio across years (seed 001): MDR ratings, actions and reflections, training, trainees. */
export const mentorPortfolioProjection = defineProjection<PortfolioEvent, PortfolioState>({
  name: 'mentor-portfolio',
  initialState: () => ({ mentors: new Map(), placements: new Map() }),
  handlers: {
    MentorRegistered: (state, { data }) => {
      const facts = mentorOf(state, data.mentorId);
      facts.name = data.name;
      facts.schoolId = data.schoolId;
      return state;
    },
    MentorDetailsCorrected: (state, { data }) => {
      if (data.name !== undefined) mentorOf(state, data.mentorId).name = data.name;
      return state;
    },
    MentorMovedSchool: (state, { data }) => {
      mentorOf(state, data.mentorId).schoolId = data.schoolId;
      return state;
    },
    MentorDevelopmentReviewStarted: (state, { data }) => {
      const { providerId, startedOn, framework } = data;
      yearOf(mentorOf(state, data.mentorId), data.academicYear).review = { providerId, startedOn, framework, ratings: [], actions: new Map() };
      return state;
    },
    MentorDevelopmentSelfRated: review('MentorDevelopmentSelfRated', (found, data) => {
      const levels = new Map(found.ratings.at(-1)?.levels);
      for (const { statementId, level } of data.ratings) levels.set(statementId, level);
      found.ratings.push({ stage: data.stage, ratedOn: data.ratedOn, levels });
    }),
    MentorDevelopmentPriorityAreaChosen: review('MentorDevelopmentPriorityAreaChosen', (found, data) => {
      found.priorityAreaId = data.areaId;
    }),
    MentorDevelopmentActionAdded: review('MentorDevelopmentActionAdded', (found, data) => {
      const { actionId, areaId, origin, text, addedOn, dueBy } = data;
      found.actions.set(actionId, { actionId, areaId, origin, text, addedOn, ...(dueBy === undefined ? {} : { dueBy }) });
    }),
    MentorDevelopmentActionCompleted: review('MentorDevelopmentActionCompleted', (found, data) => {
      const action = found.actions.get(data.actionId);
      if (action !== undefined) action.completedOn = data.completedOn;
    }),
    MentorDevelopmentReflectionRecorded: review('MentorDevelopmentReflectionRecorded', (found, data) => {
      const { leadMentorId, reflectedOn, reflection, nextSteps } = data;
      found.reflection = { leadMentorId, reflectedOn, reflection, ...(nextSteps === undefined ? {} : { nextSteps }) };
    }),
    MentorDevelopmentReviewCompleted: review('MentorDevelopmentReviewCompleted', (found, data) => {
      found.completed = { completedOn: data.completedOn, ...(data.documentRef === undefined ? {} : { documentRef: data.documentRef }) };
    }),
    MentorTrainingSessionCompleted: (state, { data }) => {
      const facts = mentorOf(state, data.mentorId);
      const year = sessionAcademicYear(data);
      const { sessionId, providerId, purpose, date, minutes, mode, title } = data;
      yearOf(facts, year).sessions.set(sessionId, { sessionId, providerId, purpose, date, minutes, mode, ...(title === undefined ? {} : { title }) });
      facts.sessionYears.set(sessionId, year);
      return state;
    },
    MentorTrainingSessionCorrected: (state, { data }) => {
      const facts = state.mentors.get(data.mentorId);
      const session = facts?.years.get(facts.sessionYears.get(data.sessionId) ?? '0/0')?.sessions.get(data.sessionId);
      if (session !== undefined) Object.assign(session, { date: data.date, minutes: data.minutes, mode: data.mode });
      return state;
    },
    MentorTrainingSessionWithdrawn: (state, { data }) => {
      const facts = state.mentors.get(data.mentorId);
      facts?.years.get(facts.sessionYears.get(data.sessionId) ?? '0/0')?.sessions.delete(data.sessionId);
      return state;
    },
    MentorPriorLearningRecognised: (state, { data }) => {
      const facts = mentorOf(state, data.mentorId);
      const { recognitionId, providerId, kind, minutes, recognisedBy, recognisedOn } = data;
      yearOf(facts, data.academicYear).priorLearning.set(recognitionId, { recognitionId, providerId, kind, minutes, recognisedBy, recognisedOn });
      facts.recognitionYears.set(recognitionId, data.academicYear);
      return state;
    },
    MentorPriorLearningWithdrawn: (state, { data }) => {
      const facts = state.mentors.get(data.mentorId);
      facts?.years.get(facts.recognitionYears.get(data.recognitionId) ?? '0/0')?.priorLearning.delete(data.recognitionId);
      return state;
    },
    PlacementArranged: mentored,
    PlacementMentorChanged: mentored,
  },
});
