import type { AcademicYear } from '../calendar/academicYear.js';
import { academicYearEnd } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { deepFreeze } from '../kernel/freeze.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import type { RuleSet } from './ruleSet.js';
import { standardRuleSets } from './standardRuleSets.js';

export interface RuleBook {
  readonly ruleSets: readonly RuleSet[];
  readonly academicYears: readonly AcademicYear[];
  /** The year's rule set in force on `on` (default: the year's last one). Throws when the year has none. */
  ruleSetFor(academicYear: AcademicYear, on?: LocalDate): RuleSet;
}

/** A frozen book of rule sets; a later rule set of the same year and start date replaces an earlier one. */
export const createRuleBook = (ruleSets: readonly RuleSet[] = standardRuleSets): RuleBook => {
  const byYear = new Map<AcademicYear, RuleSet[]>();
  for (const ruleSet of ruleSets) {
    const year = (byYear.get(ruleSet.academicYear) ?? []).filter((other) => other.validFrom !== ruleSet.validFrom);
    byYear.set(ruleSet.academicYear, [...year, ruleSet].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)));
  }
  const all = deepFreeze([...byYear.values()].flat());
  const academicYears = deepFreeze([...byYear.keys()].sort());
  return {
    ruleSets: all,
    academicYears,
    ruleSetFor: (academicYear, on = academicYearEnd(academicYear)) => {
      const year = byYear.get(academicYear);
      if (!year) {
        throw new InvalidArgumentError('academicYear', `no rule set for ${academicYear}; known years: ${academicYears.join(', ')}`);
      }
      // Before the first rule set's start the first one applies: a year's rules are known before its first day.
      return year.findLast((ruleSet) => ruleSet.validFrom <= on) ?? year[0]!;
    },
  };
};

export const standardRuleBook: RuleBook = createRuleBook();
