import { z } from 'zod';
import { InvalidArgumentError } from '../kernel/errors.js';

/**
 * A date on the school calendar, `YYYY-MM-DD`, with no time and no zone: a meeting "on 9 October" is on
 * that day wherever the server runs. Strings of this form sort in date order.
 */
export type LocalDate = string;

const FORM = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01, or undefined when the string is not a real date in `YYYY-MM-DD` form. */
export const dayNumber = (value: string): number | undefined => {
  if (!FORM.test(value)) return undefined;
  const time = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  // Date.UTC rolls 2025-02-30 over to March; a date that does not round-trip did not exist.
  return fromDayNumber(time / MS_PER_DAY) === value ? time / MS_PER_DAY : undefined;
};

export const fromDayNumber = (days: number): LocalDate => new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

export const isLocalDate = (value: unknown): value is LocalDate => typeof value === 'string' && dayNumber(value) !== undefined;

/** Throws an {@link InvalidArgumentError} naming `field` unless `value` is a real `YYYY-MM-DD` date. */
export const toLocalDate = (value: string, field = 'date'): LocalDate => {
  if (!isLocalDate(value)) throw new InvalidArgumentError(field, `expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
};

export const localDateSchema = z.string().refine(isLocalDate, { message: 'expected a real date as YYYY-MM-DD' });

const days = (date: LocalDate): number => {
  const n = dayNumber(date);
  if (n === undefined) throw new InvalidArgumentError('date', `expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return n;
};

export const addDays = (date: LocalDate, count: number): LocalDate => fromDayNumber(days(date) + count);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => days(to) - days(from);

/** ISO day of week: 1 Monday … 7 Sunday. 1970-01-01 was a Thursday. */
export const dayOfWeek = (date: LocalDate): number => ((((days(date) + 3) % 7) + 7) % 7) + 1;

/** The Monday of the date's week: the key of a placement week. */
export const weekStartOf = (date: LocalDate): LocalDate => addDays(date, 1 - dayOfWeek(date));

/** Each Monday from the week holding `from` to the week holding `to`, inclusive. */
export const weeksBetween = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const weeks: LocalDate[] = [];
  for (let day = days(weekStartOf(from)), last = days(to); day <= last; day += 7) weeks.push(fromDayNumber(day));
  return weeks;
};

/** The calendar date of an instant in UTC (instants are stored in UTC). */
export const localDateOf = (instant: string): LocalDate => instant.slice(0, 10);

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
