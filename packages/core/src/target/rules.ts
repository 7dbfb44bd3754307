import { academicYearOf } from '../calendar/academicYear.js';
import { daysBetween, type LocalDate } from '../calendar/localDate.js';
import { reject, requireDate, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import type { RuleBook } from '../rules/ruleBook.js';
import { settles, type TargetReview, type TargetSpec } from './events.js';

/** The longest a target may run, in days, by the rule set in force on `on` (seed 004: "Take small steps"). */
export const longestTermDays = (ruleBook: RuleBook, on: LocalDate): number =>
  ruleBook.ruleSetFor(academicYearOf(on), on).reviewPoints.targetLongestTermDays.value;

const checkDue = (dueDate: LocalDate, from: LocalDate, longest: number, prefix: string, field: string, before: string): void => {
  if (dueDate <= from) reject(`${prefix}.${before}`, `${field} ${dueDate} must be after ${from}`, field);
  if (daysBetween(from, dueDate) > longest) {
    reject(`${prefix}.not-short-term`, `${field} ${dueDate} is more than ${longest} days after ${from}: set a shorter-term target`, field);
  }
};

/** A target as set on `setOn`: described, in an area, and due soon after (but not on) the day it is set. */
export const checkTargetSpec = (spec: TargetSpec, setOn: LocalDate, longest: number, prefix: string, field: string): void => {
  requireText(spec.description, `${field}.description`, prefix, LIMITS.description);
  requireText(spec.area, `${field}.area`, prefix, LIMITS.area);
  requireDate(spec.dueDate, `${field}.dueDate`, prefix);
  checkDue(spec.dueDate, setOn, longest, prefix, `${field}.dueDate`, 'due-before-set');
};

/** A verdict on `reviewedOn`: a target that stays open needs a new, short-term due date; a settled one none. */
export const checkTargetReview = (review: Pick<TargetReview, 'verdict' | 'nextDueDate'>, reviewedOn: LocalDate, longest: number, prefix: string, field: string): void => {
  const { verdict, nextDueDate } = review;
  if (settles(verdict)) {
    if (nextDueDate !== undefined) reject(`${prefix}.next-due-date-unexpected`, `a target judged ${verdict} is settled and has no next due date`, `${field}.nextDueDate`);
    return;
  }
  if (nextDueDate === undefined) return reject(`${prefix}.next-due-date-required`, `a target judged ${verdict} stays open and needs a next due date`, `${field}.nextDueDate`);
  requireDate(nextDueDate, `${field}.nextDueDate`, prefix);
  checkDue(nextDueDate, reviewedOn, longest, prefix, `${field}.nextDueDate`, 'next-due-before-review');
};
