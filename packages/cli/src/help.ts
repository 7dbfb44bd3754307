import type { OptionSpecs } from './args.js';
import type { Command } from './command.js';

const column = (rows: readonly (readonly [string, string])[]) => {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
};

/** `itt-ledger --help`: the commands, the sources, the outputs and the exit codes. */
export const renderUsage = (commands: readonly Command[], planned: readonly (readonly [string, string])[]): string => `itt-ledger: replay a trainee's or a mentor's history as of any date; export, import and verify event logs.

Usage: itt-ledger <command> [options]

Commands:
${column([...commands.map((command) => [command.name, command.summary] as const), ...planned.map(([name, summary]) => [name, `${summary} (coming with the domain)`] as const)])}

Sources: --file PATH (a JSON Lines export) or --esdb CONNECTION_STRING (default: $EVENTSTORE_CONNECTION_STRING).
Clocks: --as-of DATE (what had happened) and --known-at DATE (what was recorded); YYYY-MM-DD means the end of that day, UTC.
Output: a table by default; --json, --csv, or --html FILE for a page with a timeline and a weekly chart.
Exit codes: 0 ok, 1 problems found, 2 usage error, 3 store unreachable, 4 unexpected error.

'itt-ledger <command> --help' lists a command's options.
`;

/** `itt-ledger <command> --help`. */
export const renderHelp = (command: Command, specs: OptionSpecs): string => {
  const required = Object.entries(command.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => `--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`);
  const source = command.uses.source ? ['(--file PATH | --esdb CONNECTION_STRING)'] : [];
  const rows = Object.entries(specs).map(([name, spec]) => [`--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`, `${spec.description}${spec.required ? ' (required)' : ''}`] as const);
  return `Usage: itt-ledger ${[command.name, ...required, ...source, '[options]'].join(' ')}

${command.summary}

Options:
${column(rows)}
`;
};
