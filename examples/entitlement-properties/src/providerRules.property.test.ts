import { placementHistoryArbitrary } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entitlementOf } from './history.js';
import { providerRuleBook } from './providerRuleBook.js';

describe("our stricter rule book (120 minutes a week) against the standard one", () => {
  it('never gives less shortfall, fewer short weeks, or fewer flags', () => {
    fc.assert(
      fc.property(placementHistoryArbitrary, (history) => {
        const standard = entitlementOf(history);
        const ours = entitlementOf(history, { ruleBook: providerRuleBook });
        // Same weeks, same exemptions: the rule book changes the minutes due, not the calendar.
        expect(ours.weeks.map((week) => [week.weekStart, week.exempt])).toEqual(standard.weeks.map((week) => [week.weekStart, week.exempt]));
        ours.weeks.forEach((week, i) => {
          expect(week.entitledMinutes).toBeGreaterThanOrEqual(standard.weeks[i]!.entitledMinutes);
          expect(week.shortfallMinutes).toBeGreaterThanOrEqual(standard.weeks[i]!.shortfallMinutes);
          expect(week.streak).toBeGreaterThanOrEqual(standard.weeks[i]!.streak);
        });
        expect(ours.cumulativeShortfallMinutes).toBeGreaterThanOrEqual(standard.cumulativeShortfallMinutes);
        expect(ours.weeksShort).toBeGreaterThanOrEqual(standard.weeksShort);
        // A trainee the standard rules flag is flagged by ours too (the threshold is the same rule).
        if (standard.flag) expect(ours.flag).toBeDefined();
      }),
      { numRuns: 500, seed: 20250103 },
    );
  });
});
