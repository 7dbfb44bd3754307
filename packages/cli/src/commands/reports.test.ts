import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { connectTo, memoryIo, seedStore, tempDir, testCli } from '../testing.fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  const { io } = memoryIo(dir);
  expect(await testCli({ connect: connectTo(await seedStore()) }).run(['export', '--esdb', 'esdb://seed', '--to', 'seed.jsonl'], io)).toBe(EXIT.ok);
});

const json = async (argv: string[]) => {
  const { io, out } = memoryIo(dir);
  const code = await testCli({ connect: connectTo(await seedStore()) }).run([...argv, '--json'], io);
  expect(out.stderr).toBe('');
  return { code, report: JSON.parse(out.stdout) };
};

describe('a domain report plugged in', () => {
  it('gets its own option, the source as a store and both clocks; the file and the store give the same answer', async () => {
    for (const source of [['--file', 'seed.jsonl'], ['--esdb', 'esdb://seed']]) {
      const now = await json(['stock', '--room', 'room-1', ...source]);
      expect(now.code).toBe(EXIT.ok);
      expect(now.report.timeline.map((e: { text: string; correction?: string }) => [e.text, e.correction])).toEqual([
        ['2 × cup', undefined],
        ['1 × pan', undefined],
        ['4 × jug', 'withdrawn (recorded 2024-09-20T17:00:00.000Z)'],
      ]);
      // Happened by the 13th, as known on the 15th: the jug was there; its withdrawal was not yet recorded.
      const known = await json(['stock', '--room', 'room-1', ...source, '--as-of', '2024-09-13', '--known-at', '2024-09-15T00:00:00+01:00']);
      expect(known.report.meta).toEqual({ source: expect.any(String), asOf: '2024-09-13T23:59:59.999Z', knownAt: '2024-09-14T23:00:00.000Z', generatedAt: '2025-01-15T12:00:00.000Z' });
      expect(known.report.timeline.map((e: { correction?: string }) => e.correction)).toEqual([undefined, undefined, undefined]);
      // Known on the 10th: the jug had happened (the 12th is later anyway) and was not yet recorded.
      const before = await json(['stock', '--room', 'room-1', ...source, '--known-at', '2024-09-10']);
      expect(before.report.timeline.map((e: { text: string }) => e.text)).toEqual(['2 × cup', '1 × pan']);
    }
  });

  it('prints the weekly entitlement and the timeline as aligned tables, and CSV with one block per table', async () => {
    const { io, out } = memoryIo(dir);
    expect(await testCli().run(['stock', '--room', 'room-1', '--file', 'seed.jsonl', '--as-of', '2024-09-30'], io)).toBe(EXIT.ok);
    expect(out.stdout).toContain('Stock of room-1\nfile seed.jsonl · as of 2024-09-30T23:59:59.999Z (what had happened)\n');
    expect(out.stdout).toContain(
      [
        'week        entitled (min)  received (min)  short week',
        '──────────  ──────────────  ──────────────  ────────────────────────────',
        '2024-09-02              60              45',
        '2024-09-09              60              60  half-term, "closed" <Friday>',
      ].join('\n'),
    );
    const csv = memoryIo(dir);
    expect(await testCli().run(['stock', '--room', 'room-1', '--file', 'seed.jsonl', '--csv'], csv.io)).toBe(EXIT.ok);
    const blocks = csv.out.stdout.split('\r\n\r\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.split('\r\n')[0]).toBe('date,recordedAt,kind,text,correction');
    expect(blocks[1]).toBe('week,entitledMinutes,receivedMinutes,exemptReason\r\n2024-09-02,60,45,\r\n2024-09-09,60,60,"half-term, ""closed"" <Friday>"\r\n');
  });

  it('writes an HTML page with --html', async () => {
    const { io, out } = memoryIo(dir);
    expect(await testCli().run(['stock', '--room', 'room-1', '--file', 'seed.jsonl', '--html', 'stock.html'], io)).toBe(EXIT.ok);
    expect(out.stdout).toBe('wrote stock.html\n');
    const html = await readFile(join(dir, 'stock.html'), 'utf8');
    expect(html).toContain('<h1>Stock of room-1</h1>');
    expect(html).toContain('half-term, &quot;closed&quot; &lt;Friday&gt;');
  });

  it('refuses, in one line and exit 1, a file that does not verify', async () => {
    const text = await readFile(join(dir, 'seed.jsonl'), 'utf8');
    await writeFile(join(dir, 'bad.jsonl'), text.replace('"streamRevision":"1"', '"streamRevision":"7"'));
    const { io, out } = memoryIo(dir);
    expect(await testCli().run(['stock', '--room', 'room-1', '--file', 'bad.jsonl'], io)).toBe(EXIT.problems);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'itt-ledger: file bad.jsonl does not verify: line 3 (room-1@7) streamRevision: revision 1 to 6 of the stream is missing (itt-ledger verify --file bad.jsonl lists every problem)\n',
    );
  });
});

describe('events', () => {
  it('lists the raw events of a stream as of a date, corrections included', async () => {
    const all = await json(['events', '--file', 'seed.jsonl', '--stream', 'room-1']);
    expect(all.report.tables[0].rows.map((row: { type: string }) => row.type)).toEqual(['ItemAdded', 'ItemAdded', 'ItemAdded', 'NoteWritten', 'ItemRemoved']);
    const byType = await json(['events', '--esdb', 'esdb://seed', '--type', 'ItemAdded', '--known-at', '2024-09-05']);
    expect(byType.report.tables[0].rows.map((row: { streamId: string; data: string }) => [row.streamId, row.data])).toEqual([
      ['room-1', '{"itemId":"cup","quantity":2,"unit":"each"}'],
      ['room-1', '{"itemId":"pan","quantity":1,"unit":"each"}'],
      ['room-2', '{"itemId":"mug","quantity":3,"unit":"each"}'],
    ]);
    expect(byType.report.summary).toEqual({ events: 3 });
  });
});
