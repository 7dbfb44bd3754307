import type { LocalDate } from '../calendar/localDate.js';
import type { ClosingOutcome, Escalation, IrpEvent, SupportAction } from '../irp/events.js';
import type { ReviewSchedule } from '../irp/schedule.js';
import { settles, type TargetSpec, type TargetVerdict } from '../target/events.js';
import { changeRecord, putRecord, type Records } from './records.js';

export interface VerdictRecord {
  readonly reviewedOn: LocalDate;
  readonly verdict: TargetVerdict;
  readonly nextDueDate?: LocalDate;
  readonly reviewPointId?: string;
}

export interface PlanTargetRecord extends TargetSpec {
  readonly addedOn: LocalDate;
  readonly reviews: readonly VerdictRecord[];
  readonly status: 'open' | 'met' | 'not_met';
}

/** One Individual Recovery Plan as the read models keep it: everything that happened to it, never cut. */
export interface PlanRecord {
  readonly irpId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly openedOn: LocalDate;
  readonly leadMentorId: string;
  readonly agreedWith: string;
  readonly ownerId: string;
  readonly reviewPointId?: string | undefined;
  readonly concerns: readonly string[];
  readonly supportActions: readonly SupportAction[];
  readonly targets: readonly PlanTargetRecord[];
  readonly reviews: readonly { readonly reviewedOn: LocalDate; readonly reviewedBy: string }[];
  readonly schedule: ReviewSchedule;
  readonly extensions: readonly { readonly extendedOn: LocalDate; readonly reason: string }[];
  readonly status: 'open' | ClosingOutcome;
  readonly closedOn?: LocalDate;
  readonly escalatedTo?: Escalation;
}

export type Plans = Records<PlanRecord>;

type Data<T extends IrpEvent['type']> = Extract<IrpEvent, { readonly type: T }>['data'];

const targetStatus = (verdict: TargetVerdict): PlanTargetRecord['status'] => (settles(verdict) ? (verdict === 'met' ? 'met' : 'not_met') : 'open');


/**
 * How each IRP event changes a trainee's plans (in place: see `records.ts`), returning `owner`, the state
 * that holds them; shared by the timeline and the register.
 */
export const planChanges = {
  opened: <S>(owner: S, plans: Plans, data: Data<'IndividualRecoveryPlanOpened'>): S => {
    const { reviewDates, targets, ...plan } = data;
    const record: PlanRecord = {
      ...plan,
      targets: targets.map((spec) => ({ ...spec, addedOn: data.openedOn, reviews: [], status: 'open' })),
      reviews: [],
      schedule: { reviewDates, reviewsInPeriod: 0 },
      extensions: [],
      status: 'open',
    };
    return putRecord(owner, plans, data.irpId, record);
  },
  reviewed: <S>(owner: S, plans: Plans, data: Data<'IndividualRecoveryPlanReviewed'>): S =>
    changeRecord(owner, plans, data.irpId, (plan) => {
      const verdicts = new Map(data.targetReviews.map((review) => [review.targetId, review]));
      const targets = plan.targets.map((target): PlanTargetRecord => {
        const review = verdicts.get(target.targetId);
        if (review === undefined) return target;
        const verdict: VerdictRecord = { reviewedOn: data.reviewedOn, verdict: review.verdict, ...(review.nextDueDate === undefined ? {} : { nextDueDate: review.nextDueDate }) };
        return { ...target, dueDate: review.nextDueDate ?? target.dueDate, reviews: [...target.reviews, verdict], status: targetStatus(review.verdict) };
      });
      const added = data.targetsAdded.map((spec): PlanTargetRecord => ({ ...spec, addedOn: data.reviewedOn, reviews: [], status: 'open' }));
      const next = data.nextReviewOn === undefined ? {} : { nextReviewOn: data.nextReviewOn };
      return {
        ...plan,
        targets: [...targets, ...added],
        reviews: [...plan.reviews, { reviewedOn: data.reviewedOn, reviewedBy: data.reviewedBy }],
        schedule: { reviewDates: plan.schedule.reviewDates, reviewsInPeriod: plan.schedule.reviewsInPeriod + 1, ...next },
      };
    }),
  extended: <S>(owner: S, plans: Plans, data: Data<'IndividualRecoveryPlanExtended'>): S =>
    changeRecord(owner, plans, data.irpId, (plan) => ({
      ...plan,
      schedule: { reviewDates: data.reviewDates, reviewsInPeriod: 0 },
      extensions: [...plan.extensions, { extendedOn: data.extendedOn, reason: data.reason }],
    })),
  closed: <S>(owner: S, plans: Plans, data: Data<'IndividualRecoveryPlanClosed'>): S =>
    changeRecord(owner, plans, data.irpId, (plan) => ({
      ...plan,
      status: data.outcome,
      closedOn: data.closedOn,
      ...(data.escalatedTo === undefined ? {} : { escalatedTo: data.escalatedTo }),
    })),
};
