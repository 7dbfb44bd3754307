import { academicYearEnd, academicYearStart, type AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import { defineProjection } from '../kernel/projection.js';
import type { MentorEvent } from '../mentor/events.js';
import { sessionAcademicYear, type MentorTrainingEvent } from '../mentorTraining/events.js';
import type { PlacementEvent } from '../placement/events.js';
import type { Region } from '../rules/ruleSet.js';
import type { SchoolEvent } from '../school/events.js';
import type { TrainingSession } from './claimableAmount.js';
import { changeMentor, fundsMentor, placementFunding, type PlacementFunding } from './eligibility.js';

/** The facts of other aggregates a claim is decided on. */
export type FundingInputEvent =
  | Extract<SchoolEvent, { type: 'SchoolRegistered' }>
  | Extract<MentorEvent, { type: 'MentorRegistered' | 'MentorMovedSchool' }>
  | Extract<PlacementEvent, { type: 'PlacementArranged' | 'PlacementMentorChanged' }>
  | Extract<MentorTrainingEvent, { type: 'MentorTrainingSessionCompleted' | 'MentorTrainingSessionCorrected' | 'MentorTrainingSessionWithdrawn' }>;

interface SessionFacts {
  readonly providerId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  /** The year it counts for, when the session states one (see `sessionAcademicYear`). */
  readonly academicYear: AcademicYear | undefined;
  readonly withdrawn: boolean;
}

/** Where a mentor worked: a school from a date (undefined: since before the records began). */
interface Employment {
  readonly schoolId: string;
  readonly from?: LocalDate;
}

/** Maps owned by the fold and changed in place (see `ClaimsRegisterState`); values are immutable. */
export interface FundingInputsState {
  readonly schools: Map<string, { readonly providerId: string; readonly region: Region; readonly name: string }>;
  readonly employment: Map<string, readonly Employment[]>;
  readonly placements: Map<string, PlacementFunding>;
  readonly placementsByMentor: Map<string, Set<string>>;
  readonly sessions: Map<string, Map<string, SessionFacts>>;
}

const byMentor = (state: FundingInputsState, mentorId: string, placementId: string): void => {
  const ids = state.placementsByMentor.get(mentorId);
  if (ids === undefined) state.placementsByMentor.set(mentorId, new Set([placementId]));
  else ids.add(placementId);
};

const changeSession = (state: FundingInputsState, mentorId: string, sessionId: string, change: (s: SessionFacts) => SessionFacts) => {
  const session = state.sessions.get(mentorId)?.get(sessionId);
  if (session !== undefined) state.sessions.get(mentorId)!.set(sessionId, change(session));
  return state;
};

type Of<K extends FundingInputEvent['type']> = StoredEvent<Extract<FundingInputEvent, { type: K }>>;

export const fundingInputs = defineProjection<FundingInputEvent, FundingInputsState>({
  name: 'funding-inputs',
  initialState: () => ({ schools: new Map(), employment: new Map(), placements: new Map(), placementsByMentor: new Map(), sessions: new Map() }),
  handlers: {
    SchoolRegistered: (state, { data }) => {
      state.schools.set(data.schoolId, { providerId: data.providerId, region: data.region, name: data.name });
      return state;
    },
    MentorRegistered: (state, { data }) => {
      if (!state.employment.has(data.mentorId)) state.employment.set(data.mentorId, [{ schoolId: data.schoolId }]);
      return state;
    },
    MentorMovedSchool: (state, { data }) => {
      const before = state.employment.get(data.mentorId) ?? [{ schoolId: data.previousSchoolId }];
      state.employment.set(data.mentorId, [...before, { schoolId: data.schoolId, from: data.effectiveFrom }]);
      return state;
    },
    PlacementArranged: (state, { data }) => {
      state.placements.set(data.placementId, placementFunding(data));
      byMentor(state, data.mentorId, data.placementId);
      if (data.jobShareMentorId !== undefined) byMentor(state, data.jobShareMentorId, data.placementId);
      return state;
    },
    PlacementMentorChanged: (state, { data }) => {
      const placement = state.placements.get(data.placementId);
      if (placement !== undefined) state.placements.set(data.placementId, changeMentor(placement, data));
      byMentor(state, data.mentorId, data.placementId);
      return state;
    },
    MentorTrainingSessionCompleted: (state, { data }: Of<'MentorTrainingSessionCompleted'>) => {
      const sessions = state.sessions.get(data.mentorId) ?? new Map<string, SessionFacts>();
      sessions.set(data.sessionId, { providerId: data.providerId, date: data.date, minutes: data.minutes, academicYear: data.academicYear, withdrawn: false });
      state.sessions.set(data.mentorId, sessions);
      return state;
    },
    MentorTrainingSessionCorrected: (state, { data }) => changeSession(state, data.mentorId, data.sessionId, (s) => ({ ...s, date: data.date, minutes: data.minutes })),
    MentorTrainingSessionWithdrawn: (state, { data }) => changeSession(state, data.mentorId, data.sessionId, (s) => ({ ...s, withdrawn: true })),
  },
});

/** The mentor's sessions with a provider that count for a year (the session's own academic year). */
export const trainingSessionsFor = (state: FundingInputsState, mentorId: string, providerId: string, academicYear: AcademicYear): TrainingSession[] => {
  const sessions: TrainingSession[] = [];
  for (const session of state.sessions.get(mentorId)?.values() ?? []) {
    if (session.withdrawn || session.providerId !== providerId || sessionAcademicYear(session) !== academicYear) continue;
    sessions.push({ date: session.date, minutes: session.minutes });
  }
  return sessions;
};

/** Whether the school employed the mentor at some time in the academic year. */
export const employedDuring = (state: FundingInputsState, mentorId: string, schoolId: string, academicYear: AcademicYear): boolean => {
  const periods = state.employment.get(mentorId) ?? [];
  return periods.some(
    (period, i) =>
      period.schoolId === schoolId &&
      (period.from === undefined || period.from <= academicYearEnd(academicYear)) &&
      (periods[i + 1]?.from === undefined || periods[i + 1]!.from! > academicYearStart(academicYear)),
  );
};

/** The placements with a provider in a year that fund the mentor (one funded mentor per trainee), sorted. */
export const eligiblePlacementsFor = (state: FundingInputsState, mentorId: string, providerId: string, academicYear: AcademicYear): string[] => {
  const ids: string[] = [];
  for (const placementId of state.placementsByMentor.get(mentorId) ?? []) {
    const placement = state.placements.get(placementId);
    if (placement?.providerId === providerId && placement.academicYear === academicYear && fundsMentor(placement, mentorId)) ids.push(placementId);
  }
  return ids.sort();
};
