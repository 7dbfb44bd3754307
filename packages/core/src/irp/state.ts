import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith } from '../kernel/decider.js';
import { settles, type TargetSpec, type TargetVerdict } from '../target/events.js';
import type { ClosingOutcome, Escalation, IrpEvent } from './events.js';
import type { ReviewSchedule } from './schedule.js';

export interface IrpTarget {
  readonly spec: TargetSpec;
  readonly reviews: number;
  readonly lastVerdict?: TargetVerdict;
  /** Not yet judged met or not met. */
  readonly open: boolean;
}

export interface IrpPlan {
  readonly irpId: string;
  readonly openedOn: LocalDate;
  readonly status: 'open' | ClosingOutcome;
  readonly targets: ReadonlyMap<string, IrpTarget>;
  readonly reviews: number;
  readonly schedule: ReviewSchedule;
  /** The latest date anything happened to the plan (opening, a review, an extension, closing). */
  readonly lastActivityOn: LocalDate;
  readonly extensions: number;
  readonly closedOn?: LocalDate;
  readonly escalatedTo?: Escalation;
}

/** All of one trainee's plans, kept whole after they close: an escalation keeps the full record. */
export interface IrpState {
  readonly traineeId?: string;
  readonly plans: ReadonlyMap<string, IrpPlan>;
  readonly openIrpId?: string;
  readonly lastClosedOn?: LocalDate;
  /** A plan escalated to withdrawal ends the trainee's programme with this provider. */
  readonly withdrawn: boolean;
}

export const initialIrpState: IrpState = { plans: new Map(), withdrawn: false };

const withPlan = (state: IrpState, irpId: string, change: (plan: IrpPlan) => IrpPlan): IrpState => {
  const plan = state.plans.get(irpId);
  return plan === undefined ? state : { ...state, plans: new Map(state.plans).set(irpId, change(plan)) };
};

const newTarget = (spec: TargetSpec): IrpTarget => ({ spec, reviews: 0, open: true });

export const evolveIrp = evolveWith<IrpEvent, IrpState>({
  IndividualRecoveryPlanOpened: (state, { data }) => {
    const plan: IrpPlan = {
      irpId: data.irpId,
      openedOn: data.openedOn,
      status: 'open',
      targets: new Map(data.targets.map((spec) => [spec.targetId, newTarget(spec)])),
      reviews: 0,
      schedule: { reviewDates: data.reviewDates, reviewsInPeriod: 0 },
      lastActivityOn: data.openedOn,
      extensions: 0,
    };
    return { ...state, traineeId: data.traineeId, plans: new Map(state.plans).set(data.irpId, plan), openIrpId: data.irpId };
  },
  IndividualRecoveryPlanReviewed: (state, { data }) =>
    withPlan(state, data.irpId, (plan) => {
      const targets = new Map(plan.targets);
      for (const review of data.targetReviews) {
        const target = targets.get(review.targetId);
        if (target) targets.set(review.targetId, { ...target, reviews: target.reviews + 1, lastVerdict: review.verdict, open: !settles(review.verdict) });
      }
      for (const spec of data.targetsAdded) targets.set(spec.targetId, newTarget(spec));
      const { reviewDates, reviewsInPeriod } = plan.schedule;
      const next = data.nextReviewOn === undefined ? {} : { nextReviewOn: data.nextReviewOn };
      return { ...plan, targets, reviews: plan.reviews + 1, lastActivityOn: data.reviewedOn, schedule: { reviewDates, reviewsInPeriod: reviewsInPeriod + 1, ...next } };
    }),
  IndividualRecoveryPlanExtended: (state, { data }) =>
    withPlan(state, data.irpId, (plan) => ({
      ...plan,
      schedule: { reviewDates: data.reviewDates, reviewsInPeriod: 0 },
      lastActivityOn: data.extendedOn,
      extensions: plan.extensions + 1,
    })),
  IndividualRecoveryPlanClosed: (state, { data }) => {
    const escalatedTo = data.escalatedTo === undefined ? {} : { escalatedTo: data.escalatedTo };
    const closed = withPlan(state, data.irpId, (plan) => ({ ...plan, status: data.outcome, closedOn: data.closedOn, lastActivityOn: data.closedOn, ...escalatedTo }));
    const { openIrpId: _closed, ...rest } = closed;
    return { ...rest, lastClosedOn: data.closedOn, withdrawn: state.withdrawn || data.escalatedTo === 'withdrawal' };
  },
});
