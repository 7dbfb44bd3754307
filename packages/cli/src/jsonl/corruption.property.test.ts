import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manualClock, seededIds } from '@itt-ledger/core';
import { instantArbitrary } from '@itt-ledger/core/testing';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import type { StoreConnector } from '../sources/storeSource.js';
import { memoryIo, registry, tempDir, testCli } from '../testing.fixtures.js';
import { EVENT_FIELDS, eventLine, headerLine, trailerLine } from './format.js';

// A random history: appends to three streams, each at a random business time, recorded later and later.
const historyArb = fc.array(
  fc.record({
    stream: fc.constantFrom('room-a', 'room-b', 'room-c'),
    occurredAt: instantArbitrary('2024-09-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z'),
    laterMs: fc.integer({ min: 0, max: 86_400_000 }),
    items: fc.array(fc.record({ itemId: fc.string({ minLength: 1, maxLength: 8 }), quantity: fc.nat(50) }), { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 8 },
);

const WRONG: Readonly<Record<string, unknown>> = {
  streamId: 5,
  streamRevision: 5,
  globalPosition: true,
  eventId: null,
  type: 7,
  schemaVersion: 'one',
  data: 'text',
  metadata: [],
  occurredAt: 12,
  recordedAt: 'yesterday',
};

type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'wrongType'; field: number }
  | { kind: 'garbage'; text: string }
  | { kind: 'unknownType' }
  | { kind: 'duplicateId'; of: number }
  | { kind: 'revisionGap'; by: number }
  | { kind: 'positionBack' };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrongType' as const), field: fc.nat() }),
  fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)) }),
  fc.constant({ kind: 'unknownType' as const }),
  fc.record({ kind: fc.constant('duplicateId' as const), of: fc.nat() }),
  fc.record({ kind: fc.constant('revisionGap' as const), by: fc.integer({ min: 1, max: 5 }) }),
  fc.constant({ kind: 'positionBack' as const }),
);

/** Line `index` (0-based) of `lines`, corrupted; event-only corruptions fall back to truncation elsewhere. */
const corrupt = (lines: readonly string[], index: number, corruption: Corruption): string => {
  const line = lines[index]!;
  const isEvent = index > 0 && index < lines.length - 1;
  const parsed = JSON.parse(line) as Record<string, unknown>;
  const truncate = (at: number) => line.slice(0, at % line.length);
  switch (corruption.kind) {
    case 'truncate':
      return truncate(corruption.at);
    case 'garbage':
      return corruption.text === line ? '' : corruption.text;
    case 'wrongType': {
      if (!isEvent) return JSON.stringify({ ...parsed, [index === 0 ? 'version' : 'events']: 'many' });
      const field = EVENT_FIELDS[corruption.field % EVENT_FIELDS.length]!;
      return JSON.stringify({ ...parsed, [field]: WRONG[field] });
    }
    case 'unknownType':
      return isEvent ? JSON.stringify({ ...parsed, type: 'NoSuchEvent' }) : truncate(line.length - 1);
    case 'duplicateId':
      return isEvent && index > 1 ? JSON.stringify({ ...parsed, eventId: JSON.parse(lines[1 + (corruption.of % (index - 1))]!).eventId }) : truncate(1);
    case 'revisionGap':
      return isEvent ? JSON.stringify({ ...parsed, streamRevision: String(BigInt(parsed.streamRevision as string) + BigInt(corruption.by)) }) : truncate(2);
    case 'positionBack':
      return isEvent && index > 1 ? JSON.stringify({ ...parsed, globalPosition: JSON.parse(lines[index - 1]!).globalPosition }) : truncate(3);
  }
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe('malformed export files (property)', () => {
  it('corrupting any one line of a valid export is reported with that line number, and import writes nothing', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, fc.nat(), corruptionArb, async (history, pick, corruption) => {
        const clock = manualClock('2024-09-01T00:00:00.000Z');
        const store = createInMemoryEventStore({ registry, clock, ids: seededIds(3) });
        for (const step of history) {
          clock.advance(step.laterMs);
          await store.appendToStream(
            step.stream,
            step.items.map((data) => ({ type: 'ItemAdded' as const, data: { ...data, unit: 'each' }, occurredAt: step.occurredAt })),
          );
        }
        const events = await store.readAll();
        const lines = [headerLine('2025-01-15T12:00:00.000Z'), ...events.map(eventLine), trailerLine(events.length)];
        const index = pick % lines.length;
        const file = `run-${++runs}.jsonl`;
        await writeFile(join(dir, `clean-${file}`), lines.join('\n') + '\n');
        expect(await testCli().run(['verify', '--file', `clean-${file}`], memoryIo(dir).io)).toBe(EXIT.ok);
        await writeFile(join(dir, file), lines.map((line, i) => (i === index ? corrupt(lines, index, corruption) : line)).join('\n') + '\n');

        const verify = memoryIo(dir);
        expect(await testCli().run(['verify', '--file', file, '--json'], verify.io)).toBe(EXIT.problems);
        const rows = (JSON.parse(verify.out.stdout) as { tables: { rows: { line?: number }[] }[] }).tables[0]!.rows;
        expect(rows.map((row) => row.line)).toContain(index + 1);

        let connected = 0;
        const connect: StoreConnector = async (_cs, deps) => (connected++, createInMemoryEventStore({ registry: deps.registry, clock: deps.clock }));
        const imported = memoryIo(dir);
        expect(await testCli({ connect }).run(['import', '--from', file, '--to', 'esdb://target'], imported.io)).toBe(EXIT.problems);
        expect(imported.out.stdout).toContain('imported: 0');
        expect(connected).toBe(0);
      }),
      { numRuns: 200, seed: 20240902 },
    );
  });
});
