import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Erased } from '../kernel/personalData.js';
import { defineProjection } from '../kernel/projection.js';
import type { LeadMentorQaEvent } from '../leadMentorQa/events.js';
import type { MentorEvent } from '../mentor/events.js';
import { applyPlacementEvent, type PlacementFactEvent, type PlacementFacts } from '../mentorReports/placementFacts.js';
import type { SchoolEvent } from '../school/events.js';
import type { TraineeEvent } from '../trainee/events.js';
import type { SchoolPeriod } from './decider.js';
import type { CheckInSubject, LeadMentorEvent } from './events.js';

export interface LeadMentorFacts {
  readonly providerId: string;
  readonly appointedOn: LocalDate;
  endedOn?: LocalDate;
  readonly schools: Map<string, SchoolPeriod[]>;
}

export interface ObservationFacts {
  readonly leadMentorId: string;
  readonly mentorId: string;
  readonly date: LocalDate;
}

/**
 * What the caseload needs, in maps the fold owns and changes in place: placements are keyed by school,
 * check-ins by lead mentor and person, and a school's placements serve every lead mentor assigned to it.
 */
export interface CaseloadState {
  readonly leadMentors: Map<string, LeadMentorFacts>;
  readonly placements: Map<string, PlacementFacts>;
  readonly placementsBySchool: Map<string, Set<string>>;
  /** `leadMentorId|subject|subjectId` → check-in id → date. */
  readonly checkIns: Map<string, Map<string, LocalDate>>;
  /** `leadMentorId|checkInId` → the key above, for withdrawals. */
  readonly checkInSubjects: Map<string, string>;
  readonly observations: Map<string, Map<string, ObservationFacts>>;
  /** `leadMentorId|mentorId` → supervision and training sessions with that mentor. */
  readonly supervisions: Map<string, { count: number; last: LocalDate }>;
  readonly mentorNames: Map<string, string | Erased>;
  readonly traineeNames: Map<string, string | Erased>;
  readonly schoolNames: Map<string, string>;
}

export type CaseloadEvent =
  | LeadMentorEvent
  | PlacementFactEvent
  | Extract<LeadMentorQaEvent, { type: 'JointObservationRecorded' | 'JointObservationWithdrawn' }>
  | Extract<MentorEvent, { type: 'MentorRegistered' | 'MentorDetailsCorrected' }>
  | Extract<SchoolEvent, { type: 'SchoolRegistered' }>
  | Extract<TraineeEvent, { type: 'TraineeRegistered' }>;

export const checkInKey = (leadMentorId: string, subject: CheckInSubject, subjectId: string): string => `${leadMentorId}|${subject}|${subjectId}`;

const placed = (state: CaseloadState, event: StoredEvent<PlacementFactEvent>): CaseloadState => {
  const facts = applyPlacementEvent(state.placements, event);
  if (facts !== undefined && event.type === 'PlacementArranged') {
    const atSchool = state.placementsBySchool.get(facts.schoolId);
    if (atSchool === undefined) state.placementsBySchool.set(facts.schoolId, new Set([facts.placementId]));
    else atSchool.add(facts.placementId);
  }
  return state;
};

const periodsOf = (state: CaseloadState, leadMentorId: string, schoolId: string): SchoolPeriod[] | undefined => {
  const lead = state.leadMentors.get(leadMentorId);
  if (lead === undefined) return undefined;
  let periods = lead.schools.get(schoolId);
  if (periods === undefined) lead.schools.set(schoolId, (periods = []));
  return periods;
};

/** Lead mentors' schools, the placements there, check-ins, joint observations and supervision. */
export const leadMentorCaseloadProjection = defineProjection<CaseloadEvent, CaseloadState>({
  name: 'lead-mentor-caseload',
  initialState: () => ({
    leadMentors: new Map(),
    placements: new Map(),
    placementsBySchool: new Map(),
    checkIns: new Map(),
    checkInSubjects: new Map(),
    observations: new Map(),
    supervisions: new Map(),
    mentorNames: new Map(),
    traineeNames: new Map(),
    schoolNames: new Map(),
  }),
  handlers: {
    LeadMentorAppointed: (state, { data }) => {
      const before = state.leadMentors.get(data.leadMentorId);
      state.leadMentors.set(data.leadMentorId, { providerId: data.providerId, appointedOn: data.appointedOn, schools: before?.schools ?? new Map() });
      return state;
    },
    LeadMentorAppointmentEnded: (state, { data }) => {
      const lead = state.leadMentors.get(data.leadMentorId);
      if (lead !== undefined) lead.endedOn = data.endedOn;
      return state;
    },
    LeadMentorSchoolAssigned: (state, { data }) => {
      periodsOf(state, data.leadMentorId, data.schoolId)?.push({ from: data.from });
      return state;
    },
    LeadMentorSchoolReleased: (state, { data }) => {
      const periods = periodsOf(state, data.leadMentorId, data.schoolId);
      const last = periods?.at(-1);
      if (periods !== undefined && last !== undefined) periods[periods.length - 1] = { ...last, releasedOn: data.releasedOn };
      return state;
    },
    LeadMentorCheckInRecorded: (state, { data }) => {
      const key = checkInKey(data.leadMentorId, data.subject, data.subjectId);
      const dates = state.checkIns.get(key);
      if (dates === undefined) state.checkIns.set(key, new Map([[data.checkInId, data.date]]));
      else dates.set(data.checkInId, data.date);
      state.checkInSubjects.set(`${data.leadMentorId}|${data.checkInId}`, key);
      return state;
    },
    LeadMentorCheckInWithdrawn: (state, { data }) => {
      const key = state.checkInSubjects.get(`${data.leadMentorId}|${data.checkInId}`);
      if (key !== undefined) state.checkIns.get(key)?.delete(data.checkInId);
      return state;
    },
    LeadMentorSupervisionRecorded: (state, { data }) => {
      for (const mentorId of data.mentorIds) {
        const key = `${data.leadMentorId}|${mentorId}`;
        const before = state.supervisions.get(key);
        state.supervisions.set(key, { count: (before?.count ?? 0) + 1, last: before === undefined || before.last < data.date ? data.date : before.last });
      }
      return state;
    },
    PlacementArranged: placed,
    PlacementMentorChanged: placed,
    PlacementExtended: placed,
    PlacementEndedEarly: placed,
    PlacementCompleted: placed,
    JointObservationRecorded: (state, { data }) => {
      const facts = { leadMentorId: data.leadMentorId, mentorId: data.mentorId, date: data.date };
      const list = state.observations.get(data.placementId);
      if (list === undefined) state.observations.set(data.placementId, new Map([[data.observationId, facts]]));
      else list.set(data.observationId, facts);
      return state;
    },
    JointObservationWithdrawn: (state, { data }) => {
      state.observations.get(data.placementId)?.delete(data.observationId);
      return state;
    },
    MentorRegistered: (state, { data }) => {
      state.mentorNames.set(data.mentorId, data.name);
      return state;
    },
    MentorDetailsCorrected: (state, { data }) => {
      if (data.name !== undefined) state.mentorNames.set(data.mentorId, data.name);
      return state;
    },
    SchoolRegistered: (state, { data }) => {
      state.schoolNames.set(data.schoolId, data.name);
      return state;
    },
    TraineeRegistered: (state, { data }) => {
      state.traineeNames.set(data.traineeId, data.name);
      return state;
    },
  },
});
