import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInMemoryEventStore, type InMemoryEventStore } from '@itt-ledger/store-memory';
import type { ContractEvent } from '@itt-ledger/core/testing/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import type { StoreConnector } from '../sources/storeSource.js';
import { connectTo, memoryIo, registry, seedStore, tempDir, testCli } from '../testing.fixtures.js';

let dir: string;
let source: InMemoryEventStore<ContractEvent>;
beforeEach(async () => {
  dir = await tempDir();
  source = await seedStore();
});

/** A connector for `import --to`: a fresh in-memory store built with the CLI's registry and clock, as the adapter would be. */
const intoMemory = () => {
  const made: InMemoryEventStore<ContractEvent>[] = [];
  const connect: StoreConnector = async (_connectionString, { clock }) => {
    const store = createInMemoryEventStore({ registry, clock });
    made.push(store);
    return connectTo(store)('', { registry, clock });
  };
  return { connect, made };
};

const exportTo = async (file: string) => {
  const { io, out } = memoryIo(dir);
  const code = await testCli({ connect: connectTo(source) }).run(['export', '--esdb', 'esdb://source', '--to', file], io);
  return { code, ...out };
};

describe('export and import', () => {
  it('export writes a header, one envelope per line in global order, and a trailer', async () => {
    const result = await exportTo('history.jsonl');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Exported to history.jsonl');
    expect(result.stdout).toContain('events: 6');
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'itt-ledger/events', version: 1, exportedAt: '2025-01-15T12:00:00.000Z' });
    expect(JSON.parse(lines[7]!)).toEqual({ format: 'itt-ledger/events', end: true, events: 6 });
    const first = JSON.parse(lines[1]!);
    expect(Object.keys(first)).toEqual(['streamId', 'streamRevision', 'globalPosition', 'eventId', 'type', 'schemaVersion', 'data', 'metadata', 'occurredAt', 'recordedAt']);
    expect(first).toMatchObject({ streamId: 'room-1', streamRevision: '0', globalPosition: '0', type: 'ItemAdded', occurredAt: '2024-09-02T09:00:00.000Z', recordedAt: '2024-09-02T17:00:00.000Z' });
    // Bigints travel as decimal strings.
    expect(lines.slice(1, 7).map((line) => JSON.parse(line).globalPosition)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(await readdir(dir)).toEqual(['history.jsonl']);
  });

  it('export then import gives identical events: ids, revisions, data, metadata and both clocks', async () => {
    expect((await exportTo('history.jsonl')).code).toBe(EXIT.ok);
    const target = intoMemory();
    const { io, out } = memoryIo(dir);
    const code = await testCli({ connect: target.connect }).run(['import', '--from', 'history.jsonl', '--to', 'esdb://admin:secret@target:2113'], io);
    expect(code).toBe(EXIT.ok);
    expect(out.stdout).toContain('imported: 6');
    expect(out.stdout).toContain('to: esdb://admin:***@target:2113');
    expect(out.stdout).not.toContain('secret');
    expect(await target.made[0]!.readAll()).toEqual(await source.readAll());
  });

  it('export of the file gives the same bytes again', async () => {
    await exportTo('first.jsonl');
    const { io } = memoryIo(dir);
    expect(await testCli().run(['export', '--file', 'first.jsonl', '--to', 'second.jsonl'], io)).toBe(EXIT.ok);
    expect(await readFile(join(dir, 'second.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'first.jsonl'), 'utf8'));
  });

  it('import writes nothing when a stream of the file already exists in the target', async () => {
    await exportTo('history.jsonl');
    const target = createInMemoryEventStore({ registry });
    await target.appendToStream('room-2', [{ type: 'ItemRemoved', data: { itemId: 'x' }, occurredAt: '2024-09-01T00:00:00Z' }]);
    const { io, out } = memoryIo(dir);
    const code = await testCli({ connect: connectTo(target) }).run(['import', '--from', 'history.jsonl', '--to', 'esdb://target'], io);
    expect(code).toBe(EXIT.problems);
    expect(out.stdout).toContain('Not imported: 1 stream already in the target');
    expect(out.stdout).toMatch(/room-2 +the stream already exists in the target/);
    expect(target.size()).toBe(1);
  });

  it('import writes nothing from a file that does not verify, and lists each problem with its line', async () => {
    await exportTo('history.jsonl');
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).split('\n');
    lines[3] = lines[3]!.replace('"streamRevision":"0"', '"streamRevision":0');
    lines[5] = lines[5]!.slice(0, 40);
    await writeFile(join(dir, 'broken.jsonl'), lines.join('\n'));
    const target = intoMemory();
    const { io, out } = memoryIo(dir);
    const code = await testCli({ connect: target.connect }).run(['import', '--from', 'broken.jsonl', '--to', 'esdb://target', '--json'], io);
    expect(code).toBe(EXIT.problems);
    const report = JSON.parse(out.stdout);
    expect(report.title).toBe('Not imported: 3 problems in broken.jsonl');
    // The truncated line 6 held room-1@3, so line 7 (room-1@4) follows a gap.
    expect(report.tables[0].rows.map((row: { line: number; field?: string; message: string }) => [row.line, row.field, row.message])).toEqual([
      [4, 'streamRevision', 'expected a decimal string such as "0", got 0'],
      [6, undefined, expect.stringMatching(/^invalid JSON \(a truncated line\?\)/)],
      [7, 'streamRevision', 'revision 3 of the stream is missing'],
    ]);
    expect(report.summary).toMatchObject({ imported: 0, problems: 3 });
    // Not even connected: the file failed first.
    expect(target.made).toHaveLength(0);
  });

  // lines: 1 header, 2–7 events, 8 trailer; each edit breaks one thing and names the line it is on.
  it.each<[string, (lines: string[]) => string[], number]>([
    ['a malformed JSON line', (l) => [...l.slice(0, 2), '{"streamId": "room-1",,}', ...l.slice(3)], 3],
    ['a truncated last line', (l) => [...l.slice(0, 6), l[6]!.slice(0, 30)], 7],
    ['a field of the wrong type', (l) => l.map((line, i) => (i === 3 ? line.replace(/"schemaVersion":\d+/, '"schemaVersion":"2"') : line)), 4],
    ['an unknown event type', (l) => l.map((line, i) => (i === 2 ? line.replace(/"type":"[A-Za-z]+"/, '"type":"ItemStolen"') : line)), 3],
    ['a future schema version', (l) => l.map((line, i) => (i === 2 ? line.replace(/"schemaVersion":\d+/, '"schemaVersion":99') : line)), 3],
    ['a duplicated event id', (l) => l.map((line, i) => (i === 4 ? JSON.stringify({ ...JSON.parse(line), eventId: JSON.parse(l[1]!).eventId }) : line)), 5],
    ['no trailer', (l) => l.slice(0, 7), 8],
  ])('import writes nothing from a file with %s, and reports its line', async (_name, edit, line) => {
    await exportTo('history.jsonl');
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    await writeFile(join(dir, 'broken.jsonl'), edit(lines).join('\n') + '\n');
    const target = intoMemory();
    const { io, out } = memoryIo(dir);
    expect(await testCli({ connect: target.connect }).run(['import', '--from', 'broken.jsonl', '--to', 'esdb://target', '--json'], io)).toBe(EXIT.problems);
    const report = JSON.parse(out.stdout);
    expect(report.tables[0].rows.map((row: { line: number }) => row.line)).toContain(line);
    expect(report.summary).toMatchObject({ imported: 0 });
    expect(target.made).toHaveLength(0);
  });

  it('export refuses a source that does not verify, leaving no file and an existing one untouched', async () => {
    await writeFile(join(dir, 'kept.jsonl'), 'an earlier export\n');
    await writeFile(join(dir, 'bad.jsonl'), '{"format":"itt-ledger/events","version":1}\n{"streamId":"a"}\n');
    const { io, out } = memoryIo(dir);
    expect(await testCli().run(['export', '--file', 'bad.jsonl', '--to', 'kept.jsonl'], io)).toBe(EXIT.problems);
    expect(out.stdout).toContain('Not exported');
    expect(await readFile(join(dir, 'kept.jsonl'), 'utf8')).toBe('an earlier export\n');
    expect((await readdir(dir)).sort()).toEqual(['bad.jsonl', 'kept.jsonl']);
  });
});
