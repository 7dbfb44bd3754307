import { fixedClock, manualClock, seededIds, type NewEvent } from '@itt-ledger/core';
import type { ContractEvent } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { connectTo, memoryIo, registry, tempDir, testCli } from '../testing.fixtures.js';
import { connectEventStoreDb } from './eventStoreDb.js';

// Against a real gRPC server: the wire-compatible test server .ci/run starts (EVENTSTORE_TEST_SERVER).
// Streams carry a prefix of their own, since the server is shared with the adapter's contract tests.
const server = process.env.EVENTSTORE_TEST_SERVER;

describe.skipIf(!server)(server ? 'the CLI over EventStoreDB' : 'the CLI over EventStoreDB (skipped: EVENTSTORE_TEST_SERVER is not set; .ci/run starts a test server)', () => {
  it('imports an export into EventStoreDB keeping ids, revisions and recordedAt, and reads it back as of a date', async () => {
    const prefix = `cli-${Date.now().toString(36)}-`;
    const clock = manualClock('2024-09-02T17:00:00.000Z');
    const memory = createInMemoryEventStore({ registry, clock, ids: seededIds(11) });
    // As an older (v1) writer sent it: no unit.
    const v1 = { type: 'ItemAdded', schemaVersion: 1, data: { itemId: 'cup', quantity: 2 }, occurredAt: '2024-09-02T09:00:00Z' } as unknown as NewEvent<ContractEvent>;
    await memory.appendToStream(`${prefix}room-1`, [v1]);
    clock.set('2024-09-20T17:00:00.000Z');
    await memory.appendToStream(`${prefix}room-1`, [
      { type: 'ItemRemoved', data: { itemId: 'cup' }, occurredAt: '2024-09-12T09:00:00Z', metadata: { actor: 'mentor-7' } },
      { type: 'NoteWritten', data: { authorId: 'a', text: 'late', tags: [] }, occurredAt: '2024-09-12T10:00:00Z' },
    ]);
    const dir = await tempDir();
    const exported = memoryIo(dir);
    expect(await testCli({ connect: connectTo(memory) }).run(['export', '--esdb', 'esdb://memory', '--to', 'history.jsonl'], exported.io)).toBe(EXIT.ok);

    const imported = memoryIo(dir);
    expect(await testCli().run(['import', '--from', 'history.jsonl', '--to', server!], imported.io)).toBe(EXIT.ok);
    expect(imported.out.stdout).toContain('imported: 3');

    const store = await connectEventStoreDb(server!, { registry, clock: fixedClock('2030-01-01T00:00:00Z') });
    try {
      const strip = ({ globalPosition: _, ...event }: { globalPosition: bigint }) => event;
      expect((await store.readStream(`${prefix}room-1`)).map(strip)).toEqual((await memory.readStream(`${prefix}room-1`)).map(strip));
    } finally {
      await store.close();
    }

    const known = memoryIo(dir);
    expect(await testCli().run(['events', '--esdb', server!, '--stream', `${prefix}room-1`, '--known-at', '2024-09-10', '--json'], known.io)).toBe(EXIT.ok);
    expect(JSON.parse(known.out.stdout).tables[0].rows.map((row: { type: string }) => row.type)).toEqual(['ItemAdded']);

    const again = memoryIo(dir);
    expect(await testCli().run(['import', '--from', 'history.jsonl', '--to', server!], again.io)).toBe(EXIT.problems);
    expect(again.out.stdout).toContain('Not imported: 1 stream already in the target');
  });
});
