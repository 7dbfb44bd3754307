import { dayNumber, fromDayNumber, type LocalDate } from '../calendar/localDate.js';
import type { RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { PauseReason } from '../placement/events.js';
import type { MentoringRecord, Placement } from '../placement/state.js';
import { dayKindOfDay, type TermCalendar } from '../school/calendar.js';
import type { StudyMode } from '../trainee/events.js';

/** Why a week carries no entitlement. */
export type ExemptReason = 'holiday' | 'school_closure' | 'absence' | 'paused' | 'outside_placement';

/** `complete` once today is past the week (or the placement's last day in it); `upcoming` before it starts. */
export type WeekStatus = 'complete' | 'current' | 'upcoming';

export interface EntitlementWeek {
  /** The Monday of the week. */
  readonly weekStart: LocalDate;
  readonly status: WeekStatus;
  /** Weekdays of the week in the placement, in term, not closed, and not paused. */
  readonly openDays: number;
  readonly entitledMinutes: number;
  /** Minutes of the week's records that stand (corrections applied, withdrawn ones left out). */
  readonly receivedMinutes: number;
  /** What is missing so far; 0 for an exempt or upcoming week. */
  readonly shortfallMinutes: number;
  readonly exempt?: ExemptReason;
}

/** A trainee's route as far as the entitlement cares; a trainee not (yet) known counts as full time. */
export interface EntitlementRoute {
  readonly mode: StudyMode;
  readonly fte: number;
}

export interface PlacementWeeksInput {
  readonly placement: Placement;
  readonly records: Iterable<MentoringRecord>;
  /** The calendar in force: the placement's own, else the school's for the year; absent, every weekday is a term day. */
  readonly calendar?: TermCalendar;
  readonly route?: EntitlementRoute;
  readonly ruleBook: RuleBook;
  /** The date the question is asked on: weeks after it are not yet due. Never the system clock. */
  readonly today: LocalDate;
}

const PAUSE_EXEMPTION: { readonly [R in PauseReason]: ExemptReason } = {
  trainee_absence: 'absence',
  school_closure: 'school_closure',
  provider_decision: 'paused',
};

const SCHOOL_DAYS = 5;

/**
 * The week's entitled minutes: the rule set's weekly minutes, times the FTE for a part-time trainee when
 * the rule set says pro rata. Rounded up to a whole minute ("at least" 1.5 hours), after rounding to a
 * thousandth of a minute so that binary fractions (90 × 0.6 = 54.000…01) do not round up a whole minute.
 */
export const entitledMinutes = (rules: RuleSet, route: EntitlementRoute | undefined): number => {
  const weekly = rules.mentoring.weeklyEntitlementMinutes.value;
  if (route?.mode !== 'part_time' || !rules.mentoring.partTimeProRata.value) return weekly;
  return Math.ceil(Math.round(weekly * route.fte * 1000) / 1000);
};

/** Day numbers (`dayNumber`) of a placement, worked out once per table. */
interface Days {
  readonly first: number;
  readonly last: number;
  readonly pauses: readonly (readonly [from: number, until: number, reason: ExemptReason])[];
}

const day = (date: LocalDate): number => dayNumber(date) ?? Number.NaN;
/** The Monday of a day number's week (1970-01-01, day 0, was a Thursday). */
const mondayOf = (n: number): number => n - ((((n + 3) % 7) + 7) % 7);

const daysOf = (placement: Placement): Days => ({
  first: day(placement.startDate),
  last: day(placement.lastDay),
  pauses: placement.pauses.map((pause) => [day(pause.from), pause.until === undefined ? Number.POSITIVE_INFINITY : day(pause.until), PAUSE_EXEMPTION[pause.reason]] as const),
});

/** Open days of a week, and if none, why: a pause first, then a closure, then a holiday. */
const weekDays = (days: Days, calendar: TermCalendar | undefined, monday: number): { readonly open: number; readonly exempt?: ExemptReason } => {
  let open = 0;
  let inPlacement = 0;
  let closed = false;
  let paused: ExemptReason | undefined;
  for (let d = monday; d < monday + SCHOOL_DAYS; d++) {
    if (d < days.first || d > days.last) continue;
    inPlacement++;
    const kind = calendar ? dayKindOfDay(calendar, d) : 'term';
    if (kind === 'holiday') continue;
    if (kind === 'closure') closed = true;
    else {
      const pause = days.pauses.find(([from, until]) => from <= d && d < until);
      if (pause === undefined) open++;
      else paused ??= pause[2];
    }
  }
  if (open > 0) return { open };
  if (inPlacement === 0) return { open, exempt: 'outside_placement' };
  return { open, exempt: paused ?? (closed ? 'school_closure' : 'holiday') };
};

const statusOf = (monday: number, last: number, today: number): WeekStatus => {
  if (today < monday) return 'upcoming';
  return today > Math.min(monday + 6, last) ? 'complete' : 'current';
};

export const weekStatus = (weekStart: LocalDate, lastDay: LocalDate, today: LocalDate): WeekStatus => statusOf(day(weekStart), day(lastDay), day(today));

/**
 * A placement's weeks, from the week of its first day to the week of its last: each week's entitlement,
 * what was received, the shortfall and why a week is exempt. A week counts when it holds at least one open
 * day, in full: the rules give a weekly figure, not a daily one. Pure: the projection and as-of reads share it.
 */
export const placementWeeks = (input: PlacementWeeksInput): EntitlementWeek[] => {
  const { placement, ruleBook, calendar } = input;
  const days = daysOf(placement);
  const today = day(input.today);
  const received = new Map<number, number>();
  for (const record of input.records) {
    if (record.withdrawn) continue;
    const week = mondayOf(day(record.date));
    received.set(week, (received.get(week) ?? 0) + record.minutes);
  }
  const weeks: EntitlementWeek[] = [];
  for (let monday = mondayOf(days.first); monday <= days.last; monday += 7) {
    const weekStart = fromDayNumber(monday);
    const { open, exempt } = weekDays(days, calendar, monday);
    const status = statusOf(monday, days.last, today);
    const receivedMinutes = received.get(monday) ?? 0;
    const entitled = exempt ? 0 : entitledMinutes(ruleBook.ruleSetFor(placement.academicYear, weekStart), input.route);
    const shortfallMinutes = status === 'upcoming' ? 0 : Math.max(0, entitled - receivedMinutes);
    weeks.push({ weekStart, status, openDays: open, entitledMinutes: entitled, receivedMinutes, shortfallMinutes, ...(exempt ? { exempt } : {}) });
  }
  return weeks;
};
