import { addDays, maxDate, minDate, standardRuleBook } from '@itt-ledger/core';
import { placementHistoryArbitrary } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entitlementOf, meetingOn, placementOf } from './history.js';

// Seeded, so a run is the same on every machine; fast-check prints the seed and path of a failure.
const runs = (seed: number) => ({ numRuns: 500, seed });

describe('our entitlement rules, for any placement history', () => {
  // placementHistoryArbitrary: a school calendar, a trainee (some part time), a placement with mentor
  // changes, extensions, pauses, records, corrections, withdrawals and an ending, and a `today` to ask on.
  it('never flags a trainee who had a full meeting in every week that carries an entitlement', () => {
    fc.assert(
      fc.property(placementHistoryArbitrary, (history) => {
        const placement = placementOf(history);
        const due = entitlementOf(history).weeks.filter((week) => week.entitledMinutes > 0);
        // The weekly minutes come from the rule set in force that week, never a number of our own.
        const meetings = due.map((week, i) => {
          const minutes = standardRuleBook.ruleSetFor(placement.academicYear, week.weekStart).mentoring.weeklyEntitlementMinutes.value;
          return meetingOn(placement, maxDate(week.weekStart, placement.startDate), minutes, `weekly-${i}`);
        });
        const table = entitlementOf(history, { records: meetings });
        expect(table.flag).toBeUndefined();
        expect(table.weeksShort).toBe(0);
        expect(table.cumulativeShortfallMinutes).toBe(0);
      }),
      runs(20250101),
    );
  });

  it('changes nothing but the minutes shown when a record falls in a holiday week', () => {
    // Not every history spans a holiday: draw one of its holiday weeks when it has any (fc.pre skips the rest).
    const arbitrary = placementHistoryArbitrary.chain((history) => {
      const holidays = entitlementOf(history).weeks.filter((week) => week.exempt === 'holiday');
      return fc.record({
        history: fc.constant(history),
        week: holidays.length === 0 ? fc.constant(undefined) : fc.constantFrom(...holidays),
        day: fc.integer({ min: 0, max: 6 }),
        minutes: fc.integer({ min: 1, max: 240 }),
      });
    });
    fc.assert(
      fc.property(arbitrary, ({ history, week, day, minutes }) => {
        fc.pre(week !== undefined);
        const placement = placementOf(history);
        const date = minDate(maxDate(addDays(week.weekStart, day), placement.startDate), placement.lastDay);
        const before = entitlementOf(history);
        const after = entitlementOf(history, { records: [meetingOn(placement, date, minutes, 'in-the-holiday')] });
        // Minutes received in an exempt week are still shown; nothing else moves.
        const received = (table: typeof before) => table.weeks.find((row) => row.weekStart === week.weekStart)!.receivedMinutes;
        expect(received(after)).toBe(received(before) + minutes);
        const withoutReceived = ({ weeks, thisWeek, ...totals }: typeof before) => ({
          totals,
          weeks: weeks.map(({ receivedMinutes: _, ...row }) => row),
          thisWeek: thisWeek && { ...thisWeek, receivedMinutes: 0 },
        });
        expect(withoutReceived(after)).toEqual(withoutReceived(before));
      }),
      runs(20250102),
    );
  });
});
