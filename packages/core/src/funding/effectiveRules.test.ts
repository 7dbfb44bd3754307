import { describe, expect, it } from 'vitest';
import { standardRuleBook } from '../rules/ruleBook.js';
import { applyCorrections, correctedRuleBook, isCorrected, sourcedAt, type RuleCorrection } from './effectiveRules.js';

const cap: RuleCorrection = {
  academicYear: '2024/25',
  path: 'funding.initialHoursCap',
  value: 18,
  previousValue: 20,
  validFrom: '2025-01-01',
  reason: 'illustration',
  source: 'a later letter',
  recordedAt: '2025-01-02T09:00:00.000Z',
};

describe('effective rules', () => {
  it('applies a dated correction from its date only, and keeps why', () => {
    const book = correctedRuleBook(standardRuleBook, [cap]);
    expect(book.ruleSetFor('2024/25', '2024-12-31').funding.initialHoursCap.value).toBe(20);
    const after = book.ruleSetFor('2024/25', '2025-01-01').funding.initialHoursCap;
    expect(after).toMatchObject({ value: 18, source: 'a later letter', rule: 'funded initial-training hours per mentor' });
    expect(isCorrected(after) && after.correction).toEqual({ previousValue: 20, reason: 'illustration', source: 'a later letter', recordedAt: '2025-01-02T09:00:00.000Z' });
    expect(book.ruleSetFor('2025/26').funding.initialHoursCap.value).toBe(16);
    expect(Object.isFrozen(after)).toBe(true);
  });

  it('applies a correction without a date to the whole year, later corrections last', () => {
    const rate = { ...cap, path: 'funding.hourlyRatePence.fringe', value: 4600, previousValue: 4510 };
    const { validFrom: _none, ...wholeYear } = rate;
    const book = correctedRuleBook(standardRuleBook, [wholeYear, { ...wholeYear, value: 4700, previousValue: 4600 }]);
    expect(book.ruleSetFor('2024/25', '2024-09-01').funding.hourlyRatePence.fringe.value).toBe(4700);
    expect(book.ruleSets.filter((r) => r.academicYear === '2024/25').map((r) => r.funding.hourlyRatePence.fringe.value)).toEqual([4700, 4700]);
  });

  it('leaves the book as it is without corrections, and refuses a path that leads nowhere', () => {
    expect(correctedRuleBook(standardRuleBook, [])).toBe(standardRuleBook);
    const ruleSet = standardRuleBook.ruleSetFor('2024/25');
    expect(applyCorrections(ruleSet, [])).toBe(ruleSet);
    expect(sourcedAt(ruleSet, 'funding.nothing')).toBeUndefined();
    expect(() => applyCorrections(ruleSet, [{ ...cap, path: 'funding.nothing', validFrom: '2024-09-01' }])).toThrow(expect.objectContaining({ field: 'path' }));
  });
});
