import type { LocalDate } from '../calendar/localDate.js';

/** Where a plan stands in its review schedule: the dates of its current period and the reviews since. */
export interface ReviewSchedule {
  /** The review dates of the current period (from opening, or from the latest extension). */
  readonly reviewDates: readonly LocalDate[];
  /** Reviews held since the current period began. */
  readonly reviewsInPeriod: number;
  /** The date the latest review of this period set for the next one, when it set one. */
  readonly nextReviewOn?: LocalDate;
}

/**
 * When the plan's next review is due: the date the latest review set, or else the period's next scheduled
 * date not yet met by a review; undefined when the period's dates are all used up.
 */
export const nextReviewDue = (schedule: ReviewSchedule): LocalDate | undefined =>
  schedule.nextReviewOn ?? schedule.reviewDates[schedule.reviewsInPeriod];

/** A review is overdue when one is due before `today` (a date passed in; the system clock is never read). */
export const reviewOverdue = (schedule: ReviewSchedule, today: LocalDate): boolean => {
  const due = nextReviewDue(schedule);
  return due !== undefined && due < today;
};
