import { academicYearEnd, type AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import { deepFreeze } from '../kernel/freeze.js';
import type { Instant } from '../kernel/instant.js';
import type { RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Sourced } from '../rules/sourced.js';
import type { RuleValue, RuleValueCorrectedData } from './ruleCorrection/events.js';

/** A correction as a fold knows it: the event's data and when the system learnt it. */
export interface RuleCorrection extends RuleValueCorrectedData {
  readonly recordedAt?: Instant;
}

/** A rule value that a correction replaced: the source is the correction's, and why it changed is kept. */
export interface CorrectedSourced<T> extends Sourced<T> {
  readonly correction: {
    readonly previousValue: RuleValue;
    readonly reason: string;
    readonly source: string;
    readonly recordedAt?: Instant;
  };
}

export const isCorrected = <T>(value: Sourced<T>): value is CorrectedSourced<T> => 'correction' in value;

const isSourced = (value: unknown): value is Sourced<unknown> =>
  typeof value === 'object' && value !== null && 'value' in value && 'quote' in value && 'rule' in value;

/** The sourced value at `path` in a rule set, or undefined when the path does not lead to one. */
export const sourcedAt = (ruleSet: RuleSet, path: string): Sourced<unknown> | undefined => {
  let node: unknown = ruleSet;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return isSourced(node) ? node : undefined;
};

const replaceAt = (node: unknown, keys: readonly string[], change: (old: Sourced<unknown>) => Sourced<unknown>): unknown => {
  const [key, ...rest] = keys;
  if (key === undefined) return change(node as Sourced<unknown>);
  const record = node as Record<string, unknown>;
  return { ...record, [key]: replaceAt(record[key], rest, change) };
};

export const correctionApplies = (correction: RuleCorrection, academicYear: AcademicYear, on: LocalDate): boolean =>
  correction.academicYear === academicYear && (correction.validFrom === undefined || correction.validFrom <= on);

/** The rule set with every correction of its year valid on `on` applied, in the order they were recorded. */
export const applyCorrections = (ruleSet: RuleSet, corrections: readonly RuleCorrection[], on: LocalDate = academicYearEnd(ruleSet.academicYear)): RuleSet => {
  let result = ruleSet;
  for (const correction of corrections) {
    if (!correctionApplies(correction, ruleSet.academicYear, on)) continue;
    if (sourcedAt(result, correction.path) === undefined) {
      throw new InvalidArgumentError('path', `no rule value at ${correction.path} in the ${ruleSet.academicYear} rule set`);
    }
    const { previousValue, reason, source, recordedAt } = correction;
    result = replaceAt(result, correction.path.split('.'), (old): CorrectedSourced<unknown> => ({
      ...old,
      value: correction.value,
      source,
      correction: recordedAt === undefined ? { previousValue, reason, source } : { previousValue, reason, source, recordedAt },
    })) as RuleSet;
  }
  return result === ruleSet ? ruleSet : deepFreeze(result);
};

/**
 * The rule book as corrected: each year's rule set with the corrections known so far. Pass the
 * corrections recorded up to an instant to see what the service believed then.
 */
export const correctedRuleBook = (ruleBook: RuleBook, corrections: readonly RuleCorrection[]): RuleBook => {
  if (corrections.length === 0) return ruleBook;
  return {
    ruleSets: ruleBook.ruleSets.map((ruleSet) => applyCorrections(ruleSet, corrections, ruleSet.validFrom)),
    academicYears: ruleBook.academicYears,
    ruleSetFor: (academicYear, on = academicYearEnd(academicYear)) => applyCorrections(ruleBook.ruleSetFor(academicYear, on), corrections, on),
  };
};

/** `number`, `boolean`, `null` or `range`: a correction keeps the kind of value it corrects (a minimum may become null). */
export const ruleValueKind = (value: unknown): 'number' | 'boolean' | 'null' | 'range' | 'other' => {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) return 'range';
  return 'other';
};
