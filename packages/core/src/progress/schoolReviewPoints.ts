import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { QaAnswers } from '../leadMentorQa/events.js';
import { definePartitionedProjection } from '../kernel/projection.js';
import type { ReviewOutcome } from '../reviewPoint/events.js';
import type { TargetVerdict } from '../target/events.js';
import type { ProgressEventOf } from './events.js';
import { changeRecord, noRecords, putRecord } from './records.js';

export interface SchoolReviewPoint {
  readonly reviewPointId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly academicYear: AcademicYear;
  readonly stage: string;
  readonly dueDate: LocalDate;
  readonly leadMentorRequired: boolean;
  readonly heldOn?: LocalDate;
  readonly leadMentorJoined?: boolean;
  readonly outcome?: ReviewOutcome;
  readonly areasOfConcern: readonly string[];
  readonly missed: boolean;
}

export interface SchoolTarget {
  readonly targetId: string;
  readonly traineeId: string;
  readonly description: string;
  readonly area: string;
  readonly dueDate: LocalDate;
  readonly reviewPointId?: string | undefined;
  readonly withdrawn: boolean;
}

export interface SchoolObservation {
  readonly observationId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly date: LocalDate;
  readonly focus: string;
  readonly reviewPointId?: string | undefined;
  readonly withdrawn: boolean;
}

/**
 * One school's review points and what happened at each: targets set and reviewed there, the lead mentor's
 * QA form, joint observations, plans opened from it. The compliance report and the School Summary Report
 * are both drawn from it. Facts are keyed by review point, so they may arrive in any order.
 */
export interface SchoolProgress {
  readonly reviewPoints: Readonly<Record<string, SchoolReviewPoint>>;
  readonly targets: Readonly<Record<string, SchoolTarget>>;
  readonly reviewsAt: Readonly<Record<string, readonly { readonly targetId: string; readonly verdict: TargetVerdict }[]>>;
  readonly observations: Readonly<Record<string, SchoolObservation>>;
  readonly qaForms: Readonly<Record<string, { readonly completedOn: LocalDate; readonly answers: QaAnswers; readonly amendments: number }>>;
  readonly plansFrom: Readonly<Record<string, string>>;
}

type Handled =
  | 'ReviewPointScheduled' | 'ReviewPointRescheduled' | 'ReviewPointHeld' | 'ReviewPointOutcomeCorrected' | 'ReviewPointMissed'
  | 'TargetSet' | 'TargetReviewed' | 'TargetWithdrawn'
  | 'JointObservationRecorded' | 'JointObservationWithdrawn'
  | 'LeadMentorQaFormCompleted' | 'LeadMentorQaFormAmended'
  | 'IndividualRecoveryPlanOpened';
export type SchoolProgressEvent = ProgressEventOf<Handled>;

const rp = (state: SchoolProgress, id: string, change: (r: SchoolReviewPoint) => SchoolReviewPoint): SchoolProgress => changeRecord(state, state.reviewPoints, id, change);

/** The start of the keys of a school's partitions: the school id's length, so that no other school's keys start with it. */
const schoolKeyPrefix = (schoolId: string): string => `${schoolId.length}:${schoolId}`;

/**
 * One partition per trainee at a school, so that an event's work does not grow with the school. The key is
 * the school's prefix then the trainee id: unambiguous, and cheaper per event than a JSON array.
 */
export const schoolTraineeKey = (schoolId: string, traineeId: string): string => `${schoolKeyPrefix(schoolId)}${traineeId}`;

/** Each school's review points and what happened at them, kept per trainee at the school: see {@link schoolProgressOf}. */
export const schoolProgress = definePartitionedProjection<SchoolProgressEvent, SchoolProgress>({
  name: 'school-progress',
  partitionBy: (event) => schoolTraineeKey(event.data.schoolId, event.data.traineeId),
  initialState: () => ({ reviewPoints: noRecords(), targets: noRecords(), reviewsAt: noRecords(), observations: noRecords(), qaForms: noRecords(), plansFrom: noRecords() }),
  handlers: {
    ReviewPointScheduled: (state, { data }) => {
      const { reviewPointId, traineeId, placementId, academicYear, stage, dueDate, leadMentorRequired } = data;
      const record: SchoolReviewPoint = { reviewPointId, traineeId, placementId, academicYear, stage, dueDate, leadMentorRequired, areasOfConcern: [], missed: false };
      return putRecord(state, state.reviewPoints, reviewPointId, record);
    },
    ReviewPointRescheduled: (state, { data }) => rp(state, data.reviewPointId, (r) => ({ ...r, dueDate: data.dueDate })),
    ReviewPointHeld: (state, { data }) =>
      rp(state, data.reviewPointId, (r) => ({ ...r, heldOn: data.heldOn, leadMentorJoined: data.leadMentorId !== undefined, outcome: data.outcome, areasOfConcern: data.areasOfConcern })),
    ReviewPointOutcomeCorrected: (state, { data }) => rp(state, data.reviewPointId, (r) => ({ ...r, outcome: data.outcome, areasOfConcern: data.areasOfConcern })),
    ReviewPointMissed: (state, { data }) => rp(state, data.reviewPointId, (r) => ({ ...r, missed: true })),
    TargetSet: (state, { data }) => {
      const { targetId, traineeId, description, area, dueDate, reviewPointId } = data;
      return putRecord(state, state.targets, targetId, { targetId, traineeId, description, area, dueDate, reviewPointId, withdrawn: false });
    },
    TargetReviewed: (state, { data }) => {
      if (data.reviewPointId === undefined) return state;
      const at = state.reviewsAt[data.reviewPointId] ?? [];
      return putRecord(state, state.reviewsAt, data.reviewPointId, [...at, { targetId: data.targetId, verdict: data.verdict }]);
    },
    TargetWithdrawn: (state, { data }) => changeRecord(state, state.targets, data.targetId, (t) => ({ ...t, withdrawn: true })),
    JointObservationRecorded: (state, { data }) => {
      const { observationId, traineeId, placementId, date, focus, reviewPointId } = data;
      return putRecord(state, state.observations, observationId, { observationId, traineeId, placementId, date, focus, reviewPointId, withdrawn: false });
    },
    JointObservationWithdrawn: (state, { data }) => changeRecord(state, state.observations, data.observationId, (o) => ({ ...o, withdrawn: true })),
    LeadMentorQaFormCompleted: (state, { data }) => putRecord(state, state.qaForms, data.reviewPointId, { completedOn: data.completedOn, answers: data.answers, amendments: 0 }),
    LeadMentorQaFormAmended: (state, { data }) => changeRecord(state, state.qaForms, data.reviewPointId, (form) => ({ ...form, answers: data.answers, amendments: form.amendments + 1 })),
    IndividualRecoveryPlanOpened: (state, { data }) =>
      data.reviewPointId === undefined ? state : putRecord(state, state.plansFrom, data.reviewPointId, data.irpId),
  },
});

const EMPTY: SchoolProgress = Object.freeze({ reviewPoints: {}, targets: {}, reviewsAt: {}, observations: {}, qaForms: {}, plansFrom: {} });

/** A school's progress: its trainees' partitions merged (undefined when nothing is known of the school). */
export const schoolProgressOf = (partitions: ReadonlyMap<string, SchoolProgress>, schoolId: string): SchoolProgress | undefined => {
  const prefix = schoolKeyPrefix(schoolId);
  let merged: { -readonly [K in keyof SchoolProgress]: Record<string, unknown> } | undefined;
  for (const [key, part] of partitions) {
    if (!key.startsWith(prefix)) continue;
    merged ??= { reviewPoints: {}, targets: {}, reviewsAt: {}, observations: {}, qaForms: {}, plansFrom: {} };
    for (const field of Object.keys(EMPTY) as (keyof SchoolProgress)[]) Object.assign(merged[field], part[field]);
  }
  return merged as SchoolProgress | undefined;
};

const compareDue = (a: SchoolReviewPoint, b: SchoolReviewPoint) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.reviewPointId < b.reviewPointId ? -1 : 1);

/**
 * The joint observations that count for each review point: those naming it, and those naming none, which
 * count for the placement's next review point held (or due) on or after the observation (or none, when there is none).
 */
export const observationsByReviewPoint = (state: SchoolProgress): ReadonlyMap<string, readonly SchoolObservation[]> => {
  const byPlacement = new Map<string, SchoolReviewPoint[]>();
  for (const r of Object.values(state.reviewPoints)) {
    if (!r.missed) byPlacement.set(r.placementId, [...(byPlacement.get(r.placementId) ?? []), r]);
  }
  for (const list of byPlacement.values()) list.sort(compareDue);
  const result = new Map<string, SchoolObservation[]>();
  for (const o of Object.values(state.observations)) {
    if (o.withdrawn) continue;
    const named = o.reviewPointId !== undefined && state.reviewPoints[o.reviewPointId] !== undefined ? o.reviewPointId : undefined;
    const id = named ?? byPlacement.get(o.placementId)?.find((r) => (r.heldOn ?? r.dueDate) >= o.date)?.reviewPointId;
    if (id !== undefined) result.set(id, [...(result.get(id) ?? []), o]);
  }
  return result;
};
