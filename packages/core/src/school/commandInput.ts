import type { z } from 'zod';
import { CommandRejectedError, formatPath } from '../kernel/errors.js';

/**
 * Parses a command's input with the schema of the event it would write, so that bad input is a typed
 * refusal naming the field, not an error from the store after the decision.
 */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, reason: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = formatPath((issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p)));
  throw new CommandRejectedError(reason, `${field}: ${issue?.message ?? 'invalid'}`, field);
};

/** A refusal: the stable reason, the field it concerns, and why, in words. */
export const refuse = (reason: string, field: string, message: string): never => {
  throw new CommandRejectedError(reason, message, field);
};
