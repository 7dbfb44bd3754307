import type { LocalDate } from '../calendar/localDate.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import type { TargetVerdict } from './events.js';

export interface SetTarget {
  readonly type: 'SetTarget';
  readonly targetId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly description: string;
  readonly area: string;
  readonly setOn: LocalDate;
  readonly dueDate: LocalDate;
  readonly setBy: string;
  /** The review point it is set at, as its stream stands (see `targetService`). */
  readonly reviewPoint?: ReviewPointFacts;
}

export interface ReviewTarget {
  readonly type: 'ReviewTarget';
  readonly reviewedOn: LocalDate;
  readonly reviewedBy: string;
  readonly verdict: TargetVerdict;
  readonly nextDueDate?: LocalDate;
  readonly comment?: string;
  readonly reviewPoint?: ReviewPointFacts;
}

export interface WithdrawTarget {
  readonly type: 'WithdrawTarget';
  readonly withdrawnOn: LocalDate;
  readonly reason: string;
}

export type TargetCommand = SetTarget | ReviewTarget | WithdrawTarget;
