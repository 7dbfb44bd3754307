import { z } from 'zod';
import { academicYearEnd, academicYearStart, type AcademicYear } from '../calendar/academicYear.js';
import { dayNumber, localDateSchema, type LocalDate } from '../calendar/localDate.js';
import { refuse } from './commandInput.js';

/** An inclusive range of school days, `from` ≤ `to`. */
export const termSchema = z.object({ from: localDateSchema, to: localDateSchema }).refine((range) => range.from <= range.to, {
  message: 'a term must not end before it starts',
  path: ['to'],
});

/** A day or days inside a term when the school is shut (INSET, snow, a polling day). */
export const closureSchema = z
  .object({ from: localDateSchema, to: localDateSchema, reason: z.string().min(1).max(200) })
  .refine((range) => range.from <= range.to, { message: 'a closure must not end before it starts', path: ['to'] });

export const termsSchema = z.array(termSchema).min(1).max(12);
export const closuresSchema = z.array(closureSchema).max(60);

/**
 * A school's (or one placement's) term calendar for a year: its terms, and closures within them. A weekday
 * outside every term is a holiday; a week with no open term day in it is a holiday week.
 */
export const termCalendarSchema = z.object({ terms: termsSchema, closures: closuresSchema });

export type Term = z.output<typeof termSchema>;
export type Closure = z.output<typeof closureSchema>;
export type TermCalendar = z.output<typeof termCalendarSchema>;

/** What a day is on a calendar. Weekends are never term days. */
export type DayKind = 'term' | 'closure' | 'holiday' | 'weekend';

type Ranges = readonly (readonly [number, number])[];
const compiled = new WeakMap<TermCalendar, { readonly terms: Ranges; readonly closures: Ranges }>();
const toRanges = (ranges: readonly { from: LocalDate; to: LocalDate }[]): Ranges =>
  ranges.map((range) => [dayNumber(range.from) ?? 0, dayNumber(range.to) ?? 0] as const);
const within = (ranges: Ranges, day: number) => ranges.some(([from, to]) => from <= day && day <= to);

const compile = (calendar: TermCalendar) => {
  let ranges = compiled.get(calendar);
  if (!ranges) {
    ranges = { terms: toRanges(calendar.terms), closures: toRanges(calendar.closures) };
    compiled.set(calendar, ranges);
  }
  return ranges;
};

/** The kind of a day given as a day number (`dayNumber`): the hot path of the weekly entitlement. */
export const dayKindOfDay = (calendar: TermCalendar, day: number): DayKind => {
  if (((((day + 3) % 7) + 7) % 7) + 1 > 5) return 'weekend';
  const ranges = compile(calendar);
  if (!within(ranges.terms, day)) return 'holiday';
  return within(ranges.closures, day) ? 'closure' : 'term';
};

/** The kind of a day; a calendar is compiled to day numbers once (calendars are frozen event data). */
export const dayKind = (calendar: TermCalendar, date: LocalDate): DayKind => dayKindOfDay(calendar, dayNumber(date) ?? Number.NaN);

/**
 * Refuses a calendar that cannot be a year's: a term outside the academic year, terms out of order or
 * overlapping, a closure outside every term. `field` prefixes the refusal's field (e.g. `calendar`).
 */
export const checkCalendar = (calendar: TermCalendar, academicYear: AcademicYear, field = ''): void => {
  const at = (path: string) => (field ? `${field}.${path}` : path);
  const first = academicYearStart(academicYear);
  const last = academicYearEnd(academicYear);
  calendar.terms.forEach((term, i) => {
    if (term.from < first || term.to > last) {
      refuse('calendar.term-outside-year', at(`terms[${i}]`), `term ${term.from}–${term.to} is not within ${academicYear} (${first} to ${last})`);
    }
    const previous = calendar.terms[i - 1];
    if (previous && term.from <= previous.to) {
      refuse('calendar.terms-overlap', at(`terms[${i}]`), `term ${term.from}–${term.to} must start after the term before it ends (${previous.to})`);
    }
  });
  calendar.closures.forEach((closure, i) => {
    if (!calendar.terms.some((term) => term.from <= closure.from && closure.to <= term.to)) {
      refuse('calendar.closure-outside-term', at(`closures[${i}]`), `closure ${closure.from}–${closure.to} is not within one term`);
    }
  });
};
