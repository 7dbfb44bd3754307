import { ERASED, createInMemoryKeyStore, createIttLedgerRegistry, manualClock, seededIds, withCryptoShredding, type StoredEvent } from '@itt-ledger/core';
import { expect, it } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';
import { useTestServer } from './testServer.fixtures.js';

// Sealed personal values leave the process as JSON and come back through the registry's decode: the
// sealed shape must validate there too, and open (or read as erased) on the way out of the decorator.
const server = useTestServer();

it('a sealed event round-trips through EventStoreDB: ciphertext on the server, plaintext through the decorator, erased once forgotten', async () => {
  const registry = createIttLedgerRegistry();
  const clock = manualClock('2024-09-02T09:00:00.000Z');
  const inner = createEventStoreDbStore({ registry, clock, ids: seededIds(5), connectionString: server.connectionString });
  const keyStore = createInMemoryKeyStore();
  const store = withCryptoShredding(inner, { keyStore });
  const mentorId = `mentor-asha-${Date.now().toString(36)}`;
  const data = { mentorId, schoolId: 'school-oak', name: 'Asha Patel', email: 'asha@oak.sch.uk', trn: '1234567' };
  try {
    await store.appendToStream(mentorId, [{ type: 'MentorRegistered', data, occurredAt: '2024-09-02T08:00:00.000Z' }]);

    const [raw] = await inner.readStream(mentorId);
    expect(JSON.stringify(raw!.data)).not.toMatch(/Asha|oak\.sch|1234567/);
    expect(raw!.data).toMatchObject({ mentorId, name: { $sealed: { v: 1 } } });
    expect((await store.readStream(mentorId))[0]!.data).toEqual(data);

    await keyStore.forget(mentorId);
    expect((await store.readStream(mentorId))[0]!.data).toEqual({ mentorId, schoolId: 'school-oak', name: ERASED, email: ERASED, trn: ERASED });
    const delivered: StoredEvent[] = [];
    const subscription = store.subscribe(
      { onEvent: (event) => void delivered.push(event), onCaughtUp: () => void subscription.close() },
      { filter: { streamPrefixes: [mentorId] } },
    );
    expect(await subscription.done).toEqual({ reason: 'closed' });
    expect(delivered.map((event) => event.data)).toEqual([{ mentorId, schoolId: 'school-oak', name: ERASED, email: ERASED, trn: ERASED }]);
  } finally {
    await store.close();
  }
});
