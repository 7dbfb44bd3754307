import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCli, type CliIo, type StoreConnector } from '@itt-ledger/cli';
import { createIttLedgerRegistry, fixedClock, type EventStore } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_YEAR } from './cast.js';
import { runDemo } from './demo.js';
import { runProviderYear } from './providerYear.js';
import { formatProviderYear } from './report.js';
import { openProviderYearStore } from './stores.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provider-year-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const demo = async (file: string) => {
  const out = { stdout: '', stderr: '' };
  const code = await runDemo({
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: {},
    exportPath: join(dir, file),
    cwd: dir,
  });
  return { code, ...out, export: await readFile(join(dir, file), 'utf8') };
};

const cliIo = (): { io: CliIo; out: { stdout: string; stderr: string } } => {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    isTTY: false,
    env: {},
    clock: fixedClock(PROVIDER_YEAR.exportedAt),
    cwd: dir,
  };
  return { io, out };
};

describe('the demo (pnpm demo)', () => {
  it('prints the same report and writes the same export, byte for byte, run after run', async () => {
    const [first, second] = [await demo('first.jsonl'), await demo('second.jsonl')];
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('provider year: writing to the in-memory store\n');
    expect(first.stdout.startsWith('Provider year: provider-nene-valley, 2024/25\n')).toBe(true);
    expect(first.stdout).toMatch(/\nExport: first\.jsonl \(\d+ events, JSON Lines; check it with itt-ledger verify --file first\.jsonl\)\n$/);
    expect(second.stdout.replaceAll('second.jsonl', 'first.jsonl')).toBe(first.stdout);
    expect(second.export).toBe(first.export);
    const lines = first.export.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'itt-ledger/events', version: 1, exportedAt: PROVIDER_YEAR.exportedAt });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ format: 'itt-ledger/events', end: true, events: lines.length - 2 });
  });

  it('writes an export the CLI verifies and imports into identical events, which report the same', async () => {
    await demo('history.jsonl');
    const registry = createIttLedgerRegistry();
    const made: EventStore[] = [];
    // The CLI closes what it opened; the test reads the target afterwards.
    const connect: StoreConnector = async (_connectionString, deps) => {
      const target: EventStore = createInMemoryEventStore({ registry, clock: deps.clock });
      made.push(target);
      return {
        registry: target.registry,
        appendToStream: (streamId, events, options) => target.appendToStream(streamId, events, options),
        readStream: (streamId, options) => target.readStream(streamId, options),
        readAll: (options) => target.readAll(options),
        subscribe: (handler, options) => target.subscribe(handler, options),
        close: async () => undefined,
      };
    };
    const cli = createCli({ registry, connect });
    const verify = cliIo();
    expect(await cli.run(['verify', '--file', 'history.jsonl'], verify.io), verify.out.stdout + verify.out.stderr).toBe(0);
    const imported = cliIo();
    expect(await cli.run(['import', '--from', 'history.jsonl', '--to', 'esdb://auditor:2113?tls=false'], imported.io), imported.out.stdout + imported.out.stderr).toBe(0);

    const { store, clock } = openProviderYearStore();
    const { refusals } = await runProviderYear({ store, clock });
    const original = await store.readAll();
    const copy = await made[0]!.readAll();
    expect(copy).toEqual(original);
    expect(formatProviderYear(copy as typeof original, { refusals })).toBe(formatProviderYear(original, { refusals }));
  });
});
