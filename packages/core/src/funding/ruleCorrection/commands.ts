import type { AcademicYear } from '../../calendar/academicYear.js';
import type { LocalDate } from '../../calendar/localDate.js';
import type { RuleValue } from './events.js';

/** Correct one value of a year's rule set, e.g. a rate keyed wrongly. */
export interface CorrectRuleValue {
  readonly type: 'CorrectRuleValue';
  readonly academicYear: AcademicYear;
  /** The value's path in the rule set, e.g. `funding.hourlyRatePence.rest_of_england`. */
  readonly path: string;
  readonly value: RuleValue;
  /** From this date of the year on; absent: the whole year. */
  readonly validFrom?: LocalDate;
  readonly reason: string;
  readonly source: string;
}

export type RuleCorrectionCommand = CorrectRuleValue;
