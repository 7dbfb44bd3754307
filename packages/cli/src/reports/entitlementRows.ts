import type { EntitlementSummary } from '@itt-ledger/core';
import type { Cell, TimelineEntry, WeekEntitlement } from '../output/model.js';
import { words } from './options.js';

/**
 * The weeks for the chart: the domain's weekly rows (`traineeEntitlement` or `placementEntitlement`) that
 * had begun by the day asked about. Weeks still to come are left out: nothing can have been received in them.
 */
export const chartWeeks = (summary: EntitlementSummary): WeekEntitlement[] =>
  summary.weeks
    .filter((week) => week.status !== 'upcoming')
    .map((week) => ({
      week: week.weekStart,
      entitledMinutes: week.entitledMinutes,
      receivedMinutes: week.receivedMinutes,
      ...(week.exempt === undefined ? {} : { exemptReason: words(week.exempt) }),
    }));

/** A timeline row where the domain raised its action flag: the first week of each run that reached the rule's threshold. */
export const flagRows = (summary: EntitlementSummary): TimelineEntry[] =>
  summary.weeks.flatMap((week, i) => {
    const flag = week.flag;
    if (flag === undefined || summary.weeks[i - 1]?.flag?.since === flag.since) return [];
    return [{ date: week.weekStart, kind: 'entitlement flag', text: `${flag.streak} short weeks in a row since ${flag.since} (${flag.rule} = ${flag.threshold.value})` }];
  });

/** The totals the domain keeps over complete weeks, and the week under way. */
export const entitlementTotals = (summary: EntitlementSummary): Record<string, Cell> => ({
  'weeks met': summary.weeksMet,
  'weeks short': summary.weeksShort,
  'weeks exempt': summary.weeksExempt,
  'shortfall (min)': summary.cumulativeShortfallMinutes,
  'short weeks in a row': summary.currentStreak,
  'action flag': summary.flag === undefined ? 'none' : `since ${summary.flag.since} (${summary.flag.rule} = ${summary.flag.threshold.value})`,
  ...(summary.thisWeek === undefined ? {} : { 'this week': `${summary.thisWeek.weekStart}: ${summary.thisWeek.receivedMinutes} of ${summary.thisWeek.entitledMinutes} min so far` }),
});
