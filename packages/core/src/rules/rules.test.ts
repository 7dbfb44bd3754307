import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuleBook, standardRuleBook } from './ruleBook.js';
import { sourcedValues } from './sourcedValues.js';
import { standardRuleSets } from './standardRuleSets.js';

// CI runs with ../shared beside the clone: the rules are checked against the very reference they cite.
const reference = readFileSync(new URL('../../../../../shared/domain.md', import.meta.url), 'utf8');

/** The table row whose first cell is `rule`, or the section whose heading is `rule`. */
const passage = (rule: string): string | undefined => {
  const row = reference.split('\n').find((line) => line.startsWith(`| ${rule} |`));
  if (row) return row;
  const start = reference.indexOf(`## ${rule}\n`);
  if (start < 0) return undefined;
  const end = reference.indexOf('\n## ', start + 1);
  return reference.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
};

describe('standard rule sets', () => {
  const cases = standardRuleSets.flatMap((ruleSet) =>
    sourcedValues(ruleSet).map(({ path, sourced }) => ({ name: `${ruleSet.academicYear} from ${ruleSet.validFrom}: ${path}`, sourced })),
  );

  it.each(cases)('$name quotes domain.md', ({ sourced }) => {
    const text = passage(sourced.rule);
    expect(text, `no row or section "${sourced.rule}" in domain.md`).toBeDefined();
    expect(text).toContain(sourced.quote);
    // A row whose source cell is "same" cites the row above it.
    const cited = !sourced.assumed && text!.startsWith('| ') && !text!.endsWith('| same |');
    if (cited) expect(text).toContain(sourced.source.split(';')[0]!.trim());
  });

  it('matches the worked examples of seed 003 and domain.md', () => {
    const rules = standardRuleBook.ruleSetFor('2024/25');
    expect(20 * rules.funding.hourlyRatePence.rest_of_england.value).toBe(87_600);
    expect(10 * rules.funding.hourlyRatePence.rest_of_england.value).toBe(43_800);
    const next = standardRuleBook.ruleSetFor('2025/26');
    expect(next.funding.initialHoursCap.value * next.funding.hourlyRatePence.rest_of_england.value).toBe(70_080);
  });
});

describe('rule book', () => {
  it('gives the rule set in force on a date: the minimums end on 13 Nov 2024', () => {
    expect(standardRuleBook.ruleSetFor('2024/25', '2024-11-12').mentorTraining.initialMinimumHours.value).toBe(20);
    expect(standardRuleBook.ruleSetFor('2024/25', '2024-11-13').mentorTraining.initialMinimumHours.value).toBeNull();
    expect(standardRuleBook.ruleSetFor('2024/25', '2024-04-06').validFrom).toBe('2024-09-01');
    expect(standardRuleBook.ruleSetFor('2024/25').validFrom).toBe('2024-11-13');
    expect(standardRuleBook.academicYears).toEqual(['2024/25', '2025/26']);
  });

  it('refuses a year it has no rules for, naming the field', () => {
    expect(() => standardRuleBook.ruleSetFor('2019/20')).toThrow(expect.objectContaining({ field: 'academicYear' }));
  });

  it('lets a provider add a year or replace a rule set of the same start date', () => {
    const base = standardRuleBook.ruleSetFor('2025/26');
    const book = createRuleBook([...standardRuleSets, { ...base, academicYear: '2026/27', validFrom: '2026-09-01' }]);
    expect(book.academicYears).toEqual(['2024/25', '2025/26', '2026/27']);
    const replaced = createRuleBook([...standardRuleSets, { ...base, mentoring: { ...base.mentoring, shortWeeksInARowForAction: { ...base.mentoring.shortWeeksInARowForAction, value: 3 } } }]);
    expect(replaced.ruleSetFor('2025/26').mentoring.shortWeeksInARowForAction.value).toBe(3);
    expect(Object.isFrozen(replaced.ruleSetFor('2025/26').funding.hourlyRatePence)).toBe(true);
  });
});
