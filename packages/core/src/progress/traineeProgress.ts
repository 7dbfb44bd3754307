import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Erased } from '../kernel/personalData.js';
import { definePartitionedProjection } from '../kernel/projection.js';
import type { MissedReason, ReviewOutcome } from '../reviewPoint/events.js';
import { settles } from '../target/events.js';
import type { ProgressEventOf } from './events.js';
import { planChanges, type Plans, type VerdictRecord } from './planRecords.js';
import { changeRecord, noRecords, putRecord } from './records.js';

export interface ReviewPointRecord {
  readonly reviewPointId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly academicYear: AcademicYear;
  readonly stage: string;
  readonly dueDate: LocalDate;
  readonly leadMentorRequired: boolean;
  readonly reschedules: number;
  readonly heldOn?: LocalDate;
  readonly leadMentorJoined?: boolean;
  readonly outcome?: ReviewOutcome;
  readonly areasOfConcern: readonly string[];
  readonly corrections: number;
  readonly missed?: { readonly recordedOn: LocalDate; readonly reason: MissedReason };
}

export interface TargetRecord {
  readonly targetId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly description: string;
  readonly area: string;
  readonly setOn: LocalDate;
  readonly dueDate: LocalDate;
  readonly reviewPointId?: string | undefined;
  readonly reviews: readonly VerdictRecord[];
  readonly status: 'open' | 'met' | 'not_met' | 'withdrawn';
}

export interface ObservationRecord {
  readonly observationId: string;
  readonly placementId: string;
  readonly date: LocalDate;
  readonly focus: string;
  readonly leadMentorId: string;
  readonly mentorId: string;
  readonly feedbackForTrainee: string | Erased;
  readonly reviewPointId?: string | undefined;
  readonly withdrawn: boolean;
}

/** One trainee's progress record: what the timeline is drawn from. Welfare notes are not here. */
export interface TraineeProgress {
  readonly reviewPoints: Readonly<Record<string, ReviewPointRecord>>;
  readonly targets: Readonly<Record<string, TargetRecord>>;
  readonly observations: Readonly<Record<string, ObservationRecord>>;
  readonly plans: Plans;
}

type Handled =
  | 'ReviewPointScheduled' | 'ReviewPointRescheduled' | 'ReviewPointHeld' | 'ReviewPointOutcomeCorrected' | 'ReviewPointMissed'
  | 'TargetSet' | 'TargetReviewed' | 'TargetWithdrawn'
  | 'JointObservationRecorded' | 'JointObservationWithdrawn'
  | 'IndividualRecoveryPlanOpened' | 'IndividualRecoveryPlanReviewed' | 'IndividualRecoveryPlanExtended' | 'IndividualRecoveryPlanClosed';
export type TraineeProgressEvent = ProgressEventOf<Handled>;

const rp = (state: TraineeProgress, id: string, change: (record: ReviewPointRecord) => ReviewPointRecord): TraineeProgress => changeRecord(state, state.reviewPoints, id, change);
const target = (state: TraineeProgress, id: string, change: (record: TargetRecord) => TargetRecord): TraineeProgress => changeRecord(state, state.targets, id, change);

/** Each trainee's review points, targets and their fate, joint observations and recovery plans. */
export const traineeProgress = definePartitionedProjection<TraineeProgressEvent, TraineeProgress>({
  name: 'trainee-progress',
  partitionBy: (event: StoredEvent<TraineeProgressEvent>) => event.data.traineeId,
  initialState: () => ({ reviewPoints: noRecords(), targets: noRecords(), observations: noRecords(), plans: noRecords() }),
  handlers: {
    ReviewPointScheduled: (state, { data }) =>
      putRecord(state, state.reviewPoints, data.reviewPointId, {
        reviewPointId: data.reviewPointId,
        placementId: data.placementId,
        schoolId: data.schoolId,
        academicYear: data.academicYear,
        stage: data.stage,
        dueDate: data.dueDate,
        leadMentorRequired: data.leadMentorRequired,
        reschedules: 0,
        areasOfConcern: [],
        corrections: 0,
      }),
    ReviewPointRescheduled: (state, { data }) => rp(state, data.reviewPointId, (r) => ({ ...r, dueDate: data.dueDate, reschedules: r.reschedules + 1 })),
    ReviewPointHeld: (state, { data }) =>
      rp(state, data.reviewPointId, (r) => ({ ...r, heldOn: data.heldOn, leadMentorJoined: data.leadMentorId !== undefined, outcome: data.outcome, areasOfConcern: data.areasOfConcern })),
    ReviewPointOutcomeCorrected: (state, { data }) =>
      rp(state, data.reviewPointId, (r) => ({ ...r, outcome: data.outcome, areasOfConcern: data.areasOfConcern, corrections: r.corrections + 1 })),
    ReviewPointMissed: (state, { data }) => rp(state, data.reviewPointId, (r) => ({ ...r, missed: { recordedOn: data.recordedOn, reason: data.reason } })),
    TargetSet: (state, { data }) =>
      putRecord(state, state.targets, data.targetId, {
        targetId: data.targetId,
        placementId: data.placementId,
        schoolId: data.schoolId,
        description: data.description,
        area: data.area,
        setOn: data.setOn,
        dueDate: data.dueDate,
        reviewPointId: data.reviewPointId,
        reviews: [],
        status: 'open',
      }),
    TargetReviewed: (state, { data }) =>
      target(state, data.targetId, (t) => {
        const verdict: VerdictRecord = {
          reviewedOn: data.reviewedOn,
          verdict: data.verdict,
          ...(data.nextDueDate === undefined ? {} : { nextDueDate: data.nextDueDate }),
          ...(data.reviewPointId === undefined ? {} : { reviewPointId: data.reviewPointId }),
        };
        const status = settles(data.verdict) ? (data.verdict === 'met' ? 'met' : 'not_met') : 'open';
        return { ...t, dueDate: data.nextDueDate ?? t.dueDate, reviews: [...t.reviews, verdict], status };
      }),
    TargetWithdrawn: (state, { data }) => target(state, data.targetId, (t) => ({ ...t, status: 'withdrawn' })),
    JointObservationRecorded: (state, { data }) =>
      putRecord(state, state.observations, data.observationId, {
        observationId: data.observationId,
        placementId: data.placementId,
        date: data.date,
        focus: data.focus,
        leadMentorId: data.leadMentorId,
        mentorId: data.mentorId,
        feedbackForTrainee: data.feedbackForTrainee,
        reviewPointId: data.reviewPointId,
        withdrawn: false,
      }),
    JointObservationWithdrawn: (state, { data }) => changeRecord(state, state.observations, data.observationId, (o) => ({ ...o, withdrawn: true })),
    IndividualRecoveryPlanOpened: (state, { data }) => planChanges.opened(state, state.plans, data),
    IndividualRecoveryPlanReviewed: (state, { data }) => planChanges.reviewed(state, state.plans, data),
    IndividualRecoveryPlanExtended: (state, { data }) => planChanges.extended(state, state.plans, data),
    IndividualRecoveryPlanClosed: (state, { data }) => planChanges.closed(state, state.plans, data),
  },
});
