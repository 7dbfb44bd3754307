import { ERASED, PersonalDataUnreadableError, createInMemoryKeyStore, manualClock, seededIds, withCryptoShredding, type NewEvent } from '@itt-ledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonOf } from '@itt-ledger/core/testing';
import { OCCURRED, createShreddingRegistry, type ShreddingEvent } from './cryptoShredding.fixtures.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const PEOPLE = ['p-1', 'p-2', 'p-3', 'p-4'] as const;
const MENTORS = ['m-1', 'm-2', 'm-3'] as const;
const SUBJECTS = [...PEOPLE, ...MENTORS];
// Personal text is tagged so that the property can search the inner store for it.
const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `«${s}»`);

const eventArb: fc.Arbitrary<NewEvent<ShreddingEvent>> = fc.oneof(
  fc
    .record({
      personId: fc.constantFrom(...PEOPLE),
      name: text,
      email: fc.option(text, { nil: undefined }),
      notes: fc.array(fc.record({ text, week: fc.integer({ min: 1, max: 52 }) }), { maxLength: 3 }),
      aliases: fc.array(text, { maxLength: 2 }),
      hours: fc.nat(99),
    })
    .map(({ email, ...data }) => ({ type: 'PersonRegistered' as const, data: email === undefined ? data : { ...data, email }, occurredAt: OCCURRED })),
  fc
    .record({ personId: fc.constantFrom(...PEOPLE), mentorId: fc.constantFrom(...MENTORS), personNote: text, mentorNote: text, minutes: fc.nat(600) })
    .map((data) => ({ type: 'PairMet' as const, data, occurredAt: OCCURRED })),
  fc.record({ personId: fc.constantFrom(...PEOPLE), hours: fc.integer({ min: -5, max: 40 }) }).map((data) => ({ type: 'HoursCounted' as const, data, occurredAt: OCCURRED })),
);

/** What the shredded store must read: the plain event with the forgotten subjects' personal values erased. */
const expected = (event: NewEvent<ShreddingEvent>, forgotten: ReadonlySet<string>): unknown => {
  const gone = (subject: string) => forgotten.has(subject);
  switch (event.type) {
    case 'PersonRegistered': {
      if (!gone(event.data.personId)) return event.data;
      const { email, ...rest } = event.data;
      return {
        ...rest,
        name: ERASED,
        ...(email === undefined ? {} : { email: ERASED }),
        notes: event.data.notes.map((note) => ({ ...note, text: ERASED })),
        aliases: event.data.aliases.map(() => ERASED),
      };
    }
    case 'PairMet':
      return {
        ...event.data,
        ...(gone(event.data.personId) && { personNote: ERASED }),
        ...(gone(event.data.mentorId) && { mentorNote: ERASED }),
      };
    default:
      return event.data;
  }
};

const open = () => createInMemoryEventStore({ registry: createShreddingRegistry(), clock: manualClock('2024-09-02T09:00:00.000Z'), ids: seededIds(11) });

describe('withCryptoShredding (property)', () => {
  it('after forgetting any set of subjects, reads erase exactly their fields; all else equals an unsealed store', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ stream: fc.constantFrom('s-a', 's-b', 's-c'), events: fc.array(eventArb, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
        fc.subarray(SUBJECTS),
        async (appends, forgetList) => {
          const plain = open();
          const inner = open();
          const keyStore = createInMemoryKeyStore();
          const store = withCryptoShredding(inner, { keyStore });
          for (const { stream, events } of appends) {
            await plain.appendToStream(stream, events);
            await store.appendToStream(stream, events);
          }
          const offered = appends.flatMap(({ events }) => events);
          // The inner store never holds plaintext of personal fields.
          const stored = jsonOf(await inner.readAll());
          for (const match of jsonOf(offered).matchAll(/«[^»]*»/g)) expect(stored).not.toContain(match[0]);

          const forgotten = new Set(forgetList);
          for (const subject of forgotten) await keyStore.forget(subject);
          const [reference, read] = [await plain.readAll(), await store.readAll()];
          expect(read).toHaveLength(reference.length);
          read.forEach((event, i) => {
            const { data: _readData, ...envelope } = event;
            const { data: _plainData, ...referenceEnvelope } = reference[i]!;
            expect(envelope).toEqual(referenceEnvelope);
            expect(event.data).toEqual(expected(offered[i]!, forgotten));
          });
          expect(jsonOf(read)).not.toContain('$sealed');
        },
      ),
      { numRuns: 200, seed: 20240904 },
    );
  });
});

// Bad input: a wrong type, an empty or over-long personal value, a missing subject id, an unknown event type.
const badEventArb: fc.Arbitrary<NewEvent<ShreddingEvent>> = fc.oneof(
  fc.constantFrom<unknown>('', 'x'.repeat(201), 42, null, { $erased: false }, { $sealed: { v: 1 } }, ['Ada']).map((name) => ({
    type: 'PersonRegistered' as const,
    data: { personId: 'p-1', name, hours: 1 } as never,
    occurredAt: OCCURRED,
  })),
  text.map((remark) => ({ type: 'GuestNoted' as const, data: { remark }, occurredAt: OCCURRED })),
  fc.constantFrom<unknown>(-1, 1.5, Number.NaN, Infinity, '60').map((minutes) => ({
    type: 'PairMet' as const,
    data: { personId: 'p-1', mentorId: 'm-1', personNote: 'n', minutes } as never,
    occurredAt: OCCURRED,
  })),
  fc.constant({ type: 'PersonForgotten', data: {}, occurredAt: OCCURRED } as unknown as NewEvent<ShreddingEvent>),
);

describe('withCryptoShredding refuses bad input (property)', () => {
  it('refuses any batch with a bad event with the plain store’s own error (or a named subject error) and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { maxLength: 3 }), badEventArb, fc.array(eventArb, { maxLength: 3 }), async (head, bad, tail) => {
        const plain = open();
        const inner = open();
        const store = withCryptoShredding(inner, { keyStore: createInMemoryKeyStore() });
        const batch = [...head, bad, ...tail];
        const error = await store.appendToStream('s-1', batch).catch((e: unknown) => e);
        expect(inner.size()).toBe(0);
        const plainError = await plain.appendToStream('s-1', batch).then(() => undefined, (e: unknown) => e);
        if (plainError === undefined) {
          // The plain store has no rule about subjects: only the decorator needs one to pick the key.
          expect(error).toMatchObject({ code: 'EVENT_VALIDATION', index: head.length, issues: [{ path: ['data', 'remark'], code: 'personal_data_subject' }] });
        } else {
          expect(error).toEqual(plainError);
          expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(plainError));
        }
      }),
      { numRuns: 200, seed: 20240905 },
    );
  });

  it('refuses a sealed value changed in any byte, as unreadable: never as plaintext, never as erased', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('iv', 'tag', 'data'), fc.nat(), fc.integer({ min: 1, max: 255 }), async (part, at, mask) => {
        const inner = open();
        const store = withCryptoShredding(inner, { keyStore: createInMemoryKeyStore() });
        await store.appendToStream('s-1', [{ type: 'PersonRegistered', data: { personId: 'p-1', name: 'Ada Lovelace', notes: [], aliases: [], hours: 1 }, occurredAt: OCCURRED }]);
        const [stored] = await inner.readAll();
        const { $sealed } = (stored!.data as unknown as { name: { $sealed: Record<'iv' | 'tag' | 'data', string> } }).name;
        const bytes = Buffer.from($sealed[part], 'base64');
        bytes[at % bytes.length]! ^= mask;
        const name = { $sealed: { ...$sealed, [part]: bytes.toString('base64') } };
        await inner.appendToStream('s-2', [{ type: 'PersonRegistered', data: { ...(stored!.data as object), name } as never, occurredAt: OCCURRED }]);
        await expect(store.readStream('s-2')).rejects.toThrow(PersonalDataUnreadableError);
      }),
      { numRuns: 200, seed: 20240906 },
    );
  });
});
