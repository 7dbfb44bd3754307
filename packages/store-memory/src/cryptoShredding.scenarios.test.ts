import {
  ERASED,
  createInMemoryKeyStore,
  createIttLedgerRegistry,
  createProjectionRunner,
  ittLedgerProjections,
  manualClock,
  seededIds,
  withCryptoShredding,
  type AnyProjection,
  type EventStore,
  type IttLedgerEvent,
} from '@itt-ledger/core';
import { erasedValues, jsonOf } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';
import { domainScenarios } from './scenarios.fixtures.js';

const rebuild = async (store: EventStore<IttLedgerEvent>) => {
  const runner = createProjectionRunner({ store, projections: ittLedgerProjections });
  await runner.rebuild();
  return new Map<AnyProjection, string>(ittLedgerProjections.map((projection) => [projection, jsonOf(runner.state(projection))]));
};

const shreddedStore = () => {
  const clock = manualClock('2024-07-01T08:00:00.000Z');
  const registry = createIttLedgerRegistry();
  const inner = createInMemoryEventStore({ registry, clock, ids: seededIds(8) });
  const keyStore = createInMemoryKeyStore();
  return { clock, registry, inner, keyStore, store: withCryptoShredding(inner, { keyStore }) };
};

describe('crypto-shredding the domain scenarios', () => {
  it.each(Object.entries(domainScenarios))('%s: with every data subject forgotten, every projection still computes, without their data', async (_name, steps) => {
    const { clock, registry, inner, keyStore, store } = shreddedStore();
    for (const step of steps) await step({ store, clock });
    const before = await store.readAll();
    const states = await rebuild(store);

    const subjects = new Set<string>();
    for (const event of await inner.readAll()) {
      for (const field of registry.personalData(event.type)) subjects.add((event.data as Record<string, string>)[field.subjectField]!);
    }
    expect(subjects.size).toBeGreaterThan(1);
    for (const subject of subjects) await keyStore.forget(subject);

    const after = await store.readAll();
    const stillRead = jsonOf(after);
    expect(stillRead).not.toContain('$sealed');
    // An erased value may also stand in a field that is not personal (an action's text is the framework's
    // suggestion, which the framework still carries): look only for the rest.
    const gone = [...erasedValues(before, after)].filter((value) => !stillRead.includes(value));
    expect(gone.length).toBeGreaterThan(0);
    const statesAfter = await rebuild(store);
    for (const projection of ittLedgerProjections) {
      const [was, is] = [states.get(projection)!, statesAfter.get(projection)!];
      expect(is, projection.name).not.toContain('$sealed');
      for (const value of gone) expect(is, projection.name).not.toContain(value);
      // A read model that held nothing personal is exactly as it was.
      if (!gone.some((value) => was.includes(value))) expect(is, projection.name).toBe(was);
    }
  });

  it('erases a mentor’s name, email and TRN, in registration and correction alike', async () => {
    const { store, keyStore } = shreddedStore();
    const occurredAt = '2024-09-02T08:00:00.000Z';
    await store.appendToStream('mentor-asha', [
      { type: 'MentorRegistered', data: { mentorId: 'mentor-asha', schoolId: 'school-oak', name: 'Asha Patel', email: 'asha@oak.sch.uk', trn: '1234567' }, occurredAt },
      { type: 'MentorDetailsCorrected', data: { mentorId: 'mentor-asha', email: 'asha.patel@oak.sch.uk' }, occurredAt },
    ]);
    await keyStore.forget('mentor-asha');
    const [registered, corrected] = await store.readStream('mentor-asha');
    expect(registered!.data).toEqual({ mentorId: 'mentor-asha', schoolId: 'school-oak', name: ERASED, email: ERASED, trn: ERASED });
    expect(corrected!.data).toEqual({ mentorId: 'mentor-asha', email: ERASED });
  });
});
