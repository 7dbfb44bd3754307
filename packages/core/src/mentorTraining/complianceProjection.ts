import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Erased } from '../kernel/personalData.js';
import { defineProjection } from '../kernel/projection.js';
import type { MentorEvent } from '../mentor/events.js';
import { applyPlacementEvent, type PlacementFacts } from '../mentorReports/placementFacts.js';
import type { PlacementEvent } from '../placement/events.js';
import { sessionAcademicYear, TRAINING_MODES, type MentorTrainingEvent, type PriorLearningKind, type TrainingMode, type TrainingPurpose } from './events.js';
import type { ProviderTrainingRequirementEvent } from './requirementEvents.js';

export interface PriorLearningEntry {
  readonly recognitionId: string;
  readonly kind: PriorLearningKind;
  readonly minutes: number;
  readonly recognisedBy: string;
  readonly recognisedOn: LocalDate;
  readonly description?: string;
}

/** One mentor's training with one provider for one academic year. */
export interface TrainingTrack {
  readonly mentorId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  /** Sessions that count, by their recorded purpose. */
  readonly sessionsByPurpose: { initial: number; refresher: number };
  readonly minutesByMode: Record<TrainingMode, number>;
  /** Kept apart from the minutes trained: it reduces what the mentor takes and is never funded. */
  readonly priorLearning: Map<string, PriorLearningEntry>;
  /** Placements on which the mentor mentors this provider's trainees this year. */
  readonly placementIds: Set<string>;
}

interface SessionEntry {
  readonly trackKey: string;
  readonly purpose: TrainingPurpose;
  mode: TrainingMode;
  minutes: number;
}

export type RequirementData = ProviderTrainingRequirementEvent['data'];

/**
 * The fold's state: maps it owns and changes in place, as a partitioned projection does, because one event
 * (a mentor changing on a placement) needs facts another partition holds (the placement's provider and year).
 */
export interface TrainingComplianceState {
  readonly tracks: Map<string, TrainingTrack>;
  readonly tracksByMentor: Map<string, string[]>;
  readonly sessions: Map<string, SessionEntry>;
  readonly priorLearning: Map<string, string>;
  /** Every requirement a provider set for a year, in the order they were set. */
  readonly requirements: Map<string, RequirementData[]>;
  readonly mentors: Map<string, { name: string | Erased; schoolId: string }>;
  readonly placements: Map<string, PlacementFacts>;
}

export type TrainingComplianceEvent =
  | MentorTrainingEvent
  | ProviderTrainingRequirementEvent
  | Extract<MentorEvent, { type: 'MentorRegistered' | 'MentorDetailsCorrected' | 'MentorMovedSchool' }>
  | Extract<PlacementEvent, { type: 'PlacementArranged' | 'PlacementMentorChanged' }>;

export const trackKey = (mentorId: string, providerId: string, academicYear: AcademicYear): string => `${mentorId}|${providerId}|${academicYear}`;
export const requirementKey = (providerId: string, academicYear: AcademicYear): string => `${providerId}|${academicYear}`;

const noMinutes = (): Record<TrainingMode, number> => {
  const minutes = {} as Record<TrainingMode, number>;
  for (const mode of TRAINING_MODES) minutes[mode] = 0;
  return minutes;
};

const trackOf = (state: TrainingComplianceState, mentorId: string, providerId: string, academicYear: AcademicYear, key = trackKey(mentorId, providerId, academicYear)): TrainingTrack => {
  let track = state.tracks.get(key);
  if (track === undefined) {
    track = {
      mentorId,
      providerId,
      academicYear,
      sessionsByPurpose: { initial: 0, refresher: 0 },
      minutesByMode: noMinutes(),
      priorLearning: new Map(),
      placementIds: new Set(),
    };
    state.tracks.set(key, track);
    const keys = state.tracksByMentor.get(mentorId);
    if (keys === undefined) state.tracksByMentor.set(mentorId, [key]);
    else keys.push(key);
  }
  return track;
};

const mentoring = (state: TrainingComplianceState, facts: PlacementFacts | undefined): TrainingComplianceState => {
  if (facts === undefined) return state;
  for (const mentorId of facts.everMentorIds) trackOf(state, mentorId, facts.providerId, facts.academicYear).placementIds.add(facts.placementId);
  return state;
};

type On<K extends TrainingComplianceEvent['type']> = (
  state: TrainingComplianceState,
  event: StoredEvent<Extract<TrainingComplianceEvent, { type: K }>>,
) => TrainingComplianceState;

const sessionCompleted: On<'MentorTrainingSessionCompleted'> = (state, { data }) => {
  const year = sessionAcademicYear(data);
  const key = trackKey(data.mentorId, data.providerId, year);
  const track = trackOf(state, data.mentorId, data.providerId, year, key);
  state.sessions.set(`${data.mentorId}|${data.sessionId}`, { trackKey: key, purpose: data.purpose, mode: data.mode, minutes: data.minutes });
  track.minutesByMode[data.mode] += data.minutes;
  track.sessionsByPurpose[data.purpose] += 1;
  return state;
};

const sessionCorrected: On<'MentorTrainingSessionCorrected'> = (state, { data }) => {
  const session = state.sessions.get(`${data.mentorId}|${data.sessionId}`);
  const track = session && state.tracks.get(session.trackKey);
  if (session === undefined || track === undefined) return state;
  track.minutesByMode[session.mode] -= session.minutes;
  track.minutesByMode[data.mode] += data.minutes;
  session.mode = data.mode;
  session.minutes = data.minutes;
  return state;
};

const sessionWithdrawn: On<'MentorTrainingSessionWithdrawn'> = (state, { data }) => {
  const key = `${data.mentorId}|${data.sessionId}`;
  const session = state.sessions.get(key);
  const track = session && state.tracks.get(session.trackKey);
  if (session === undefined || track === undefined) return state;
  track.minutesByMode[session.mode] -= session.minutes;
  track.sessionsByPurpose[session.purpose] -= 1;
  state.sessions.delete(key);
  return state;
};

/** Minutes of training and prior learning per mentor, provider and year, with the providers' own requirements. */
export const trainingComplianceProjection = defineProjection<TrainingComplianceEvent, TrainingComplianceState>({
  name: 'mentor-training-compliance',
  initialState: () => ({
    tracks: new Map(),
    tracksByMentor: new Map(),
    sessions: new Map(),
    priorLearning: new Map(),
    requirements: new Map(),
    mentors: new Map(),
    placements: new Map(),
  }),
  handlers: {
    MentorRegistered: (state, { data }) => {
      state.mentors.set(data.mentorId, { name: data.name, schoolId: data.schoolId });
      return state;
    },
    MentorDetailsCorrected: (state, { data }) => {
      const mentor = state.mentors.get(data.mentorId);
      if (mentor !== undefined && data.name !== undefined) state.mentors.set(data.mentorId, { ...mentor, name: data.name });
      return state;
    },
    MentorMovedSchool: (state, { data }) => {
      const mentor = state.mentors.get(data.mentorId);
      if (mentor !== undefined) state.mentors.set(data.mentorId, { ...mentor, schoolId: data.schoolId });
      return state;
    },
    MentorTrainingSessionCompleted: sessionCompleted,
    MentorTrainingSessionCorrected: sessionCorrected,
    MentorTrainingSessionWithdrawn: sessionWithdrawn,
    MentorPriorLearningRecognised: (state, { data }) => {
      const track = trackOf(state, data.mentorId, data.providerId, data.academicYear);
      const { recognitionId, kind, minutes, recognisedBy, recognisedOn, description } = data;
      track.priorLearning.set(recognitionId, { recognitionId, kind, minutes, recognisedBy, recognisedOn, ...(description === undefined ? {} : { description }) });
      state.priorLearning.set(`${data.mentorId}|${recognitionId}`, trackKey(data.mentorId, data.providerId, data.academicYear));
      return state;
    },
    MentorPriorLearningWithdrawn: (state, { data }) => {
      const key = `${data.mentorId}|${data.recognitionId}`;
      const track = state.tracks.get(state.priorLearning.get(key) ?? '');
      track?.priorLearning.delete(data.recognitionId);
      state.priorLearning.delete(key);
      return state;
    },
    ProviderTrainingRequirementSet: (state, { data }) => {
      const key = requirementKey(data.providerId, data.academicYear);
      const list = state.requirements.get(key);
      if (list === undefined) state.requirements.set(key, [data]);
      else list.push(data);
      return state;
    },
    PlacementArranged: (state, event) => mentoring(state, applyPlacementEvent(state.placements, event)),
    PlacementMentorChanged: (state, event) => mentoring(state, applyPlacementEvent(state.placements, event)),
  },
});
