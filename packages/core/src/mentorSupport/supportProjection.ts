import { academicYearEnd, academicYearStart, type AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import { defineProjection } from '../kernel/projection.js';
import { definedOnly } from '../mentor/checked.js';
import { applyPlacementEvent, type PlacementFacts } from '../mentorReports/placementFacts.js';
import type { PlacementEvent } from '../placement/events.js';
import type { MentorSupportEvent, RecognitionKind } from './events.js';

export interface Allocation {
  readonly schoolId: string;
  readonly minutesPerWeek: number;
  readonly effectiveFrom: LocalDate;
}

export interface Recognition {
  readonly recognitionId: string;
  readonly kind: RecognitionKind;
  readonly title: string;
  readonly awardedOn: LocalDate;
  readonly awardedBy: string;
  readonly academicYear?: AcademicYear;
  readonly accreditedMinutes?: number;
}

export interface MentorSupportFacts {
  readonly allocations: Map<AcademicYear, Allocation[]>;
  readonly weeks: Map<LocalDate, { readonly minutesUsed: number; readonly minutesFromPpa: number }>;
  readonly recognitions: Map<string, Recognition>;
  readonly trainees: Map<AcademicYear, Set<string>>;
}

/** Per mentor, in maps the fold owns; placements are kept apart because a mentor change names only the placement. */
export interface MentorSupportReadState {
  readonly mentors: Map<string, MentorSupportFacts>;
  readonly placements: Map<string, PlacementFacts>;
}

export type MentorSupportReadEvent = MentorSupportEvent | Extract<PlacementEvent, { type: 'PlacementArranged' | 'PlacementMentorChanged' }>;

const factsOf = (state: MentorSupportReadState, mentorId: string): MentorSupportFacts => {
  let facts = state.mentors.get(mentorId);
  if (facts === undefined) state.mentors.set(mentorId, (facts = { allocations: new Map(), weeks: new Map(), recognitions: new Map(), trainees: new Map() }));
  return facts;
};

const mentored = (state: MentorSupportReadState, event: StoredEvent<Extract<PlacementEvent, { type: 'PlacementArranged' | 'PlacementMentorChanged' }>>) => {
  const placement = applyPlacementEvent(state.placements, event);
  if (placement === undefined) return state;
  for (const mentorId of placement.everMentorIds) {
    const trainees = factsOf(state, mentorId).trainees;
    const ofYear = trainees.get(placement.academicYear);
    if (ofYear === undefined) trainees.set(placement.academicYear, new Set([placement.traineeId]));
    else ofYear.add(placement.traineeId);
  }
  return state;
};

/** What providers record of a mentor's support (seed 002): protected time, trainees, recognition. */
export const mentorSupportProjection = defineProjection<MentorSupportReadEvent, MentorSupportReadState>({
  name: 'mentor-support',
  initialState: () => ({ mentors: new Map(), placements: new Map() }),
  handlers: {
    MentorProtectedTimeAllocated: (state, { data }) => {
      const allocations = factsOf(state, data.mentorId).allocations;
      const allocation = { schoolId: data.schoolId, minutesPerWeek: data.minutesPerWeek, effectiveFrom: data.effectiveFrom };
      const list = allocations.get(data.academicYear);
      if (list === undefined) allocations.set(data.academicYear, [allocation]);
      else list.push(allocation);
      return state;
    },
    MentorProtectedTimeUseRecorded: (state, { data }) => {
      factsOf(state, data.mentorId).weeks.set(data.weekOf, { minutesUsed: data.minutesUsed, minutesFromPpa: data.minutesFromPpa ?? 0 });
      return state;
    },
    MentorRecognitionAwarded: (state, { data }) => {
      const { mentorId: _mentorId, ...recognition } = data;
      factsOf(state, data.mentorId).recognitions.set(data.recognitionId, definedOnly(recognition));
      return state;
    },
    MentorRecognitionRevoked: (state, { data }) => {
      state.mentors.get(data.mentorId)?.recognitions.delete(data.recognitionId);
      return state;
    },
    PlacementArranged: mentored,
    PlacementMentorChanged: mentored,
  },
});

export interface MentorSupportSummary {
  readonly mentorId: string;
  readonly academicYear: AcademicYear;
  /** Protected minutes a week in force at the year's last recorded change. */
  readonly allocatedMinutesPerWeek?: number;
  readonly weeksRecorded: number;
  /** Over the weeks recorded: minutes protected, minutes used, and mentoring done in PPA time. */
  readonly allocatedMinutes: number;
  readonly usedMinutes: number;
  readonly minutesFromPpa: number;
  /** Weeks in which the mentor used less than was protected, or mentored in PPA time. */
  readonly weeksShort: number;
  readonly traineeCount: number;
  readonly recognitions: readonly Recognition[];
  readonly accreditedMinutes: number;
}

/** The allocation in force on `day`: the last one set whose start is not after it. */
const allocationOn = (list: readonly Allocation[] | undefined, day: LocalDate): Allocation | undefined => list?.findLast((a) => a.effectiveFrom <= day);

/** A mentor's support in a year: protected time allocated against used, trainees, recognition. */
export const mentorSupportSummary = (state: MentorSupportReadState, mentorId: string, academicYear: AcademicYear): MentorSupportSummary => {
  const facts = state.mentors.get(mentorId);
  const allocations = facts?.allocations.get(academicYear);
  const [from, to] = [academicYearStart(academicYear), academicYearEnd(academicYear)];
  let weeksRecorded = 0;
  let allocatedMinutes = 0;
  let usedMinutes = 0;
  let minutesFromPpa = 0;
  let weeksShort = 0;
  for (const [weekOf, week] of facts?.weeks ?? []) {
    if (weekOf < from || weekOf > to) continue;
    const allocated = allocationOn(allocations, weekOf)?.minutesPerWeek ?? 0;
    weeksRecorded++;
    allocatedMinutes += allocated;
    usedMinutes += week.minutesUsed;
    minutesFromPpa += week.minutesFromPpa;
    if (week.minutesUsed < allocated || week.minutesFromPpa > 0) weeksShort++;
  }
  const recognitions = [...(facts?.recognitions.values() ?? [])]
    .filter((r) => r.academicYear === undefined || r.academicYear === academicYear)
    .sort((a, b) => (a.awardedOn + a.recognitionId < b.awardedOn + b.recognitionId ? -1 : 1));
  const latest = allocations?.at(-1);
  return {
    mentorId,
    academicYear,
    ...(latest === undefined ? {} : { allocatedMinutesPerWeek: latest.minutesPerWeek }),
    weeksRecorded,
    allocatedMinutes,
    usedMinutes,
    minutesFromPpa,
    weeksShort,
    traineeCount: facts?.trainees.get(academicYear)?.size ?? 0,
    recognitions,
    accreditedMinutes: recognitions.reduce((sum, r) => sum + (r.accreditedMinutes ?? 0), 0),
  };
};
