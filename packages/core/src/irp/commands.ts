import type { LocalDate } from '../calendar/localDate.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import type { TargetReview, TargetSpec } from '../target/events.js';
import type { ClosingOutcome, Escalation, SupportAction } from './events.js';

export interface OpenIndividualRecoveryPlan {
  readonly type: 'OpenIndividualRecoveryPlan';
  readonly irpId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly openedOn: LocalDate;
  readonly leadMentorId: string;
  /** The member of the provider's ITT leadership team the lead mentor agreed the plan with. */
  readonly agreedWith: string;
  readonly ownerId: string;
  readonly concerns: readonly string[];
  readonly targets: readonly TargetSpec[];
  readonly supportActions: readonly SupportAction[];
  /** Defaults to one review, the rule set's `firstReviewAfterDays` after opening. */
  readonly reviewDates?: readonly LocalDate[];
  /** The review point that found the trainee not on track, as its stream stands (see `irpService`). */
  readonly reviewPoint?: ReviewPointFacts;
}

export interface ReviewIndividualRecoveryPlan {
  readonly type: 'ReviewIndividualRecoveryPlan';
  readonly irpId: string;
  readonly reviewedOn: LocalDate;
  readonly reviewedBy: string;
  readonly targetReviews: readonly TargetReview[];
  readonly targetsAdded?: readonly TargetSpec[];
  readonly nextReviewOn?: LocalDate;
}

export interface ExtendIndividualRecoveryPlan {
  readonly type: 'ExtendIndividualRecoveryPlan';
  readonly irpId: string;
  readonly extendedOn: LocalDate;
  readonly reviewDates: readonly LocalDate[];
  readonly reason: string;
}

export interface CloseIndividualRecoveryPlan {
  readonly type: 'CloseIndividualRecoveryPlan';
  readonly irpId: string;
  readonly closedOn: LocalDate;
  readonly closedBy: string;
  readonly outcome: ClosingOutcome;
  readonly escalatedTo?: Escalation;
}

export type IrpCommand = OpenIndividualRecoveryPlan | ReviewIndividualRecoveryPlan | ExtendIndividualRecoveryPlan | CloseIndividualRecoveryPlan;
