import { CommandRejectedError } from '../kernel/errors.js';

// Commands come from outside (a form, an import): each field is checked before anything is decided, and
// a refusal names the field.

export const ID_MAX = 100;
export const TEXT_MAX = 1000;

/** The field's own name, without the path to it: `lines[0].reason` → `reason`, for a stable refusal reason. */
const nameOf = (field: string): string => field.slice(Math.max(field.lastIndexOf('.'), field.lastIndexOf(']')) + 1);

export const requireText = (value: unknown, field: string, max = TEXT_MAX): string => {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    throw new CommandRejectedError(`funding.${nameOf(field)}-invalid`, `${field}: expected text of 1–${max} characters`, field);
  }
  return value;
};

export const requireId = (value: unknown, field: string): string => requireText(value, field, ID_MAX);

/** A whole number ≥ `min`: hours on a claim are whole hours (domain.md, "hours on a claim"). */
export const requireWhole = (value: unknown, field: string, min: number, reason = `funding.${nameOf(field)}-invalid`): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new CommandRejectedError(reason, `${field}: expected a whole number of at least ${min}, got ${String(value)}`, field);
  }
  return value;
};
