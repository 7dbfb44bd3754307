import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { MissedReason, ReviewOutcome } from './events.js';
import type { ReviewPolicy } from './policy.js';

export interface ScheduleReviewPoint {
  readonly type: 'ScheduleReviewPoint';
  readonly reviewPointId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly stage: string;
  readonly dueDate: LocalDate;
  readonly mentorId: string;
  readonly leadMentorId?: string;
  /** The provider's stages and where its lead mentor must join. */
  readonly policy: ReviewPolicy;
}

export interface RescheduleReviewPoint {
  readonly type: 'RescheduleReviewPoint';
  readonly dueDate: LocalDate;
  readonly reason: string;
}

export interface HoldReviewPoint {
  readonly type: 'HoldReviewPoint';
  readonly heldOn: LocalDate;
  /** The school-based mentor who held it. */
  readonly heldBy: string;
  /** The lead mentor, when they joined. */
  readonly leadMentorId?: string;
  readonly outcome: ReviewOutcome;
  readonly areasOfConcern: readonly string[];
}

export interface CorrectReviewPointOutcome {
  readonly type: 'CorrectReviewPointOutcome';
  readonly outcome: ReviewOutcome;
  readonly areasOfConcern: readonly string[];
  readonly reason: string;
}

export interface RecordReviewPointMissed {
  readonly type: 'RecordReviewPointMissed';
  readonly recordedOn: LocalDate;
  readonly reason: MissedReason;
}

export type ReviewPointCommand = ScheduleReviewPoint | RescheduleReviewPoint | HoldReviewPoint | CorrectReviewPointOutcome | RecordReviewPointMissed;
