import type { z } from 'zod';
import { CommandValidationError } from './errors.js';
import { toIssues } from './zodIssues.js';

const MAX_TYPE_NAME = 100;

/** The command's `type` as far as it can be told from untrusted input, for the error message. */
const typeName = (input: unknown): string => {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.length > 0 ? type.slice(0, MAX_TYPE_NAME) : '(unknown)';
};

/**
 * Parses untrusted command input (from HTTP, a queue, a form) against the command's schema. Returns the
 * parsed command, unknown keys stripped, or throws {@link CommandValidationError} naming every bad field.
 * `commandType` names the command in the error when the input has no `type` of its own (a service's input).
 */
export const validateCommand = <C>(schema: z.ZodType<C>, input: unknown, commandType?: string): C => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new CommandValidationError(commandType ?? typeName(input), toIssues(parsed.error));
};
