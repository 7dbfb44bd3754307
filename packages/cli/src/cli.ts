import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import {
  InvalidArgumentError,
  IttLedgerError,
  StoreUnavailableError,
  StreamNotFoundError,
  systemClock,
  type AsOf,
  type DomainEvent,
  type EventRegistry,
} from '@itt-ledger/core';
import { parseDateOption, parseOptions, type OptionSpecs, type ParsedOptions } from './args.js';
import type { Command, CommandEnv } from './command.js';
import { eventsCommand } from './commands/events.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { PLANNED_REPORTS, fromReport } from './commands/reportCommand.js';
import { verifyCommand } from './commands/verify.js';
import { checkReadableFile, checkWritableFile } from './files.js';
import { DataProblemsError, EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { renderCsv } from './output/csv.js';
import { renderHtml } from './output/html.js';
import { renderJson } from './output/json.js';
import type { ReportMeta } from './output/model.js';
import { ansiStyle, plainStyle } from './output/table.js';
import { renderTerminal } from './output/terminal.js';
import { terminalSafe } from './output/text.js';
import { createProgress } from './progress.js';
import type { ReportCommand } from './report.js';
import { connectEventStoreDb } from './sources/eventStoreDb.js';
import { createFileSource } from './sources/fileSource.js';
import type { EventSource } from './sources/source.js';
import { createStoreSource, type StoreConnector } from './sources/storeSource.js';
import { renderHelp, renderUsage } from './help.js';

export interface CliOptions {
  /** Every event type the store may hold: the domain's registry. */
  readonly registry: EventRegistry<DomainEvent>;
  /** The domain's reports, each its own command. */
  readonly reports?: readonly ReportCommand[];
  /** Opens a store from a connection string; defaults to the EventStoreDB adapter. Tests inject an in-memory store. */
  readonly connect?: StoreConnector;
}

export interface Cli {
  /** Runs one command line (without `node` and the script) and resolves to its exit code; never throws. */
  run(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}

export const OUTPUT_OPTIONS: OptionSpecs = {
  json: { type: 'boolean', description: 'print the report as JSON' },
  csv: { type: 'boolean', description: 'print the report as CSV (RFC 4180; one block per table)' },
  html: { type: 'string', valueName: 'FILE', description: 'write a self-contained HTML page (timeline, weekly chart)' },
  debug: { type: 'boolean', description: 'on an error, also print where it happened' },
  help: { type: 'boolean', description: 'show this help' },
};
export const SOURCE_OPTIONS: OptionSpecs = {
  file: { type: 'string', valueName: 'PATH', description: 'read a JSON Lines export file' },
  esdb: { type: 'string', valueName: 'CONNECTION_STRING', description: 'read an EventStoreDB (default: $EVENTSTORE_CONNECTION_STRING)' },
};
export const CLOCK_OPTIONS: OptionSpecs = {
  'as-of': { type: 'string', valueName: 'DATE', description: 'what had happened by then (occurredAt); YYYY-MM-DD means the end of that day, UTC' },
  'known-at': { type: 'string', valueName: 'DATE', description: 'what had been recorded by then (recordedAt); same forms' },
};

/** A command's options: its own, then the groups it uses, then output. */
export const optionsOf = (command: Command): OptionSpecs => ({
  ...command.options,
  ...(command.uses.source ? SOURCE_OPTIONS : {}),
  ...(command.uses.asOf ? CLOCK_OPTIONS : {}),
  ...OUTPUT_OPTIONS,
});

const BUILT_IN: readonly Command[] = [verifyCommand, exportCommand, importCommand, eventsCommand];

type Output = { readonly kind: 'terminal' | 'json' | 'csv' } | { readonly kind: 'html'; readonly file: string };

const chooseOutput = (options: ParsedOptions): Output => {
  const chosen = (['json', 'csv', 'html'] as const).filter((key) => options[key] !== undefined && options[key] !== false);
  if (chosen.length > 1) throw new UsageError(`choose one output: ${chosen.map((key) => `--${key}`).join(', ')} were given`);
  if (options.html !== undefined) return { kind: 'html', file: options.html as string };
  return { kind: options.json ? 'json' : options.csv ? 'csv' : 'terminal' };
};

const asOfFrom = (options: ParsedOptions): AsOf => ({
  ...(options['as-of'] === undefined ? {} : { occurredAt: parseDateOption('as-of', options['as-of'] as string) }),
  ...(options['known-at'] === undefined ? {} : { recordedAt: parseDateOption('known-at', options['known-at'] as string) }),
});

/** Exit code and one line for an error; a stack only with `--debug`. */
const classify = (error: unknown): { readonly code: ExitCode; readonly message: string } => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || error instanceof InvalidArgumentError || error instanceof StreamNotFoundError) return { code: EXIT.usage, message };
  if (error instanceof StoreUnavailableError) return { code: EXIT.unreachable, message: `cannot reach the event store: ${message}` };
  if (error instanceof DataProblemsError || error instanceof IttLedgerError) return { code: EXIT.problems, message };
  return { code: EXIT.failure, message: `unexpected error: ${message} (--debug shows where)` };
};

const oneLine = (text: string) => terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());

/** The CLI with a registry and the domain's reports plugged in. */
export const createCli = (options: CliOptions): Cli => {
  const connect = options.connect ?? connectEventStoreDb;
  const commands = new Map<string, Command>();
  for (const command of [...BUILT_IN, ...(options.reports ?? []).map(fromReport)]) {
    if (commands.has(command.name)) throw new Error(`two commands are named '${command.name}'`);
    const common = Object.keys({ ...SOURCE_OPTIONS, ...CLOCK_OPTIONS, ...OUTPUT_OPTIONS });
    const clash = Object.keys(command.options).find((name) => common.includes(name));
    if (clash !== undefined) throw new Error(`the '${command.name}' command's option --${clash} clashes with a common option`);
    commands.set(command.name, command);
  }
  const planned = Object.entries(PLANNED_REPORTS).filter(([name]) => !commands.has(name));

  const run = async (argv: readonly string[], io: CliIo): Promise<ExitCode> => {
    const clock = io.clock ?? systemClock;
    const closers: (() => Promise<void>)[] = [];
    const [name, ...rest] = argv;
    try {
      if (name === undefined) {
        io.stderr.write(renderUsage([...commands.values()], planned));
        return EXIT.usage;
      }
      if (name === '--help' || name === '-h' || name === 'help') {
        io.stdout.write(renderUsage([...commands.values()], planned));
        return EXIT.ok;
      }
      const command = commands.get(name);
      if (!command) {
        if (PLANNED_REPORTS[name] !== undefined) throw new UsageError(`'${name}' comes with the domain reports, which this build does not include yet`);
        throw new UsageError(name.startsWith('-') ? `expected a command before '${name}' (itt-ledger --help lists them)` : `unknown command '${name}' (itt-ledger --help lists them)`);
      }
      const specs = optionsOf(command);
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(renderHelp(command, specs));
        return EXIT.ok;
      }
      const parsed = parseOptions(name, rest, specs);
      const output = chooseOutput(parsed);
      const resolvePath = (path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path));
      if (output.kind === 'html') await checkWritableFile('--html', output.file, resolvePath(output.file));
      const asOf = command.uses.asOf ? asOfFrom(parsed) : {};

      let opened: EventSource | undefined;
      const env: CommandEnv = {
        io,
        clock,
        registry: options.registry,
        connect,
        options: parsed,
        asOf,
        resolve: resolvePath,
        progress: (label) => createProgress(io, label),
        closeLater: (close) => closers.push(close),
        source: async () => {
          if (opened) return opened;
          const file = parsed.file as string | undefined;
          const esdb = (parsed.esdb as string | undefined) ?? (file === undefined ? io.env.EVENTSTORE_CONNECTION_STRING : undefined);
          if (file !== undefined && parsed.esdb !== undefined) throw new UsageError('give one source: --file or --esdb, not both');
          if (file !== undefined) {
            const path = resolvePath(file);
            await checkReadableFile('--file', file, path);
            opened = createFileSource(path, { registry: options.registry, displayPath: file, progress: env.progress });
          } else if (esdb !== undefined && esdb !== '') {
            opened = createStoreSource(esdb, { registry: options.registry, connect, clock });
          } else {
            throw new UsageError('no source: give --file PATH or --esdb CONNECTION_STRING (or set EVENTSTORE_CONNECTION_STRING)');
          }
          const source = opened;
          closers.push(() => source.close());
          return source;
        },
      };

      const result = await command.run(env);
      const meta: ReportMeta = {
        ...(result.source === undefined ? {} : { source: result.source }),
        ...(asOf.occurredAt === undefined ? {} : { asOf: asOf.occurredAt }),
        ...(asOf.recordedAt === undefined ? {} : { knownAt: asOf.recordedAt }),
        generatedAt: clock.now(),
      };
      switch (output.kind) {
        case 'json':
          io.stdout.write(renderJson(result.report, meta));
          break;
        case 'csv':
          io.stdout.write(renderCsv(result.report));
          break;
        case 'html':
          await writeFile(resolvePath(output.file), renderHtml(result.report, meta), 'utf8');
          io.stdout.write(`wrote ${output.file}\n`);
          break;
        case 'terminal': {
          const colour = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
          io.stdout.write(renderTerminal(result.report, meta, colour ? ansiStyle : plainStyle));
        }
      }
      return result.exitCode;
    } catch (error) {
      const { code, message } = classify(error);
      io.stderr.write(`itt-ledger: ${oneLine(message)}\n`);
      if (argv.includes('--debug') && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
      return code;
    } finally {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    }
  };
  return { run };
};

/** One command line with a given CLI configuration: `createCli(options).run(argv, io)`. */
export const runCli = (argv: readonly string[], io: CliIo, options: CliOptions): Promise<ExitCode> => createCli(options).run(argv, io);
