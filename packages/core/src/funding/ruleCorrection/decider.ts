import { isDeepStrictEqual } from 'node:util';
import { match } from 'ts-pattern';
import { academicYearEnd, academicYearStart, type AcademicYear } from '../../calendar/academicYear.js';
import { isLocalDate } from '../../calendar/localDate.js';
import { evolveWith, type Decider } from '../../kernel/decider.js';
import { CommandRejectedError } from '../../kernel/errors.js';
import type { RuleBook } from '../../rules/ruleBook.js';
import { standardRuleBook } from '../../rules/ruleBook.js';
import { correctedRuleBook, ruleValueKind, sourcedAt, type RuleCorrection } from '../effectiveRules.js';
import { requireText } from '../validation.js';
import type { RuleCorrectionCommand } from './commands.js';
import { ruleValueSchema, type RuleCorrectionEvent } from './events.js';
import { ruleCorrectionCommandSchema } from './commandSchema.js';

/** One year's corrections, oldest first. */
export interface RuleCorrectionsState {
  readonly academicYear?: AcademicYear;
  readonly corrections: readonly RuleCorrection[];
}

const reject = (reason: string, message: string, field: string): never => {
  throw new CommandRejectedError(`ruleCorrection.${reason}`, message, field);
};

/**
 * A value keeps its kind; a value the book itself sets to none somewhere (a minimum that was removed) may
 * be removed or brought back.
 */
const compatible = (ruleBook: RuleBook, path: string, current: unknown, next: unknown): boolean => {
  const [a, b] = [ruleValueKind(current), ruleValueKind(next)];
  if (a === b) return a !== 'other';
  const nullable = ruleBook.ruleSets.some((ruleSet) => sourcedAt(ruleSet, path)?.value === null);
  return nullable && ((a === 'null' && b === 'number') || (a === 'number' && b === 'null'));
};

/** Corrections of a rule book's values, one stream per academic year (`ruleCorrectionsStreamId`). */
export const createRuleCorrectionDecider = (
  ruleBook: RuleBook = standardRuleBook,
): Decider<RuleCorrectionCommand, RuleCorrectionEvent, RuleCorrectionsState> => ({
  initialState: { corrections: [] },
  commandSchema: ruleCorrectionCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'CorrectRuleValue' }, (c): RuleCorrectionEvent[] => {
        if (!ruleBook.academicYears.includes(c.academicYear)) {
          reject('unknown-year', `no rule set for ${String(c.academicYear)}; known: ${ruleBook.academicYears.join(', ')}`, 'academicYear');
        }
        if (state.academicYear !== undefined && state.academicYear !== c.academicYear) {
          reject('wrong-year', `these are the corrections of ${state.academicYear}`, 'academicYear');
        }
        const end = academicYearEnd(c.academicYear);
        if (c.validFrom !== undefined && (!isLocalDate(c.validFrom) || c.validFrom < academicYearStart(c.academicYear) || c.validFrom > end)) {
          reject('valid-from-invalid', `validFrom: expected a date of ${c.academicYear}, got ${String(c.validFrom)}`, 'validFrom');
        }
        const reason = requireText(c.reason, 'reason');
        const source = requireText(c.source, 'source', 500);
        const current = typeof c.path === 'string' ? sourcedAt(correctedRuleBook(ruleBook, state.corrections).ruleSetFor(c.academicYear, c.validFrom ?? end), c.path) : undefined;
        if (current === undefined) return reject('unknown-path', `no rule value at ${String(c.path)}`, 'path');
        const parsed = ruleValueSchema.safeParse(c.value);
        if (!parsed.success || !compatible(ruleBook, c.path, current.value, parsed.data) || (ruleValueKind(parsed.data) === 'range' && !rangeInOrder(parsed.data))) {
          return reject('value-invalid', `value: expected a value of the kind of ${JSON.stringify(current.value)}, got ${JSON.stringify(c.value)}`, 'value');
        }
        if (isDeepStrictEqual(current.value, parsed.data)) return [];
        const data = { academicYear: c.academicYear, path: c.path, value: parsed.data, previousValue: current.value as typeof parsed.data, reason, source };
        return [{ type: 'RuleValueCorrected', data: c.validFrom === undefined ? data : { ...data, validFrom: c.validFrom } }];
      })
      .exhaustive(),
  evolve: evolveWith<RuleCorrectionEvent, RuleCorrectionsState>({
    RuleValueCorrected: (state, { data }) => ({ academicYear: data.academicYear, corrections: [...state.corrections, data] }),
  }),
});

const rangeInOrder = (value: unknown): boolean => {
  const range = value as { from: string; to: string };
  return range.from <= range.to;
};
