import { academicYearOf, isAcademicYear, isLocalDate, localDateOf, standardRuleBook, type AcademicYear, type LocalDate, type RuleBook } from '@itt-ledger/core';
import type { OptionSpecs } from '../args.js';
import { UsageError } from '../io.js';
import type { ReportContext } from '../report.js';

/**
 * The rules the reports judge by: the rule book the provider's services ran with. The binary uses the
 * library's standard book; a provider with its own (`createRuleBook`) builds its reports with it.
 */
export interface ReportRules {
  readonly ruleBook: RuleBook;
}
export const STANDARD_RULES: ReportRules = { ruleBook: standardRuleBook };

/** Options several reports share; each report declares the ones it takes. */
export const TODAY_OPTION: OptionSpecs = {
  today: { type: 'string', valueName: 'DATE', description: 'the day "this week" and "overdue" are judged on (default: the --as-of day, else --known-at, else today)' },
};
export const PROVIDER_OPTION: OptionSpecs = { provider: { type: 'string', valueName: 'ID', description: 'only this accredited provider' } };
export const SCHOOL_OPTION: OptionSpecs = { school: { type: 'string', valueName: 'ID', description: 'only this school' } };
export const YEAR_OPTION: OptionSpecs = {
  'academic-year': { type: 'string', valueName: 'YYYY/YY', description: 'the academic year, e.g. 2024/25 (default: the year of --today)' },
};

export const stringOption = (context: ReportContext, name: string): string | undefined => context.options[name] as string | undefined;

/**
 * The day a report judges "this week", "overdue" and the rules in force on: `--today`, else the day of
 * `--as-of` (what had happened by then), else of `--known-at`, else the CLI clock's day. Dates are UTC days,
 * as the domain's `endOfDay` and the CLI's date-only clocks are.
 */
export const todayOf = (context: ReportContext): LocalDate => {
  const given = stringOption(context, 'today');
  if (given !== undefined) {
    const text: string = given;
    if (!isLocalDate(given)) throw new UsageError(`--today: expected a date as YYYY-MM-DD, got '${text}'`);
    return given;
  }
  return localDateOf(context.asOf.occurredAt ?? context.asOf.recordedAt ?? context.clock.now());
};

export const academicYearOption = (context: ReportContext, today: LocalDate): AcademicYear => {
  const given = stringOption(context, 'academic-year');
  if (given === undefined) return academicYearOf(today);
  // The guard narrows `given`; the message needs it as given.
  const text: string = given;
  if (!isAcademicYear(given)) throw new UsageError(`--academic-year: expected an academic year such as 2024/25, got '${text}'`);
  return given;
};

/** `trainee_absence` → `trainee absence`: the domain's enum values as words. */
export const words = (value: string): string => value.replaceAll('_', ' ');
