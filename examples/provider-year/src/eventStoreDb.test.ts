import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@itt-ledger/eventstoredb-testserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from './demo.js';
import type { YearEvent } from './directory.js';
import { runProviderYear } from './providerYear.js';
import { formatProviderYear } from './report.js';
import { openProviderYearStore } from './stores.js';

// Over real gRPC with the real client, against the wire-compatible test server: the one CI starts
// (EVENTSTORE_TEST_SERVER), or one started here. Each run writes under its own stream prefix.
let server: TestServer | undefined;
let connectionString = process.env.EVENTSTORE_TEST_SERVER ?? '';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provider-year-esdb-'));
  if (connectionString) return;
  server = await startTestServer();
  connectionString = server.connectionString;
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const year = async (options: { readonly connectionString?: string; readonly streamPrefix?: string }) => {
  const { store, clock } = openProviderYearStore(options);
  try {
    const { refusals } = await runProviderYear({ store, clock });
    const events = await store.readAll();
    return { events, report: formatProviderYear(events, { refusals }) };
  } finally {
    await store.close();
  }
};

/** Positions differ by design (an index in memory, $all offsets on the server): compare their order instead. */
const ranked = (events: readonly YearEvent[]) => events.map((event, i) => ({ ...event, globalPosition: BigInt(i) }));
const json = (value: unknown) => JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? `${field}n` : field));

const demo = async (env: Record<string, string>, file: string) => {
  const out = { stdout: '', stderr: '' };
  const code = await runDemo({
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: { EVENTSTORE_CONNECTION_STRING: connectionString, ...env },
    exportPath: join(dir, file),
    cwd: dir,
  });
  return { code, ...out };
};

describe('the provider year on EventStoreDB', () => {
  it('reads back every event exactly as the in-memory store holds it, and reports the same bytes', async () => {
    const memory = await year({});
    const esdb = await year({ connectionString, streamPrefix: `py-${randomUUID()}/` });
    expect(esdb.events).toHaveLength(memory.events.length);
    const positions = esdb.events.map((event) => event.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ranked(esdb.events)).toStrictEqual(ranked(memory.events));
    expect(json(ranked(esdb.events))).toBe(json(ranked(memory.events)));
    expect(esdb.events.every((event) => Object.isFrozen(event) && Object.isFrozen(event.data))).toBe(true);
    expect(esdb.report).toBe(memory.report);
  });

  it('runs as the demo with one environment variable, again and again on one server, printing what the in-memory demo prints', async () => {
    const memory = await demo({ EVENTSTORE_CONNECTION_STRING: '' }, 'year.jsonl');
    const memoryExport = await readFile(join(dir, 'year.jsonl'), 'utf8');
    const [first, second] = [await demo({}, 'year.jsonl'), await demo({}, 'year.jsonl')];
    expect([memory.code, first.code, second.code], first.stderr + second.stderr).toEqual([0, 0, 0]);
    expect(first.stderr).toMatch(/^provider year: writing to EventStoreDB at esdb:\/\/.*, under the stream prefix "provider-year-[0-9a-f]{8}\/"\n$/);
    expect(second.stderr).not.toBe(first.stderr);
    expect(first.stdout).toBe(memory.stdout);
    expect(second.stdout).toBe(memory.stdout);
    // The export is the server's: the same lines but for the $all positions.
    const withoutPositions = (text: string) => text.replace(/"globalPosition":"\d+"/g, '"globalPosition":"-"');
    const esdbExport = await readFile(join(dir, 'year.jsonl'), 'utf8');
    expect(esdbExport).not.toBe(memoryExport);
    expect(withoutPositions(esdbExport)).toBe(withoutPositions(memoryExport));
  });

  it('refuses politely to write a second year under a prefix that holds one', async () => {
    const env = { PROVIDER_YEAR_STREAM_PREFIX: `py-${randomUUID()}/` };
    expect((await demo(env, 'once.jsonl')).code).toBe(0);
    const again = await demo(env, 'twice.jsonl');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/provider year failed: .*holds events .*leave PROVIDER_YEAR_STREAM_PREFIX unset and each run writes under a fresh prefix\n$/);
  });
});
