import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { eventLine, headerLine, trailerLine } from '../jsonl/format.js';
import { connectTo, memoryIo, seedStore, tempDir, testCli } from '../testing.fixtures.js';

let dir: string;
let valid: string[];
beforeAll(async () => {
  dir = await tempDir();
  const events = await (await seedStore()).readAll();
  valid = [headerLine('2025-01-15T12:00:00.000Z'), ...events.map(eventLine), trailerLine(events.length)];
});

type Row = { line?: number; streamId?: string; streamRevision?: string; field?: string; message: string };

const verifyText = async (text: string) => {
  await writeFile(join(dir, 'under-test.jsonl'), text);
  const { io, out } = memoryIo(dir);
  const code = await testCli().run(['verify', '--file', 'under-test.jsonl', '--json'], io);
  const report = JSON.parse(out.stdout) as { title: string; summary: Record<string, number>; tables: { rows: Row[] }[] };
  return { code, report, rows: report.tables[0]!.rows };
};

/** The valid export with line `n` (1-based) replaced; `edit` gets the parsed envelope. */
const withLine = (n: number, edit: (event: Record<string, unknown>) => unknown) =>
  valid.map((line, i) => (i === n - 1 ? JSON.stringify(edit(JSON.parse(line))) : line)).join('\n') + '\n';

describe('verify', () => {
  it('passes a valid export and a store, with counts', async () => {
    const file = await verifyText(valid.join('\n') + '\n');
    expect(file.code).toBe(EXIT.ok);
    expect(file.report.title).toBe('Verified: no problems');
    expect(file.report.summary).toEqual({ events: 6, streams: 2, problems: 0 });

    const { io, out } = memoryIo(dir);
    expect(await testCli({ connect: connectTo(await seedStore()) }).run(['verify', '--esdb', 'esdb://x'], io)).toBe(EXIT.ok);
    expect(out.stdout).toBe('Verified: no problems\nEventStoreDB esdb://x\n\nstream  revision  field  problem\n──────  ────────  ─────  ───────\n(none)\n\nevents: 6\nstreams: 2\nproblems: 0\n');
  });

  it('takes EventStoreDB positions (128 bits) as they come', async () => {
    const big = (n: number) => String((BigInt(n + 1000) << 64n) | BigInt(n + 1000));
    expect((await verifyText(valid.map((line, i) => (i === 0 || i === valid.length - 1 ? line : JSON.stringify({ ...JSON.parse(line), globalPosition: big(i) }))).join('\n'))).code).toBe(EXIT.ok);
    expect((await verifyText(withLine(2, (e) => ({ ...e, globalPosition: '3'.repeat(40) })))).rows[0]).toMatchObject({ line: 2, field: 'globalPosition' });
  });

  it('accepts CRLF line ends and a byte order mark', async () => {
    expect((await verifyText('\ufeff' + valid.join('\r\n') + '\r\n')).code).toBe(EXIT.ok);
  });

  it('upcasts what older writers wrote, and checks it against its own version', async () => {
    const v1 = (data: unknown) => withLine(2, (e) => ({ ...e, schemaVersion: 1, data }));
    expect((await verifyText(v1({ itemId: 'cup', quantity: 2 }))).code).toBe(EXIT.ok);
    const bad = await verifyText(v1({ itemId: 'cup', quantity: -2 }));
    expect(bad.rows).toEqual([{ line: 2, streamId: 'room-1', streamRevision: '0', field: 'data.quantity', message: expect.stringContaining('>=0') }]);
    const unknownVersion = await verifyText(withLine(2, (e) => ({ ...e, schemaVersion: 3 })));
    expect(unknownVersion.rows).toEqual([expect.objectContaining({ line: 2, field: 'schemaVersion', message: 'no schema version 3' })]);
  });

  it.each<[string, number, (e: Record<string, unknown>) => unknown, Partial<Row>]>([
    ['an unknown event type', 3, (e) => ({ ...e, type: 'ItemStolen' }), { field: 'type', message: "unknown event type 'ItemStolen'" }],
    ['data that does not parse', 3, (e) => ({ ...e, data: { itemId: '' } }), { field: 'data.itemId' }],
    ['a missing field', 3, ({ occurredAt: _, ...e }) => e, { field: 'occurredAt', message: 'missing' }],
    ['an unknown field', 3, (e) => ({ ...e, note: 'x' }), { field: 'note', message: 'unknown field' }],
    ['a revision as a number', 3, (e) => ({ ...e, streamRevision: 1 }), { field: 'streamRevision', message: 'expected a decimal string such as "0", got 1' }],
    ['a position with a sign', 3, (e) => ({ ...e, globalPosition: '-1' }), { field: 'globalPosition' }],
    ['an instant without a zone', 3, (e) => ({ ...e, recordedAt: '2024-09-02T17:00:00' }), { field: 'recordedAt' }],
    ['metadata that is not an object', 3, (e) => ({ ...e, metadata: 'actor' }), { field: 'metadata', message: 'expected an object, got string' }],
    ['unknown metadata', 3, (e) => ({ ...e, metadata: { ip: '10.0.0.1' } }), { field: 'metadata.ip' }],
    ['an event id that is not a UUID', 3, (e) => ({ ...e, eventId: 'event-1' }), { field: 'eventId', message: 'expected a UUID' }],
    ['a revision gap', 3, (e) => ({ ...e, streamRevision: '2' }), { field: 'streamRevision', message: 'revision 1 of the stream is missing' }],
    ['a position not after the previous', 3, (e) => ({ ...e, globalPosition: '0' }), { field: 'globalPosition', message: "position 0 is not after the previous event's 0" }],
    ['an event id used before', 3, (e) => ({ ...e, eventId: JSON.parse(valid[1]!).eventId }), { field: 'eventId', message: expect.stringMatching(/was already used \(line 2\)$/) }],
    ['an array', 3, () => [1], { message: 'expected a JSON object, got an array' }],
    ['a future schema version', 3, (e) => ({ ...e, schemaVersion: 99 }), { field: 'schemaVersion', message: 'no schema version 99' }],
    ['a revision beyond 2^64 - 1', 3, (e) => ({ ...e, streamRevision: String(2n ** 64n) }), { field: 'streamRevision' }],
    ['a business date that does not exist', 3, (e) => ({ ...e, occurredAt: '2024-02-30T08:00:00.000Z' }), { field: 'occurredAt' }],
    ['a __proto__ key', 3, (e) => JSON.parse(JSON.stringify(e).replace('{', '{"__proto__":{"polluted":true},')), { field: '__proto__', message: 'unknown field' }],
  ])('reports %s with its line and field', async (_name, line, edit, expected) => {
    const { code, rows } = await verifyText(withLine(line, edit));
    expect(code).toBe(EXIT.problems);
    expect(rows[0]).toMatchObject({ line, ...expected });
  });

  it('reports a truncated line, a blank line, and the lines of the header and trailer', async () => {
    const cases: [string, Partial<Row>][] = [
      [[...valid.slice(0, 3), valid[3]!.slice(0, 50), ...valid.slice(4)].join('\n'), { line: 4, message: expect.stringMatching(/^invalid JSON \(a truncated line\?\)/) }],
      [[...valid.slice(0, 3), '', ...valid.slice(3)].join('\n'), { line: 4, message: 'empty line' }],
      [valid.slice(0, 5).join('\n') + '\n', { line: 6, message: 'the file ends without its trailer line: it was cut short' }],
      [[...valid.slice(0, 7), trailerLine(5)].join('\n'), { line: 8, field: 'events', message: 'the trailer counts 5 events, the file has 6 event lines' }],
      [[...valid.slice(0, 3), trailerLine(2), ...valid.slice(3)].join('\n'), { line: 4, message: 'the trailer must be the last line' }],
      [['{"format":"itt-ledger/events","version":2}', ...valid.slice(1)].join('\n'), { line: 1, field: 'version', message: 'this itt-ledger reads format version 1, got 2' }],
      [valid.slice(1).join('\n'), { line: 1, field: 'format', message: expect.stringContaining('expected the export header') }],
      ['', { line: 1, message: 'empty file: expected the export header' }],
    ];
    for (const [text, expected] of cases) {
      const { code, rows } = await verifyText(text);
      expect(code).toBe(EXIT.problems);
      expect(rows).toContainEqual(expect.objectContaining(expected));
    }
  });

  it('reports a truncated last line, and the trailer it lost, each with its line', async () => {
    const { code, rows } = await verifyText([...valid.slice(0, 6), valid[6]!.slice(0, 30)].join('\n'));
    expect(code).toBe(EXIT.problems);
    expect(rows).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringMatching(/^invalid JSON \(a truncated line\?\)/) }),
      expect.objectContaining({ line: 8, message: 'the file ends without its trailer line: it was cut short' }),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('prints each problem with line, stream and revision in the terminal table', async () => {
    await writeFile(join(dir, 'gap.jsonl'), withLine(3, (e) => ({ ...e, streamRevision: '2' })));
    const { io, out } = memoryIo(dir);
    expect(await testCli().run(['verify', '--file', 'gap.jsonl'], io)).toBe(EXIT.problems);
    expect(out.stdout).toContain('Verified: 2 problems');
    expect(out.stdout).toMatch(/\n {3}3 {2}room-1 +2 {2}streamRevision {2}revision 1 of the stream is missing\n/);
    expect(out.stdout).toMatch(/\n {3}5 {2}room-1 +2 {2}streamRevision {2}revision 2 comes again: the stream is already at 2\n/);
  });
});
