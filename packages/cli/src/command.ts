import type { AsOf, Clock, EventRegistry } from '@itt-ledger/core';
import type { OptionSpecs, ParsedOptions } from './args.js';
import type { CliIo, ExitCode } from './io.js';
import type { Report } from './output/model.js';
import type { Progress } from './progress.js';
import type { EventSource } from './sources/source.js';
import type { StoreConnector } from './sources/storeSource.js';

/** What a command gets from the CLI: parsed options, the source, clocks, and the injected world. */
export interface CommandEnv {
  readonly io: CliIo;
  readonly clock: Clock;
  readonly registry: EventRegistry;
  readonly connect: StoreConnector;
  readonly options: ParsedOptions;
  /** `--as-of` / `--known-at` as an {@link AsOf} (for commands that take them). */
  readonly asOf: AsOf;
  /** The source named by `--file` or `--esdb` (or `EVENTSTORE_CONNECTION_STRING`); closed by the CLI afterwards. */
  readonly source: () => Promise<EventSource>;
  /** A path from the command line, relative to the working directory. */
  readonly resolve: (path: string) => string;
  readonly progress: (label: string) => Progress;
  /** Registers something to close when the command ends, however it ends. */
  readonly closeLater: (close: () => Promise<void>) => void;
}

export interface CommandResult {
  readonly report: Report;
  readonly exitCode: ExitCode;
  /** The source shown in the report's header. */
  readonly source?: string;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The command's own options; the common ones are added by what it `uses`. */
  readonly options: OptionSpecs;
  /** Which common option groups apply: a source (`--file`, `--esdb`), the clocks (`--as-of`, `--known-at`). */
  readonly uses: { readonly source: boolean; readonly asOf: boolean };
  run(env: CommandEnv): Promise<CommandResult>;
}
