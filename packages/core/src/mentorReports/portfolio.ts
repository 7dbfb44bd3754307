import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { Erased } from '../kernel/personalData.js';
import type { MdrStage } from '../mentorDevelopmentReview/events.js';
import { areaMeans } from '../mentorDevelopmentReview/framework.js';
import { TRAINING_MODES, type TrainingMode } from '../mentorTraining/events.js';
import type { PortfolioAction, PortfolioPriorLearning, PortfolioReview, PortfolioSession, PortfolioState, PortfolioYear } from './portfolioProjection.js';

export interface AreaOverTime {
  readonly areaId: string;
  readonly title: string;
  /** The area's mean level at each rating, in order: induction, revisits, reflection. */
  readonly means: readonly { readonly stage: MdrStage; readonly ratedOn: LocalDate; readonly mean: number }[];
}

export interface ReviewView {
  readonly providerId: string;
  readonly startedOn: LocalDate;
  readonly status: 'open' | 'completed';
  readonly scale: readonly string[];
  readonly priorityArea?: { readonly areaId: string; readonly title: string };
  readonly areas: readonly AreaOverTime[];
  readonly actions: readonly PortfolioAction[];
  readonly reflection?: PortfolioReview['reflection'];
  readonly completed?: PortfolioReview['completed'];
}

export interface PortfolioYearView {
  readonly academicYear: AcademicYear;
  readonly review?: ReviewView;
  readonly training: {
    readonly sessions: readonly PortfolioSession[];
    readonly trainedMinutes: number;
    readonly minutesByMode: Readonly<Record<TrainingMode, number>>;
    /** Apart from the minutes trained: prior learning is recognised, not trained, and never funded. */
    readonly priorLearning: readonly PortfolioPriorLearning[];
  };
  readonly trainees: readonly { readonly traineeId: string; readonly placementId: string; readonly schoolId: string; readonly providerId: string }[];
}

export interface MentorPortfolio {
  readonly mentorId: string;
  readonly name?: string | Erased;
  readonly schoolId?: string;
  readonly years: readonly PortfolioYearView[];
}

const reviewView = (review: PortfolioReview): ReviewView => {
  const { framework } = review;
  const areas = framework.areas.map((area) => ({
    areaId: area.areaId,
    title: area.title,
    means: review.ratings.flatMap((rating) => {
      const mean = areaMeans({ ...framework, areas: [area] }, rating.levels)[0]?.mean;
      return mean === undefined ? [] : [{ stage: rating.stage, ratedOn: rating.ratedOn, mean }];
    }),
  }));
  const priority = framework.areas.find((area) => area.areaId === review.priorityAreaId);
  return {
    providerId: review.providerId,
    startedOn: review.startedOn,
    status: review.completed === undefined ? 'open' : 'completed',
    scale: framework.ratingScale,
    ...(priority === undefined ? {} : { priorityArea: { areaId: priority.areaId, title: priority.title } }),
    areas,
    actions: [...review.actions.values()].sort((a, b) => (a.addedOn + a.actionId < b.addedOn + b.actionId ? -1 : 1)).map((action) => ({ ...action })),
    ...(review.reflection === undefined ? {} : { reflection: review.reflection }),
    ...(review.completed === undefined ? {} : { completed: review.completed }),
  };
};

const yearView = (academicYear: AcademicYear, year: PortfolioYear): PortfolioYearView => {
  const sessions = [...year.sessions.values()].map((session) => ({ ...session })).sort((a, b) => (a.date + a.sessionId < b.date + b.sessionId ? -1 : 1));
  const minutesByMode = Object.fromEntries(TRAINING_MODES.map((mode) => [mode, 0])) as Record<TrainingMode, number>;
  for (const session of sessions) minutesByMode[session.mode] += session.minutes;
  return {
    academicYear,
    ...(year.review === undefined ? {} : { review: reviewView(year.review) }),
    training: {
      sessions,
      trainedMinutes: sessions.reduce((sum, session) => sum + session.minutes, 0),
      minutesByMode,
      priorLearning: [...year.priorLearning.values()].sort((a, b) => (a.recognitionId < b.recognitionId ? -1 : 1)),
    },
    trainees: [...year.placements].map(([placementId, p]) => ({ placementId, ...p })).sort((a, b) => (a.traineeId + a.placementId < b.traineeId + b.placementId ? -1 : 1)),
  };
};

/** A mentor's portfolio, oldest year first; undefined for a mentor the read model has never seen. */
export const mentorPortfolio = (state: PortfolioState, mentorId: string): MentorPortfolio | undefined => {
  const facts = state.mentors.get(mentorId);
  if (facts === undefined) return undefined;
  return {
    mentorId,
    ...(facts.name === undefined ? {} : { name: facts.name }),
    ...(facts.schoolId === undefined ? {} : { schoolId: facts.schoolId }),
    years: [...facts.years.keys()].sort().map((year) => yearView(year, facts.years.get(year)!)),
  };
};
