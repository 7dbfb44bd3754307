import { StoreUnavailableError, steppingClock } from '@itt-ledger/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCli } from './cli.js';
import { EXIT } from './io.js';
import { eventLine, headerLine, trailerLine } from './jsonl/format.js';
import { connectTo, memoryIo, registry, seedStore, stockReport, tempDir, testCli } from './testing.fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'empty.jsonl'), '');
  await mkdir(join(dir, 'folder'));
});

const run = async (argv: string[], cli = testCli()) => {
  const { io, out } = memoryIo(dir);
  const code = await cli.run(argv, io);
  return { code, ...out };
};

/** A usage error: exactly one line on stderr, nothing on stdout, and the code. */
const expectOneLine = (result: { code: number; stdout: string; stderr: string }, code: number, pattern: RegExp) => {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^itt-ledger: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
};

describe('the command line: help', () => {
  it('prints the commands with --help, and the usage on stderr with exit 2 when no command is given', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const name of ['verify', 'export', 'import', 'events', 'stock', 'replay', 'entitlement', 'irps', 'mentors', 'funding', 'school-summary']) {
      expect(help.stdout).toContain(`  ${name} `);
    }
    expect(help.stdout).toContain('(coming with the domain)');
    const none = await run([]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toContain('Usage: itt-ledger <command>');
  });

  it("prints a command's options, its own and the common ones", async () => {
    const result = await run(['stock', '--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Usage: itt-ledger stock --room ID (--file PATH | --esdb CONNECTION_STRING) [options]');
    for (const flag of ['--room ID', '--file PATH', '--esdb CONNECTION_STRING', '--as-of DATE', '--known-at DATE', '--json', '--csv', '--html FILE']) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('the command line: usage errors are one line and exit 2', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--file', 'x'], /expected a command before '--file'/],
    [['replay', '--trainee', 't-1'], /'replay' comes with the domain reports/],
    [['verify', '--file', 'a.jsonl', '--bogus'], /unknown option '--bogus' for verify/],
    [['verify', '--file'], /--file needs a value/],
    [['verify', '--json=yes', '--file', 'a'], /--json does not take a value/],
    [['verify', 'stray', '--file', 'a'], /unexpected argument 'stray' for verify/],
    [['stock', '--file', 'empty.jsonl'], /stock needs --room ID/],
    [['verify', '--file', 'a.jsonl', '--esdb', 'esdb://x'], /give one source: --file or --esdb, not both/],
    [['verify'], /no source: give --file PATH or --esdb CONNECTION_STRING/],
    [['verify', '--file', 'missing.jsonl'], /--file: no such file 'missing.jsonl'/],
    [['verify', '--file', 'folder'], /--file: 'folder' is a directory/],
    [['stock', '--room', 'r', '--file', 'empty.jsonl', '--as-of', '13/09/2024'], /--as-of: expected a date \(YYYY-MM-DD\) or an ISO 8601 instant with a zone, got '13\/09\/2024'/],
    [['stock', '--room', 'r', '--file', 'empty.jsonl', '--known-at', '2024-02-30'], /--known-at: expected a date/],
    [['stock', '--room', 'r', '--file', 'empty.jsonl', '--as-of', '2024-09-13T10:00'], /--as-of: .*with a zone/],
    [['verify', '--file', 'empty.jsonl', '--json', '--csv'], /choose one output: --json, --csv were given/],
    [['verify', '--file', 'empty.jsonl', '--html', 'nowhere/report.html'], /--html: no such directory for 'nowhere\/report.html'/],
    [['export', '--file', 'empty.jsonl', '--to', 'folder'], /--to: 'folder' is a directory/],
    [['import', '--from', 'missing.jsonl', '--to', 'esdb://x'], /--from: no such file 'missing.jsonl'/],
    [['import', '--from', 'empty.jsonl'], /import needs --to CONNECTION_STRING/],
  ])('%j', async (argv, pattern) => {
    expectOneLine(await run(argv), EXIT.usage, pattern);
  });

  it('takes the store from EVENTSTORE_CONNECTION_STRING when no source is given', async () => {
    const store = await seedStore();
    const seen: string[] = [];
    const cli = testCli({ connect: async (connectionString, deps) => (seen.push(connectionString), connectTo(store)(connectionString, deps)) });
    const { io, out } = memoryIo(dir, { env: { EVENTSTORE_CONNECTION_STRING: 'esdb://env-host:2113' } });
    expect(await cli.run(['verify'], io)).toBe(EXIT.ok);
    expect(seen[0]).toBe('esdb://env-host:2113');
    expect(out.stdout).toContain('EventStoreDB esdb://env-host:2113');
  });
});

describe('the command line: failures', () => {
  it('an unreachable store is one line and exit 3, with any password hidden', async () => {
    const cli = testCli({
      connect: async () => {
        throw new StoreUnavailableError('EventStoreDB did not answer reading all events within 5000 ms');
      },
    });
    const result = await run(['verify', '--esdb', 'esdb://admin:changeit@db:2113'], cli);
    expectOneLine(result, EXIT.unreachable, /^itt-ledger: cannot reach the event store: EventStoreDB did not answer/);
  });

  it('an unexpected error is one line and exit 4; --debug adds where it happened', async () => {
    const argv = ['stock', '--room', 'r', '--esdb', 'esdb://x'];
    const withConnector = createCli({ registry, reports: [{ ...stockReport, run: () => Promise.reject(new TypeError('boom\nsecond line')) }], connect: connectTo(await seedStore()) });
    expectOneLine(await run(argv, withConnector), EXIT.failure, /^itt-ledger: unexpected error: boom second line \(--debug shows where\)\n$/);
    const debug = await run([...argv, '--debug'], withConnector);
    expect(debug.code).toBe(EXIT.failure);
    expect(debug.stderr.split('\n')[0]).toBe('itt-ledger: unexpected error: boom second line (--debug shows where)');
    expect(debug.stderr).toMatch(/at .+cli\.test\.ts/);
  });

  it('refuses to build a CLI whose commands or options clash', () => {
    expect(() => createCli({ registry, reports: [{ ...stockReport, name: 'verify' }] })).toThrow("two commands are named 'verify'");
    expect(() => createCli({ registry, reports: [{ ...stockReport, options: { file: { type: 'string', description: 'x' } } }] })).toThrow(
      "the 'stock' command's option --file clashes with a common option",
    );
  });
});

describe('the command line: on a terminal and piped', () => {
  const bigFile = async () => {
    const events = Array.from({ length: 2_000 }, (_, i) => ({
      streamId: `room-${i % 7}`,
      streamRevision: BigInt(Math.floor(i / 7)),
      globalPosition: BigInt(i),
      eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: 'ItemRemoved',
      schemaVersion: 1,
      data: { itemId: `item-${i}` },
      metadata: {},
      occurredAt: '2024-09-02T08:00:00.000Z',
      recordedAt: '2024-09-02T09:00:00.000Z',
    }));
    await writeFile(join(dir, 'big.jsonl'), [headerLine('2025-01-15T12:00:00.000Z'), ...events.map(eventLine), trailerLine(events.length)].join('\n') + '\n');
  };

  it('shows progress on stderr and colour on a terminal; neither when piped or with NO_COLOR', async () => {
    await bigFile();
    const tty = memoryIo(dir, { isTTY: true, clock: steppingClock('2025-01-15T12:00:00.000Z', 60) });
    expect(await testCli().run(['verify', '--file', 'big.jsonl'], tty.io)).toBe(EXIT.ok);
    // eslint-disable-next-line no-control-regex -- the progress line starts with the erase-line code
    expect(tty.out.stderr).toMatch(/^\r\u001b\[2Kverifying file big\.jsonl: [\d,]+ events \([\d,]+\/s\)/);
    expect(tty.out.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(tty.out.stdout).toContain('\u001b[1mVerified: no problems\u001b[22m');

    const piped = memoryIo(dir, { clock: steppingClock('2025-01-15T12:00:00.000Z', 60) });
    expect(await testCli().run(['verify', '--file', 'big.jsonl'], piped.io)).toBe(EXIT.ok);
    expect(piped.out.stderr).toBe('');
    expect(piped.out.stdout).not.toContain('\u001b');
    expect(piped.out.stdout).toContain('events: 2000');

    const noColour = memoryIo(dir, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(await testCli().run(['verify', '--file', 'big.jsonl'], noColour.io)).toBe(EXIT.ok);
    expect(noColour.out.stdout).not.toContain('\u001b');
  });
});
