import { InvalidArgumentError } from './errors.js';

/**
 * A point in time as an ISO 8601 UTC string with millisecond precision, e.g. `2024-09-02T08:00:00.000Z`.
 * Strings, not `Date`s: a frozen `Date` can still be changed with `setTime`, and strings of this one
 * form sort in time order, so comparisons need no parsing.
 */
export type Instant = string;

const NORMAL_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (text: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
};

/**
 * The hot path: an instant already in normal form (every stored one is) is checked field by field and
 * returned as it is, instead of being rebuilt through `Date` (about twenty times slower).
 */
const isValidNormalForm = (value: string): boolean => {
  if (!NORMAL_FORM.test(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) return false;
  return digits(value, 11, 13) < 24 && digits(value, 14, 16) < 60 && digits(value, 17, 19) < 60;
};

/** Parses an ISO 8601 date-time with a zone (`Z` or `±hh:mm`) into the normal form; undefined if it is not one. */
export const parseInstant = (value: unknown): Instant | undefined => {
  if (typeof value === 'string' && value.length === 24 && isValidNormalForm(value)) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const normal = new Date(time).toISOString();
  // Date.parse rolls 2024-02-30 over to March; a date that does not round-trip did not exist.
  if (value.slice(0, 10) !== normal.slice(0, 10) && /Z$/.test(value)) return undefined;
  return normal;
};

/** Like {@link parseInstant} but throws an {@link InvalidArgumentError} naming `field`. */
export const toInstant = (value: string | Date, field = 'instant'): Instant => {
  const parsed = parseInstant(value);
  if (parsed === undefined) {
    throw new InvalidArgumentError(field, `expected an ISO 8601 date-time with a zone, got ${JSON.stringify(value)}`);
  }
  return parsed;
};

/** True when the value is already in the normal form this library stores. */
export const isNormalInstant = (value: string): boolean => NORMAL_FORM.test(value) && parseInstant(value) === value;
