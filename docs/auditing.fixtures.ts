import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_YEAR } from '../examples/provider-year/src/cast.js';
import { exportEvents } from '../examples/provider-year/src/exportJsonl.js';
import { runProviderYear } from '../examples/provider-year/src/providerYear.js';
import { openProviderYearStore } from '../examples/provider-year/src/stores.js';
import { createCli } from '../packages/cli/src/cli.js';
import { domainRegistry, domainReports } from '../packages/cli/src/domain.js';
import { memoryIo } from '../packages/cli/src/testing.fixtures.js';

/** A command of docs/auditing.md and the output printed under it. */
export interface DocCommand {
  readonly command: string;
  readonly expected: string;
  /** Where the output block's text starts and ends in the page. */
  readonly start: number;
  readonly end: number;
}

const PAIR = /```sh\n(itt-ledger [^\n]*)\n```\n\n```text\n([\s\S]*?)```/g;

/** Every `itt-ledger …` command of the page with the `text` block that follows it; a command without one is an error. */
export const docCommands = (markdown: string): DocCommand[] => {
  const pairs = [...markdown.matchAll(PAIR)].map((match) => {
    const start = match.index + match[0].length - 3 - match[2]!.length;
    return { command: match[1]!, expected: match[2]!, start, end: start + match[2]!.length };
  });
  const commands = [...markdown.matchAll(/```sh\n(itt-ledger [^\n]*)\n```/g)].length;
  if (commands !== pairs.length) throw new Error(`${commands - pairs.length} itt-ledger command(s) without the output under them`);
  return pairs;
};

/** The provider's year exported where the page says: `examples/provider-year/out/provider-year.jsonl` under a new directory. */
export const providerYearExport = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'itt-ledger-auditing-'));
  const { store, clock } = openProviderYearStore();
  await runProviderYear({ store, clock });
  await mkdir(join(dir, 'examples/provider-year/out'), { recursive: true });
  await exportEvents(store, join(dir, 'examples/provider-year/out/provider-year.jsonl'), PROVIDER_YEAR.exportedAt);
  return dir;
};

const GREP = /^grep -E(?: -A(\d+))? '([^']*)'$/;

/** Runs a command line of the page in-process in `dir`: `itt-ledger ARGS`, optionally piped into `grep -E [-AN] 'PATTERN'`. */
export const runDocCommand = async (dir: string, command: string): Promise<string> => {
  const [cli = '', grep] = command.split(' | ');
  const { io, out } = memoryIo(dir);
  await createCli({ registry: domainRegistry, reports: domainReports }).run(cli.split(' ').slice(1), io);
  const printed = out.stdout + out.stderr;
  if (grep === undefined) return printed;
  const [, after = '0', pattern = ''] = GREP.exec(grep) ?? [];
  if (pattern === '') throw new Error(`only "grep -E [-AN] 'PATTERN'" is supported, got: ${grep}`);
  const lines = printed.split('\n');
  const keep = new Set<number>();
  lines.forEach((line, i) => {
    if (new RegExp(pattern).test(line)) for (let j = i; j <= i + Number(after) && j < lines.length; j++) keep.add(j);
  });
  return [...keep].map((i) => `${lines[i]}\n`).join('');
};
