import { parseArgs } from 'node:util';
import { isLocalDate, parseInstant, type Instant } from '@itt-ledger/core';
import { UsageError } from './io.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One line for `--help`. */
  readonly description: string;
  /** Shown in help after the flag, e.g. `ID` in `--trainee ID`. */
  readonly valueName?: string;
  readonly required?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
export type ParsedOptions = Readonly<Record<string, string | boolean | undefined>>;

// node:util's messages mention positionals and `--`; ours name the flag and point at the help.
const explain = (error: Error & { code?: string }, command: string): string => {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1];
  const help = `(itt-ledger ${command} --help lists its options)`;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${flag}' for ${command} ${help}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${/'([^']*)'/.exec(error.message)?.[1]}' for ${command} ${help}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message) ? `${flag} does not take a value` : `${flag} needs a value`;
    default:
      return error.message.split('. ')[0] ?? error.message;
  }
};

/** Strict parsing with node:util: unknown flags, stray arguments, missing values and missing required flags are usage errors. */
export const parseOptions = (command: string, args: readonly string[], specs: OptionSpecs): ParsedOptions => {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }]));
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    throw new UsageError(explain(error as Error, command));
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && values[name] === undefined) throw new UsageError(`${command} needs --${name}${spec.valueName ? ` ${spec.valueName}` : ''}`);
    if (spec.type === 'string' && values[name] === '') throw new UsageError(`--${name} needs a value`);
  }
  return values;
};

/**
 * `--as-of` and `--known-at`: a full ISO 8601 instant with a zone, or a date `YYYY-MM-DD`, which means the
 * end of that day in UTC (23:59:59.999Z), so that everything on that date counts.
 */
export const parseDateOption = (flag: string, value: string): Instant => {
  // `isLocalDate` narrows `value`; the message needs it as given.
  const given: string = value;
  if (isLocalDate(value)) return `${value}T23:59:59.999Z`;
  const instant = parseInstant(given);
  if (instant === undefined) throw new UsageError(`--${flag}: expected a date (YYYY-MM-DD) or an ISO 8601 instant with a zone, got '${given}'`);
  return instant;
};
