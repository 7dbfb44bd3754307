import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { InvalidArgumentError } from '@itt-ledger/core';
import { PROVIDER_YEAR } from './cast.js';
import { exportEvents } from './exportJsonl.js';
import { runProviderYear } from './providerYear.js';
import { formatProviderYear } from './report.js';
import { openProviderYearStore } from './stores.js';

export interface DemoIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the JSON Lines export is written. */
  readonly exportPath: string;
  /** For the export's path as printed. */
  readonly cwd: string;
}

/**
 * The stream prefix of a run against EventStoreDB: `PROVIDER_YEAR_STREAM_PREFIX` when set (empty for
 * none), else a fresh one, so that running the demo again against the same server just works.
 */
export const streamPrefixFor = (env: DemoIo['env']): string => env.PROVIDER_YEAR_STREAM_PREFIX ?? `provider-year-${randomUUID().slice(0, 8)}/`;

/**
 * The main job: the provider's year on the in-memory store, or on EventStoreDB when
 * `EVENTSTORE_CONNECTION_STRING` is set; prints the report (the same bytes on either store, run after
 * run) and writes the export. Resolves to the exit code.
 */
export const runDemo = async (io: DemoIo): Promise<number> => {
  const connectionString = io.env.EVENTSTORE_CONNECTION_STRING || undefined;
  const opened = openProviderYearStore(connectionString === undefined ? {} : { connectionString, streamPrefix: streamPrefixFor(io.env) });
  const { store, clock, description } = opened;
  try {
    io.stderr.write(`provider year: writing to ${description}\n`);
    const { refusals } = await runProviderYear({ store, clock });
    const events = await store.readAll();
    const count = await exportEvents(store, io.exportPath, PROVIDER_YEAR.exportedAt);
    io.stdout.write(formatProviderYear(events, { refusals }));
    const path = relative(io.cwd, io.exportPath);
    io.stdout.write(`\nExport: ${path} (${count} events, JSON Lines; check it with itt-ledger verify --file ${path})\n`);
    return 0;
  } catch (error) {
    const full = error instanceof InvalidArgumentError && error.field === 'store';
    const hint = full ? ` (${description}): leave PROVIDER_YEAR_STREAM_PREFIX unset and each run writes under a fresh prefix` : '';
    // A demo, not a debugger: one line, and a failing exit code.
    io.stderr.write(`provider year failed: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    return 1;
  } finally {
    await store.close();
  }
};
