import { describe, expect, it } from 'vitest';
import {
  EventValidationError,
  InvalidArgumentError,
  StreamNotFoundError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
} from '../../kernel/errors.js';
import { deriveEventId, isUuid } from '../../kernel/ids.js';
import type { NewEvent } from '../../kernel/envelope.js';
import { added, invalid, note, removed, OCCURRED, type ContractContext, type ContractEvent } from './fixtures.js';

const expectWrongRevision = async (promise: Promise<unknown>, streamId: string, expected: unknown, actual: unknown) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
};

export const appendContract = (get: () => ContractContext) => {
  describe('append and expected revision', () => {
    it('creates a stream with no_stream and numbers its first event 0', async () => {
      const { store, stream } = get();
      const s = stream();
      const result = await store.appendToStream(s, [added('a')], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(0n);
      expect(typeof result.position).toBe('bigint');
    });

    it('refuses no_stream when the stream exists, naming the actual revision', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a'), added('b')]);
      await expectWrongRevision(store.appendToStream(s, [added('c')], { expectedRevision: 'no_stream' }), s, 'no_stream', 1n);
    });

    it('refuses stream_exists when the stream does not exist', async () => {
      const { store, stream } = get();
      const s = stream();
      await expectWrongRevision(store.appendToStream(s, [added('a')], { expectedRevision: 'stream_exists' }), s, 'stream_exists', 'no_stream');
    });

    it('accepts stream_exists when the stream exists', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a')]);
      const result = await store.appendToStream(s, [added('b')], { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('accepts an exact revision that matches the last event', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a'), added('b')]);
      const result = await store.appendToStream(s, [added('c')], { expectedRevision: 1n });
      expect(result.nextExpectedRevision).toBe(2n);
    });

    it('refuses an exact revision that is behind', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a'), added('b'), added('c')]);
      await expectWrongRevision(store.appendToStream(s, [added('d')], { expectedRevision: 0n }), s, 0n, 2n);
    });

    it('refuses an exact revision that is ahead', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a')]);
      await expectWrongRevision(store.appendToStream(s, [added('b')], { expectedRevision: 5n }), s, 5n, 0n);
    });

    it('refuses an exact revision on a stream that does not exist', async () => {
      const { store, stream } = get();
      const s = stream();
      await expectWrongRevision(store.appendToStream(s, [added('a')], { expectedRevision: 0n }), s, 0n, 'no_stream');
    });

    it('treats -1n as no_stream', async () => {
      const { store, stream } = get();
      const s = stream();
      const result = await store.appendToStream(s, [added('a')], { expectedRevision: -1n });
      expect(result.nextExpectedRevision).toBe(0n);
      await expectWrongRevision(store.appendToStream(s, [added('b')], { expectedRevision: -1n }), s, 'no_stream', 0n);
    });

    it('accepts any on a new and on an existing stream', async () => {
      const { store, stream } = get();
      const s = stream();
      expect((await store.appendToStream(s, [added('a')], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
      expect((await store.appendToStream(s, [added('b')], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
    });

    it('defaults to any when no expected revision is given', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a')]);
      expect((await store.appendToStream(s, [added('b')])).nextExpectedRevision).toBe(1n);
    });

    it('refuses a malformed expected revision before writing', async () => {
      const { store, stream } = get();
      const s = stream();
      await expect(store.appendToStream(s, [added('a')], { expectedRevision: -2n })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(store.appendToStream(s, [added('a')], { expectedRevision: 'latest' as never })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses an empty or malformed stream id', async () => {
      const { store } = get();
      await expect(store.appendToStream('', [added('a')])).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(store.appendToStream('bad\u0000id', [added('a')])).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('numbers a multi-event append consecutively and answers with its last event', async () => {
      const { store, stream } = get();
      const s = stream();
      const result = await store.appendToStream(s, [added('a'), added('b'), removed('a')], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      const events = await store.readStream(s);
      expect(events.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n]);
      expect(events[2]?.globalPosition).toBe(result.position);
      expect(events[0]!.globalPosition < events[1]!.globalPosition && events[1]!.globalPosition < events[2]!.globalPosition).toBe(true);
    });

    it('checks the expected revision of an empty append without writing', async () => {
      const { store, stream } = get();
      const s = stream();
      expect(await store.appendToStream(s, [], { expectedRevision: 'no_stream' })).toEqual({ nextExpectedRevision: -1n, position: -1n });
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      await store.appendToStream(s, [added('a')]);
      await expectWrongRevision(store.appendToStream(s, [], { expectedRevision: 'no_stream' }), s, 'no_stream', 0n);
    });

    it('keeps streams apart: revisions count per stream', async () => {
      const { store, stream } = get();
      const [s1, s2] = [stream('one'), stream('two')];
      await store.appendToStream(s1, [added('a'), added('b')]);
      const result = await store.appendToStream(s2, [added('c')], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(0n);
      expect((await store.readStream(s1)).length).toBe(2);
    });
  });

  describe('validation writes nothing', () => {
    it('refuses a batch with one invalid event and leaves a new stream absent', async () => {
      const { store, stream } = get();
      const s = stream();
      await expect(store.appendToStream(s, [added('a'), invalid(), added('b')])).rejects.toBeInstanceOf(EventValidationError);
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses a batch with one invalid event and leaves an existing stream as it was', async () => {
      const { store, stream, prefix } = get();
      const s = stream();
      await store.appendToStream(s, [added('a')]);
      const before = await store.readAll({ filter: { streamPrefixes: [prefix] } });
      await expect(store.appendToStream(s, [added('b'), invalid()], { expectedRevision: 0n })).rejects.toBeInstanceOf(EventValidationError);
      expect(await store.readAll({ filter: { streamPrefixes: [prefix] } })).toEqual(before);
      expect((await store.appendToStream(s, [added('c')], { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
    });

    it('names the event, its version and the field in a validation error', async () => {
      const { store, stream } = get();
      const error = await store.appendToStream(stream(), [added('a'), invalid()]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventValidationError);
      const validation = error as EventValidationError;
      expect(validation.type).toBe('ItemAdded');
      expect(validation.schemaVersion).toBe(2);
      expect(validation.index).toBe(1);
      expect(validation.issues.map((i) => i.path)).toContainEqual(['data', 'quantity']);
    });

    it('refuses an unknown event type', async () => {
      const { store, stream } = get();
      const s = stream();
      const unknown = { type: 'ItemTeleported', data: {}, occurredAt: OCCURRED } as unknown as NewEvent<ContractEvent>;
      await expect(store.appendToStream(s, [added('a'), unknown])).rejects.toBeInstanceOf(UnknownEventTypeError);
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses a schema version the type does not have', async () => {
      const { store, stream } = get();
      const error = await store.appendToStream(stream(), [added('a', 1, { schemaVersion: 9 })]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownEventTypeError);
      expect((error as UnknownEventTypeError).knownVersions).toEqual([1, 2]);
    });

    it('refuses an occurredAt that is not an instant', async () => {
      const { store, stream } = get();
      const error = await store.appendToStream(stream(), [added('a', 1, { occurredAt: '2024-13-01' })]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventValidationError);
      expect((error as EventValidationError).issues.map((i) => i.path)).toContainEqual(['occurredAt']);
    });

    it('refuses an event id that is not a UUID', async () => {
      const { store, stream } = get();
      const error = await store.appendToStream(stream(), [added('a', 1, { eventId: 'not-a-uuid' })]).catch((e: unknown) => e);
      expect((error as EventValidationError).issues.map((i) => i.path)).toContainEqual(['eventId']);
    });

    it('refuses a batch that repeats an event id', async () => {
      const { store, stream } = get();
      const eventId = '0b9f7d3e-3f0e-4b8f-9f2a-5c1d2e3f4a5b';
      const error = await store
        .appendToStream(stream(), [added('a', 1, { eventId }), added('b', 1, { eventId })])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventValidationError);
      expect((error as EventValidationError).index).toBe(1);
    });

    it('refuses metadata fields it does not know', async () => {
      const { store, stream } = get();
      const bad = added('a', 1, { metadata: { actor: 'x', role: 'admin' } as never });
      const error = await store.appendToStream(stream(), [bad]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventValidationError);
      expect((error as EventValidationError).issues[0]?.path[0]).toBe('metadata');
    });

    it('accepts an older schema version and reads it back upcast to the latest', async () => {
      const { store, stream } = get();
      const s = stream();
      const v1 = { type: 'ItemAdded', data: { itemId: 'a', quantity: 2 }, occurredAt: OCCURRED, schemaVersion: 1 } as unknown as NewEvent<ContractEvent>;
      await store.appendToStream(s, [v1]);
      const [event] = await store.readStream(s);
      expect(event?.schemaVersion).toBe(2);
      expect(event?.data).toEqual({ itemId: 'a', quantity: 2, unit: 'each' });
    });

    it('stores the schema output: defaults filled and unknown keys stripped', async () => {
      const { store, stream } = get();
      const s = stream();
      const raw = { type: 'NoteWritten', data: { authorId: 'm1', text: 'hello', extra: true }, occurredAt: OCCURRED } as unknown as NewEvent<ContractEvent>;
      await store.appendToStream(s, [raw]);
      const [event] = await store.readStream(s);
      expect(event?.data).toEqual({ authorId: 'm1', text: 'hello', tags: [] });
    });
  });

  describe('envelope', () => {
    it('fills every envelope field', async () => {
      const { store, stream, clock } = get();
      const s = stream();
      clock.set('2024-09-03T10:00:00.000Z');
      await store.appendToStream(s, [added('a', 3, { occurredAt: '2024-09-02T09:15:00+01:00' })]);
      const [event] = await store.readStream(s);
      expect(event).toMatchObject({
        type: 'ItemAdded',
        schemaVersion: 2,
        data: { itemId: 'a', quantity: 3, unit: 'each' },
        metadata: {},
        streamId: s,
        streamRevision: 0n,
        occurredAt: '2024-09-02T08:15:00.000Z',
        recordedAt: '2024-09-03T10:00:00.000Z',
      });
      expect(isUuid(event?.eventId)).toBe(true);
      expect(typeof event?.globalPosition).toBe('bigint');
    });

    it('stamps one recordedAt from the store clock on every event of an append', async () => {
      const { store, stream, clock } = get();
      const s = stream();
      clock.set('2024-10-01T12:00:00.000Z');
      await store.appendToStream(s, [added('a'), added('b')]);
      clock.set('2024-10-02T12:00:00.000Z');
      await store.appendToStream(s, [added('c')]);
      expect((await store.readStream(s)).map((e) => e.recordedAt)).toEqual([
        '2024-10-01T12:00:00.000Z',
        '2024-10-01T12:00:00.000Z',
        '2024-10-02T12:00:00.000Z',
      ]);
    });

    it('keeps correlation, causation and actor metadata', async () => {
      const { store, stream } = get();
      const s = stream();
      const metadata = { correlationId: 'corr-1', causationId: 'cmd-1', actor: 'lead-mentor:42' };
      await store.appendToStream(s, [added('a', 1, { metadata })]);
      expect((await store.readStream(s))[0]?.metadata).toEqual(metadata);
    });

    it('keeps the event ids it was given', async () => {
      const { store, stream } = get();
      const s = stream();
      const eventId = '3e0d6b3a-9c55-4f5e-8d7b-2a8c9e0f1d2c';
      await store.appendToStream(s, [added('a', 1, { eventId })]);
      expect((await store.readStream(s))[0]?.eventId).toBe(eventId);
    });

    it('deep-freezes stored events', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [note('m1', 'text'), added('a', 1, { metadata: { actor: 'x' } })]);
      const [first, second] = await store.readStream(s);
      expect(Object.isFrozen(first)).toBe(true);
      expect(Object.isFrozen(first?.data)).toBe(true);
      const tags = (first?.data as { tags: object[] }).tags;
      expect(Object.isFrozen(tags) && Object.isFrozen(tags[0])).toBe(true);
      expect(Object.isFrozen(second?.metadata)).toBe(true);
      expect(() => {
        (first as { type: string }).type = 'Changed';
      }).toThrow(TypeError);
    });

    it('is not changed by later changes to the objects appended', async () => {
      const { store, stream } = get();
      const s = stream();
      const data = { authorId: 'm1', text: 'before', tags: [{ name: 'a' }] };
      await store.appendToStream(s, [{ type: 'NoteWritten', data, occurredAt: OCCURRED }]);
      data.text = 'after';
      data.tags[0]!.name = 'b';
      expect((await store.readStream(s))[0]?.data).toEqual({ authorId: 'm1', text: 'before', tags: [{ name: 'a' }] });
    });
  });

  describe('a batch whose event ids only partly stand in the stream', () => {
    // EventStoreDB's "corrupted idempotency": neither a retry nor a new append, so it is refused.
    it.each(['any', 'stream_exists'] as const)('is refused with %s and writes nothing', async (expectedRevision) => {
      const { store, stream } = get();
      const s = stream();
      const [a, b, c] = ['a', 'b', 'c'].map((name) => deriveEventId(s, name)) as [string, string, string];
      await store.appendToStream(s, [added('a', 1, { eventId: a }), added('b', 1, { eventId: b })]);
      await expectWrongRevision(store.appendToStream(s, [added('a', 1, { eventId: a }), added('c', 1, { eventId: c })], { expectedRevision }), s, expectedRevision, 1n);
      await expectWrongRevision(store.appendToStream(s, [added('b', 1, { eventId: b }), added('c', 1, { eventId: c })], { expectedRevision }), s, expectedRevision, 1n);
      expect((await store.readStream(s)).map((event) => event.eventId)).toEqual([a, b]);
    });
  });
};
