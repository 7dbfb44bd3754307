import { dayNumber, fromDayNumber, type AcademicYear, type Instant, type LocalDate } from '@itt-ledger/core';

/** The year every provider's events belong to. */
export const YEAR: AcademicYear = '2024/25';

/** Days since 1970-01-01 (the kernel's `dayNumber`), the generator's unit of time. */
export type Day = number;

export const day = (date: LocalDate): Day => {
  const n = dayNumber(date);
  if (n === undefined) throw new Error(`not a date: ${date}`);
  return n;
};

/** The first and last day anything happens: schools and training before the year, the last claims after it. */
export const FIRST_DAY = day('2024-05-01');
export const LAST_DAY = day('2025-08-31');

const dates: LocalDate[] = [];
/** The date of a day; one string per day, shared by every event that names it. */
export const dateOf = (d: Day): LocalDate => (dates[d - FIRST_DAY] ??= fromDayNumber(d));

const instants = new Map<number, Instant>();
/** The instant `minute` minutes into a day (UTC), shared by every event of that minute. */
export const instantAt = (d: Day, minute: number): Instant => {
  const key = d * 1440 + minute;
  let instant = instants.get(key);
  if (instant === undefined) {
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    instant = JSON.parse(JSON.stringify(`${dateOf(d)}T${hh}:${mm}:00.000Z`)) as Instant;
    instants.set(key, instant);
  }
  return instant;
};

/** ISO day of week: 1 Monday … 7 Sunday. */
export const weekday = (d: Day): number => ((((d + 3) % 7) + 7) % 7) + 1;
export const mondayOf = (d: Day): Day => d + 1 - weekday(d);

/** The terms of 2024/25 as English schools keep them, half terms apart. */
export const TERMS: readonly (readonly [Day, Day])[] = [
  ['2024-09-04', '2024-10-25'],
  ['2024-11-04', '2024-12-20'],
  ['2025-01-06', '2025-02-14'],
  ['2025-02-24', '2025-04-04'],
  ['2025-04-22', '2025-05-23'],
  ['2025-06-02', '2025-07-22'],
].map(([from, to]) => [day(from!), day(to!)] as const);

export const inTerm = (d: Day): boolean => weekday(d) <= 5 && TERMS.some(([from, to]) => from <= d && d <= to);
