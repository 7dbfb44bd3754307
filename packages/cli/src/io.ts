import { IttLedgerError, type Clock } from '@itt-ledger/core';
import type { Problem } from './verify/problem.js';

/** Where text goes: `process.stdout` in the binary, a string buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Everything the CLI touches outside itself, injected so that every command runs in-process in a test. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Both stdout and stderr are terminals: colour and progress lines; piped output stays plain and quiet. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The wall clock by default; a test injects a fixed or stepping one. */
  readonly clock?: Clock;
  /** Relative paths (`--file`, `--to`, `--html`) are resolved against it. */
  readonly cwd: string;
}

/** 0 ok, 1 problems found in the data, 2 a command line that cannot run, 3 store unreachable, 4 anything unexpected. */
export const EXIT = Object.freeze({ ok: 0, problems: 1, usage: 2, unreachable: 3, failure: 4 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An unknown flag, a bad date, a missing file: the command line cannot run. Exit code 2. */
export class UsageError extends IttLedgerError {
  readonly code = 'CLI_USAGE';
}

/** The data has problems: `verify` found some, or a file given as a source does not verify. Exit code 1. */
export class DataProblemsError extends IttLedgerError {
  readonly code = 'CLI_DATA_PROBLEMS';
  constructor(
    message: string,
    readonly problems: readonly Problem[],
  ) {
    super(message);
  }
}
