import { isLocalDate, type LocalDate } from '../calendar/localDate.js';
import { CommandRejectedError } from '../kernel/errors.js';

/** Refuses a command: `reason` is stable (`irp.already-open`), `field` names the part of the command at fault. */
export const reject = (reason: string, message: string, field?: string): never => {
  throw new CommandRejectedError(reason, message, field);
};

/** A real `YYYY-MM-DD` date, or a refusal `{prefix}.invalid-date` naming the field. */
export const requireDate = (value: string, field: string, prefix: string): LocalDate =>
  isLocalDate(value) ? value : reject(`${prefix}.invalid-date`, `${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`, field);

/** Text that says something (not only spaces) and fits its field, or a refusal naming the field. */
export const requireText = (value: string, field: string, prefix: string, max: number): string => {
  if (value.trim().length === 0) return reject(`${prefix}.text-required`, `${field} must not be empty`, field);
  if (value.length > max) return reject(`${prefix}.text-too-long`, `${field} has ${value.length} characters; at most ${max}`, field);
  return value;
};

/** Every element distinct, or a refusal naming the field. */
export const requireDistinct = (values: readonly string[], field: string, reason: string): void => {
  if (new Set(values).size !== values.length) reject(reason, `${field} names the same item twice`, field);
};
