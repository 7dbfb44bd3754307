import type { LocalDate } from '../calendar/localDate.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Sourced } from '../rules/sourced.js';
import type { EntitlementWeek, ExemptReason, WeekStatus } from './weeks.js';

/** Raised when the pattern of short weeks needs action; names the rule, its value and its source. */
export interface EntitlementFlag {
  readonly rule: 'mentoring.shortWeeksInARowForAction';
  readonly threshold: Sourced<number>;
  readonly streak: number;
  /** The first week of the run of short weeks. */
  readonly since: LocalDate;
}

export interface EntitlementRow extends EntitlementWeek {
  /** Short weeks in a row up to and including this one (exempt weeks neither break nor extend a run). */
  readonly streak: number;
  readonly flag?: EntitlementFlag;
}

export interface EntitlementSummary {
  readonly weeks: readonly EntitlementRow[];
  /** Complete, non-exempt weeks that received their entitlement. */
  readonly weeksMet: number;
  readonly weeksShort: number;
  readonly weeksExempt: number;
  readonly cumulativeShortfallMinutes: number;
  /** The run of short weeks that ends with the last complete week. */
  readonly currentStreak: number;
  readonly flag?: EntitlementFlag;
  /** The week holding `today`, while it is under way. */
  readonly thisWeek?: EntitlementRow;
}

/**
 * Totals over complete weeks (the week under way is reported, not counted, so Monday morning flags
 * nobody). `rulesOn` gives the rule set for a week: the action threshold comes from it.
 */
export const summarise = (weeks: readonly EntitlementWeek[], rulesOn: (weekStart: LocalDate) => RuleSet): EntitlementSummary => {
  let weeksMet = 0;
  let weeksShort = 0;
  let weeksExempt = 0;
  let cumulative = 0;
  let streak = 0;
  let since: LocalDate | undefined;
  let flag: EntitlementFlag | undefined;
  let thisWeek: EntitlementRow | undefined;
  const rows = weeks.map((week): EntitlementRow => {
    if (week.status !== 'complete') {
      const row = { ...week, streak };
      if (week.status === 'current') thisWeek = row;
      return row;
    }
    if (week.exempt) weeksExempt++;
    else if (week.shortfallMinutes > 0) {
      weeksShort++;
      cumulative += week.shortfallMinutes;
      if (streak === 0) since = week.weekStart;
      streak++;
    } else {
      weeksMet++;
      streak = 0;
    }
    const threshold = rulesOn(week.weekStart).mentoring.shortWeeksInARowForAction;
    flag = streak >= threshold.value && since !== undefined ? { rule: 'mentoring.shortWeeksInARowForAction', threshold, streak, since } : undefined;
    return { ...week, streak, ...(flag ? { flag } : {}) };
  });
  return {
    weeks: rows,
    weeksMet,
    weeksShort,
    weeksExempt,
    cumulativeShortfallMinutes: cumulative,
    currentStreak: streak,
    ...(flag ? { flag } : {}),
    ...(thisWeek ? { thisWeek } : {}),
  };
};

const EXEMPT_ORDER: readonly ExemptReason[] = ['absence', 'paused', 'school_closure', 'holiday', 'outside_placement'];
const STATUS_ORDER: readonly WeekStatus[] = ['current', 'upcoming', 'complete'];

/**
 * A trainee's weeks from their placements' weeks. The entitlement is the trainee's, per week: where two
 * placements share a week, the larger entitlement applies, minutes received add up, and the week is exempt
 * only when every placement's week is.
 */
export const combineWeeks = (placements: readonly (readonly EntitlementWeek[])[]): EntitlementWeek[] => {
  const byWeek = new Map<LocalDate, EntitlementWeek[]>();
  for (const weeks of placements) for (const week of weeks) byWeek.set(week.weekStart, [...(byWeek.get(week.weekStart) ?? []), week]);
  return [...byWeek.keys()].sort().map((weekStart) => {
    const parts = byWeek.get(weekStart) ?? [];
    const status = STATUS_ORDER.find((s) => parts.some((p) => p.status === s)) ?? 'complete';
    const entitled = Math.max(0, ...parts.map((p) => p.entitledMinutes));
    const receivedMinutes = parts.reduce((sum, p) => sum + p.receivedMinutes, 0);
    const counted = parts.filter((p) => !p.exempt);
    const exempt = counted.length > 0 ? undefined : EXEMPT_ORDER.find((reason) => parts.some((p) => p.exempt === reason));
    return {
      weekStart,
      status,
      openDays: Math.max(0, ...parts.map((p) => p.openDays)),
      entitledMinutes: entitled,
      receivedMinutes,
      shortfallMinutes: status === 'upcoming' || exempt ? 0 : Math.max(0, entitled - receivedMinutes),
      ...(exempt ? { exempt } : {}),
    };
  });
};
