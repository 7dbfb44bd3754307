import type { AcademicYear } from '../calendar/academicYear.js';
import { addDays, type LocalDate } from '../calendar/localDate.js';
import type { EventHandlers } from '../kernel/decider.js';
import type { TermCalendar } from '../school/calendar.js';
import type { ContactKind, PauseReason, PlacementEvent } from './events.js';

export type PlacementStatus = 'active' | 'paused' | 'ended_early' | 'completed';

/** A mentor's time on the placement, inclusive; `to` is absent while they are still on it. */
export interface MentorSpell {
  readonly mentorId: string;
  readonly role: 'mentor' | 'job_share';
  readonly from: LocalDate;
  readonly to?: LocalDate;
}

/** A pause from `from`, until the day before `until` (the day it resumed), or open. */
export interface Pause {
  readonly from: LocalDate;
  readonly until?: LocalDate;
  readonly reason: PauseReason;
}

/** A mentoring record as it now stands: corrections applied, withdrawal marked (never removed). */
export interface MentoringRecord {
  readonly recordId: string;
  readonly kind: 'weekly_meeting' | ContactKind;
  readonly mentorId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly withdrawn: boolean;
}

export interface Placement {
  readonly placementId: string;
  readonly traineeId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly status: PlacementStatus;
  readonly startDate: LocalDate;
  /** The planned end, after any extension. */
  readonly endDate: LocalDate;
  /** The last day the trainee is on placement: `endDate`, or the day it ended early. */
  readonly lastDay: LocalDate;
  /** The placement's own calendar, when it overrides the school's. */
  readonly calendar?: TermCalendar;
  readonly mentors: readonly MentorSpell[];
  readonly pauses: readonly Pause[];
}

/**
 * One change to a placement's records, newest first, pointing at the change before it. A fold adds a change
 * in O(1), so replaying a long stream stays linear; {@link recordsOf} applies them when someone asks.
 */
export type RecordChange =
  | { readonly change: 'recorded'; readonly record: MentoringRecord; readonly previous: RecordChange | null }
  | { readonly change: 'corrected'; readonly recordId: string; readonly date: LocalDate; readonly minutes: number; readonly previous: RecordChange | null }
  | { readonly change: 'withdrawn'; readonly recordId: string; readonly previous: RecordChange | null };

export interface PlacementState {
  readonly placement?: Placement;
  /** The latest change to the records; read the records with {@link recordsOf}. */
  readonly recordChanges: RecordChange | null;
}

export const initialPlacementState: PlacementState = { recordChanges: null };

const applied = new WeakMap<RecordChange, ReadonlyMap<string, MentoringRecord>>();

/** The placement's records as they now stand, by id (computed once per state, then remembered). */
export const recordsOf = (state: PlacementState): ReadonlyMap<string, MentoringRecord> => {
  const pending: RecordChange[] = [];
  let node = state.recordChanges;
  let base: ReadonlyMap<string, MentoringRecord> | undefined;
  while (node !== null && (base = applied.get(node)) === undefined) {
    pending.push(node);
    node = node.previous;
  }
  if (pending.length === 0) return base ?? new Map();
  const records = new Map(base);
  for (let i = pending.length - 1; i >= 0; i--) {
    const change = pending[i]!;
    if (change.change === 'recorded') records.set(change.record.recordId, change.record);
    else {
      const record = records.get(change.recordId);
      if (record === undefined) continue;
      records.set(change.recordId, change.change === 'corrected' ? { ...record, date: change.date, minutes: change.minutes } : { ...record, withdrawn: true });
    }
  }
  applied.set(pending[0]!, records);
  return records;
};

const withPlacement = (state: PlacementState, change: (placement: Placement) => Placement): PlacementState =>
  state.placement === undefined ? state : { ...state, placement: change(state.placement) };

const recorded = (state: PlacementState, record: MentoringRecord): PlacementState => ({
  ...state,
  recordChanges: { change: 'recorded', record, previous: state.recordChanges },
});

/** Closes the spell of `mentorId` the day before `from`. */
const closeSpell = (mentors: readonly MentorSpell[], mentorId: string, from: LocalDate): MentorSpell[] =>
  mentors.map((spell) => (spell.mentorId === mentorId && spell.to === undefined ? { ...spell, to: addDays(from, -1) } : spell));

/** The mentors on the placement on a date (the mentor and any job-share mentor). */
export const mentorsOn = (placement: Placement, date: LocalDate): MentorSpell[] =>
  placement.mentors.filter((spell) => spell.from <= date && (spell.to === undefined || date <= spell.to));

/** The spells still open: the placement's current mentor and job-share mentor. */
export const currentMentors = (placement: Placement): MentorSpell[] => placement.mentors.filter((spell) => spell.to === undefined);

/** One handler per event: shared by the decider's `evolve` and the entitlement projections. */
export const placementHandlers: EventHandlers<PlacementEvent, PlacementState> = {
  PlacementArranged: (state, { data }) => ({
    ...state,
    placement: {
      placementId: data.placementId,
      traineeId: data.traineeId,
      schoolId: data.schoolId,
      providerId: data.providerId,
      academicYear: data.academicYear,
      status: 'active',
      startDate: data.startDate,
      endDate: data.endDate,
      lastDay: data.endDate,
      ...(data.calendar ? { calendar: data.calendar } : {}),
      mentors: [
        { mentorId: data.mentorId, role: 'mentor', from: data.startDate },
        ...(data.jobShareMentorId ? [{ mentorId: data.jobShareMentorId, role: 'job_share' as const, from: data.startDate }] : []),
      ],
      pauses: [],
    },
  }),
  PlacementMentorChanged: (state, { data }) =>
    withPlacement(state, (p) => {
      if (data.reason === 'job_share_added') {
        return { ...p, mentors: [...p.mentors, { mentorId: data.mentorId, role: 'job_share', from: data.effectiveFrom }] };
      }
      const role = currentMentors(p).find((spell) => spell.mentorId === data.previousMentorId)?.role ?? 'mentor';
      return { ...p, mentors: [...closeSpell(p.mentors, data.previousMentorId, data.effectiveFrom), { mentorId: data.mentorId, role, from: data.effectiveFrom }] };
    }),
  PlacementExtended: (state, { data }) => withPlacement(state, (p) => ({ ...p, endDate: data.endDate, lastDay: data.endDate })),
  PlacementPaused: (state, { data }) =>
    withPlacement(state, (p) => ({ ...p, status: 'paused', pauses: [...p.pauses, { from: data.pausedFrom, reason: data.reason }] })),
  PlacementResumed: (state, { data }) =>
    withPlacement(state, (p) => ({
      ...p,
      status: 'active',
      pauses: p.pauses.map((pause) => (pause.until === undefined ? { ...pause, until: data.resumedOn } : pause)),
    })),
  PlacementEndedEarly: (state, { data }) => withPlacement(state, (p) => ({ ...p, status: 'ended_early', lastDay: data.lastDay })),
  PlacementCompleted: (state) => withPlacement(state, (p) => ({ ...p, status: 'completed' })),
  MentorMeetingRecorded: (state, { data }) =>
    recorded(state, { recordId: data.recordId, kind: 'weekly_meeting', mentorId: data.mentorId, date: data.date, minutes: data.minutes, withdrawn: false }),
  MentoringContactRecorded: (state, { data }) =>
    recorded(state, { recordId: data.recordId, kind: data.kind, mentorId: data.mentorId, date: data.date, minutes: data.minutes, withdrawn: false }),
  MentoringRecordCorrected: (state, { data }) => ({
    ...state,
    recordChanges: { change: 'corrected', recordId: data.recordId, date: data.date, minutes: data.minutes, previous: state.recordChanges },
  }),
  MentoringRecordWithdrawn: (state, { data }) => ({
    ...state,
    recordChanges: { change: 'withdrawn', recordId: data.recordId, previous: state.recordChanges },
  }),
};
