import type { LocalDate } from '../calendar/localDate.js';
import { nextReviewDue, reviewOverdue } from '../irp/schedule.js';
import { revealOr } from '../kernel/personalData.js';
import { REPORTS, type ReportKind } from './audience.js';
import type { PlanRecord } from './planRecords.js';
import type { ObservationRecord, ReviewPointRecord, TargetRecord, TraineeProgress } from './traineeProgress.js';

export type TimelineReviewPointStatus = 'scheduled' | 'overdue' | 'held' | 'held_late' | 'missed';
export type TimelineTargetStatus = TargetRecord['status'] | 'overdue';

export type TimelineEntry =
  | { readonly kind: 'review_point'; readonly date: LocalDate; readonly status: TimelineReviewPointStatus; readonly reviewPoint: ReviewPointRecord }
  | { readonly kind: 'target'; readonly date: LocalDate; readonly status: TimelineTargetStatus; readonly target: TargetRecord }
  | { readonly kind: 'joint_observation'; readonly date: LocalDate; readonly observation: Omit<ObservationRecord, 'feedbackForTrainee'> & { readonly feedbackForTrainee: string } }
  | { readonly kind: 'irp'; readonly date: LocalDate; readonly nextReviewDue?: LocalDate; readonly reviewOverdue: boolean; readonly plan: PlanRecord };

/** A trainee's progress as dated entries, oldest first; "overdue" is judged against `today`. */
export interface TraineeTimeline {
  readonly report: ReportKind;
  readonly traineeId: string;
  readonly today: LocalDate;
  readonly entries: readonly TimelineEntry[];
}

export const ERASED_TEXT = '[erased]';

export const reviewPointStatus = (r: ReviewPointRecord, today: LocalDate): TimelineReviewPointStatus => {
  if (r.heldOn !== undefined) return r.heldOn <= r.dueDate ? 'held' : 'held_late';
  if (r.missed !== undefined) return 'missed';
  return r.dueDate < today ? 'overdue' : 'scheduled';
};

const targetStatus = (t: TargetRecord, today: LocalDate): TimelineTargetStatus => (t.status === 'open' && t.dueDate < today ? 'overdue' : t.status);

const KIND_ORDER = { review_point: 0, target: 1, joint_observation: 2, irp: 3 } as const;
const idOf = (entry: TimelineEntry): string =>
  entry.kind === 'review_point' ? entry.reviewPoint.reviewPointId : entry.kind === 'target' ? entry.target.targetId : entry.kind === 'irp' ? entry.plan.irpId : entry.observation.observationId;

const byDate = (a: TimelineEntry, b: TimelineEntry): number =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind !== b.kind ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0;

/** The timeline of one trainee's progress record (an empty one when nothing is known yet). */
export const traineeTimeline = (progress: TraineeProgress | undefined, traineeId: string, today: LocalDate): TraineeTimeline => {
  const entries: TimelineEntry[] = [];
  if (progress !== undefined) {
    for (const r of Object.values(progress.reviewPoints)) {
      entries.push({ kind: 'review_point', date: r.heldOn ?? r.missed?.recordedOn ?? r.dueDate, status: reviewPointStatus(r, today), reviewPoint: r });
    }
    for (const t of Object.values(progress.targets)) entries.push({ kind: 'target', date: t.setOn, status: targetStatus(t, today), target: t });
    for (const o of Object.values(progress.observations)) {
      if (!o.withdrawn) entries.push({ kind: 'joint_observation', date: o.date, observation: { ...o, feedbackForTrainee: revealOr(o.feedbackForTrainee, ERASED_TEXT) } });
    }
    for (const plan of Object.values(progress.plans)) {
      const open = plan.status === 'open';
      const due = open ? nextReviewDue(plan.schedule) : undefined;
      entries.push({ kind: 'irp', date: plan.openedOn, ...(due === undefined ? {} : { nextReviewDue: due }), reviewOverdue: open && reviewOverdue(plan.schedule, today), plan });
    }
  }
  return { report: REPORTS.traineeTimeline, traineeId, today, entries: entries.sort(byDate) };
};
