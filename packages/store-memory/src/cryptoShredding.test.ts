import {
  DataSubjectForgottenError,
  ERASED,
  EventValidationError,
  InvalidArgumentError,
  PersonalDataUnreadableError,
  createInMemoryKeyStore,
  manualClock,
  seededIds,
  withCryptoShredding,
  type EventStore,
  type NewEvent,
  type PersonalDataKeyStore,
  type StoredEvent,
} from '@itt-ledger/core';
import { describe, expect, it } from 'vitest';
import { jsonOf } from '@itt-ledger/core/testing';
import { OCCURRED, createShreddingRegistry, type ShreddingEvent } from './cryptoShredding.fixtures.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const ada: NewEvent<ShreddingEvent> = {
  type: 'PersonRegistered',
  data: { personId: 'p-ada', name: 'Ada Lovelace', email: 'ada@example.org', notes: [{ text: 'Bereavement in family', week: 3 }], aliases: ['Countess'], hours: 12 },
  occurredAt: OCCURRED,
};
const ben: NewEvent<ShreddingEvent> = {
  type: 'PersonRegistered',
  data: { personId: 'p-ben', name: 'Ben Okafor', notes: [], aliases: [], hours: 7 },
  occurredAt: OCCURRED,
};
const met: NewEvent<ShreddingEvent> = {
  type: 'PairMet',
  data: { personId: 'p-ada', mentorId: 'm-amara', personNote: 'Ada felt anxious', mentorNote: 'Amara asked for cover', minutes: 60 },
  occurredAt: OCCURRED,
};
const counted: NewEvent<ShreddingEvent> = { type: 'HoursCounted', data: { personId: 'p-ada', hours: 3 }, occurredAt: OCCURRED };
const PLAINTEXT = ['Ada Lovelace', 'ada@example.org', 'Bereavement', 'Countess', 'Ben Okafor', 'anxious', 'asked for cover'];

/** A key store that counts its calls. */
const counting = (inner: PersonalDataKeyStore) => {
  const calls = { keyFor: 0, find: 0 };
  const keyStore: PersonalDataKeyStore = {
    keyFor: (subject) => (calls.keyFor++, inner.keyFor(subject)),
    find: (subjects) => (calls.find++, inner.find(subjects)),
    forget: (subject) => inner.forget(subject),
  };
  return { keyStore, calls };
};

const setup = () => {
  const inner = createInMemoryEventStore({ registry: createShreddingRegistry(), clock: manualClock('2024-09-02T09:00:00.000Z'), ids: seededIds(3) });
  const { keyStore, calls } = counting(createInMemoryKeyStore());
  const store: EventStore<ShreddingEvent> = withCryptoShredding(inner, { keyStore });
  return { inner, store, keyStore, calls };
};

const written = async () => {
  const context = setup();
  await context.store.appendToStream('person-ada', [ada, counted]);
  await context.store.appendToStream('person-ben', [ben]);
  await context.store.appendToStream('pair-1', [met]);
  return context;
};

describe('withCryptoShredding: sealing on append', () => {
  it('reads back exactly what was appended, through readStream, readAll and subscribe', async () => {
    const { store } = await written();
    const all = await store.readAll();
    expect(all.map((event) => event.data)).toEqual([ada.data, counted.data, ben.data, met.data]);
    expect((await store.readStream('person-ada')).map((event) => event.data)).toEqual([ada.data, counted.data]);
    const delivered: StoredEvent<ShreddingEvent>[] = [];
    const subscription = store.subscribe({ onEvent: (event) => void delivered.push(event), onCaughtUp: () => void subscription.close() });
    expect(await subscription.done).toEqual({ reason: 'closed' });
    expect(delivered).toEqual(all);
  });

  it('leaves no plaintext in the inner store: every personal value is a sealed object', async () => {
    const { inner } = await written();
    const stored = jsonOf(await inner.readAll());
    for (const text of PLAINTEXT) expect(stored).not.toContain(text);
    expect(stored.match(/\$sealed/g)).toHaveLength(7);
    // The ids and the non-personal data stay in the clear: projections need them.
    expect(stored).toContain('"personId":"p-ada"');
    expect(stored).toContain('"hours":12');
  });

  it('gives frozen envelopes with the inner store’s ids, revisions, positions and clocks', async () => {
    const { store, inner } = await written();
    const [outer, raw] = [await store.readAll(), await inner.readAll()];
    outer.forEach((event, i) => {
      const { data: _outerData, ...envelope } = event;
      const { data: _rawData, ...rawEnvelope } = raw[i]!;
      expect(envelope).toEqual(rawEnvelope);
      expect(Object.isFrozen(event) && Object.isFrozen(event.data)).toBe(true);
    });
    const notes = (outer[0]!.data as { notes: readonly object[] }).notes;
    expect(Object.isFrozen(notes) && Object.isFrozen(notes[0])).toBe(true);
  });

  it('passes events with nothing personal through untouched, as the same objects, without asking for keys', async () => {
    const { store, inner, calls } = await written();
    const find = calls.find;
    const outer = await store.readAll({ filter: { eventTypes: ['HoursCounted'] } });
    expect(outer[0]).toBe((await inner.readAll({ filter: { eventTypes: ['HoursCounted'] } }))[0]);
    expect(calls.find).toBe(find);
  });

  it('looks keys up once per read, whatever the number of subjects', async () => {
    const { store, calls } = await written();
    const before = calls.find;
    await store.readAll();
    expect(calls.find - before).toBe(1);
  });

  it('refuses an invalid event with the store’s own error and writes nothing', async () => {
    const { store, inner } = setup();
    const bad = { ...ada, data: { ...ada.data, name: '' } };
    const error: unknown = await store.appendToStream('person-ada', [counted, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventValidationError);
    const plain = createInMemoryEventStore({ registry: createShreddingRegistry() });
    expect(error).toEqual(await plain.appendToStream('person-ada', [counted, bad]).catch((e: unknown) => e));
    expect(inner.size()).toBe(0);
  });

  it('refuses options that are not an object as the store would, before asking for a key', async () => {
    const { store, inner } = setup();
    const error: unknown = await store.appendToStream('person-ada', [ada], null as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field: 'options' });
    expect(inner.size()).toBe(0);
  });

  it('refuses a personal value whose event has no subject id, naming the field', async () => {
    const { store, inner } = setup();
    const error = await store.appendToStream('guests', [{ type: 'GuestNoted', data: { remark: 'Visited with a cough' }, occurredAt: OCCURRED }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).issues).toEqual([{ path: ['data', 'remark'], code: 'personal_data_subject', message: "personal data needs its subject's id in 'guestId'" }]);
    expect(inner.size()).toBe(0);
  });

  it('refuses a sealed value offered as plaintext', async () => {
    const { store, inner } = await written();
    const sealedName = ((await inner.readStream('person-ben'))[0]!.data as { name: unknown }).name;
    const error = await store.appendToStream('person-cal', [{ ...ben, data: { ...ben.data, personId: 'p-cal', name: sealedName as string } }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EVENT_VALIDATION', issues: [{ path: ['data', 'name'], code: 'sealed_value' }] });
    expect(inner.size()).toBe(4);
  });

  it('keeps idempotent retries idempotent: the same event ids append once', async () => {
    const { store, inner } = setup();
    const withId = { ...ada, eventId: '6f1c1c4e-4a0e-4b8f-9a53-1c1f0a6b2d11' };
    const first = await store.appendToStream('person-ada', [withId], { expectedRevision: 'no_stream' });
    expect(await store.appendToStream('person-ada', [withId], { expectedRevision: 'no_stream' })).toEqual(first);
    expect(inner.size()).toBe(1);
  });
});

describe('withCryptoShredding: forgetting a data subject', () => {
  it('reads the forgotten subject’s fields as ERASED, and everyone else’s, and all other data, as before', async () => {
    const { store, keyStore } = await written();
    await keyStore.forget('p-ada');
    const [registered, hours, benRegistered, pair] = await store.readAll();
    expect(registered!.data).toEqual({ personId: 'p-ada', name: ERASED, email: ERASED, notes: [{ text: ERASED, week: 3 }], aliases: [ERASED], hours: 12 });
    expect(hours!.data).toEqual(counted.data);
    expect(benRegistered!.data).toEqual(ben.data);
    expect(pair!.data).toEqual({ ...met.data, personNote: ERASED });
    expect(jsonOf(await store.readAll())).not.toContain('$sealed');
  });

  it('takes effect on the next read, and on a live subscription', async () => {
    const { store, keyStore } = await written();
    const delivered: StoredEvent<ShreddingEvent>[] = [];
    const subscription = store.subscribe({ onEvent: (event) => void delivered.push(event) }, { filter: { eventTypes: ['PairMet'] } });
    await expect.poll(() => delivered.length).toBe(1);
    expect((delivered[0]!.data as { mentorNote: unknown }).mentorNote).toBe('Amara asked for cover');
    await keyStore.forget('m-amara');
    await store.appendToStream('pair-2', [{ ...met, data: { ...met.data, mentorNote: ERASED } }]);
    await expect.poll(() => delivered.length).toBe(2);
    expect(delivered[1]!.data).toEqual({ ...met.data, mentorNote: ERASED });
    expect(((await store.readStream('pair-1'))[0]!.data as { mentorNote: unknown }).mentorNote).toEqual(ERASED);
    await subscription.close();
  });

  it('refuses new personal data about a forgotten subject and writes nothing; already-erased values are fine', async () => {
    const { store, inner, keyStore } = await written();
    await keyStore.forget('p-ada');
    const error = await store.appendToStream('person-ada', [counted, met]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSubjectForgottenError);
    expect(error).toMatchObject({ code: 'DATA_SUBJECT_FORGOTTEN', subject: 'p-ada' });
    expect(inner.size()).toBe(4);
    await store.appendToStream('pair-3', [{ ...met, data: { ...met.data, personNote: ERASED } }, counted]);
    expect(inner.size()).toBe(6);
  });
});

describe('withCryptoShredding: tampering is not erasure', () => {
  const tamper = async (change: (data: Record<string, unknown>) => Record<string, unknown>) => {
    const { store, inner } = await written();
    const [stored] = await inner.readStream('pair-1');
    await inner.appendToStream('pair-x', [{ type: 'PairMet', data: change(stored!.data) as never, occurredAt: OCCURRED }]);
    return store;
  };
  const flipTag = (value: unknown) => {
    const { $sealed } = value as { $sealed: { tag: string } };
    const tag = Buffer.from($sealed.tag, 'base64');
    tag[0]! ^= 1;
    return { $sealed: { ...$sealed, tag: tag.toString('base64') } };
  };

  it('refuses a sealed value whose tag was changed, naming the event and the field', async () => {
    const store = await tamper((data) => ({ ...data, personNote: flipTag(data.personNote) }));
    const error = await store.readStream('pair-x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PersonalDataUnreadableError);
    expect(error).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', streamId: 'pair-x', streamRevision: 0n, type: 'PairMet', path: ['personNote'], subject: 'p-ada' });
    await expect(store.readAll()).rejects.toThrow(PersonalDataUnreadableError);
  });

  it('refuses a sealed value moved to another field or another subject', async () => {
    const swapped = await tamper((data) => ({ ...data, personNote: data.mentorNote, mentorNote: data.personNote }));
    await expect(swapped.readStream('pair-x')).rejects.toThrow(PersonalDataUnreadableError);
    const moved = await tamper((data) => ({ ...data, personId: 'p-ben' }));
    await expect(moved.readStream('pair-x')).rejects.toThrow(PersonalDataUnreadableError);
  });

  it('ends a subscription with the error, through onError', async () => {
    const store = await tamper((data) => ({ ...data, personNote: flipTag(data.personNote) }));
    const errors: unknown[] = [];
    const subscription = store.subscribe({ onEvent: () => undefined, onError: (error) => void errors.push(error) });
    const end = await subscription.done;
    expect(end.reason).toBe('error');
    expect(errors[0]).toBeInstanceOf(PersonalDataUnreadableError);
  });
});
