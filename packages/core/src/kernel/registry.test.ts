import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { NewEvent } from './envelope.js';
import { EventValidationError, StoredEventInvalidError, UnknownEventTypeError, formatPath } from './errors.js';
import { defineEvent } from './eventDefinition.js';
import { seededIds } from './ids.js';
import { personalData } from './personalData.js';
import { createEventRegistry, toStoredEvent, type EventRegistry, type RecordedEvent } from './registry.js';

// v1 { name } → v2 { name, size } → v3 { title, size, tags }
const ThingMade = defineEvent('ThingMade', z.object({ name: z.string().min(1) }))
  .upcastTo(z.object({ name: z.string().min(1), size: z.number().int().min(1) }), (v1) => ({ ...v1, size: 1 }))
  .upcastTo(z.object({ title: z.string().min(1), size: z.number().int().min(1), tags: z.array(z.string()) }), (v2) => ({
    title: v2.name,
    size: v2.size,
    tags: [],
  }));
const ThingMoved = defineEvent(
  'ThingMoved',
  z.object({ ownerId: z.string(), to: z.object({ x: z.number(), y: z.number() }), note: personalData(z.string(), { subjectField: 'ownerId' }) }),
);
// Its upcaster throws for a negative n and yields data v2 refuses for n = 0.
const Fragile = defineEvent('Fragile', z.object({ n: z.number() })).upcastTo(z.object({ n: z.number().positive() }), ({ n }) => {
  if (n < 0) throw new Error('negative');
  return { n: n === 0 ? -1 : n };
});

const definitions = [ThingMade, ThingMoved, Fragile] as const;
const typed = createEventRegistry(definitions);
// Validation is about input the types would refuse, so most tests go through an untyped view.
const registry = typed as unknown as EventRegistry;
const AT = '2024-09-02T08:00:00.000Z';
const ids = () => seededIds(7);

const moved = (extra: Partial<NewEvent> = {}): NewEvent => ({
  type: 'ThingMoved',
  data: { ownerId: 'o1', to: { x: 1, y: 2 }, note: 'hello' },
  occurredAt: AT,
  ...extra,
});

const validationError = (events: readonly NewEvent[]): EventValidationError => {
  try {
    registry.prepare(events, ids());
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error('expected an EventValidationError');
};
const paths = (error: { issues: readonly { path: readonly (string | number)[] }[] }) => error.issues.map((i) => formatPath(i.path));

describe('registry: definitions', () => {
  it('knows its types, their definitions and personal data', () => {
    expect(typed.types).toEqual(['ThingMade', 'ThingMoved', 'Fragile']);
    expect(registry.definition('ThingMade')).toBe(ThingMade);
    expect(registry.definition('Nope')).toBeUndefined();
    expect(registry.personalData('ThingMoved')).toEqual([{ path: ['note'], subjectField: 'ownerId', category: 'ordinary' }]);
    expect(registry.personalData('ThingMade', 1)).toEqual([]);
    expect(registry.personalData('Nope')).toEqual([]);
  });

  it('refuses a type defined twice', () => {
    const again = defineEvent('ThingMade', z.object({}));
    expect(() => createEventRegistry([ThingMade, again])).toThrow(/'ThingMade' is defined twice/);
  });
});

describe('registry: prepare', () => {
  it('upcasts an event offered at an old version and keeps the data as offered', () => {
    const [event] = registry.prepare([{ type: 'ThingMade', schemaVersion: 1, data: { name: 'cup' }, occurredAt: AT }], ids());
    expect(event).toMatchObject({ schemaVersion: 1, data: { name: 'cup' }, latestVersion: 3, latestData: { title: 'cup', size: 1, tags: [] } });
    const [v2] = registry.prepare([{ type: 'ThingMade', schemaVersion: 2, data: { name: 'jug', size: 4 }, occurredAt: AT }], ids());
    expect(v2?.latestData).toEqual({ title: 'jug', size: 4, tags: [] });
  });

  it('defaults to the latest version, normalises occurredAt, fills in ids and drops empty metadata fields', () => {
    const [event] = registry.prepare([moved({ occurredAt: '2024-09-02T09:00:00+01:00', metadata: { actor: 'a1' } })], ids());
    expect(event?.schemaVersion).toBe(1);
    expect(event?.latestData).toBe(event?.data);
    expect(event?.occurredAt).toBe(AT);
    expect(event?.eventId).toBe(ids().eventId());
    expect(event?.metadata).toEqual({ actor: 'a1' });
    expect(registry.prepare([moved()], ids())[0]?.metadata).toEqual({});
  });

  it('keeps a supplied event id', () => {
    const eventId = '0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b';
    expect(registry.prepare([moved({ eventId })], ids())[0]?.eventId).toBe(eventId);
  });

  it('freezes the data and metadata it returns', () => {
    const [event] = registry.prepare([{ type: 'ThingMade', schemaVersion: 1, data: { name: 'cup' }, occurredAt: AT, metadata: { actor: 'a' } }], ids());
    expect(Object.isFrozen(event?.data)).toBe(true);
    expect(Object.isFrozen(event?.latestData)).toBe(true);
    expect(Object.isFrozen((event?.latestData as { tags: unknown }).tags)).toBe(true);
    expect(Object.isFrozen(event?.metadata)).toBe(true);
  });

  it('names the type, version, index and every bad field', () => {
    const error = validationError([
      moved(),
      moved({ data: { ownerId: 'o1', to: { x: 'far', y: 2 } }, occurredAt: 'yesterday', eventId: 'not-a-uuid', metadata: { actor: '' } }),
    ]);
    expect(error).toMatchObject({ type: 'ThingMoved', schemaVersion: 1, index: 1, code: 'EVENT_VALIDATION' });
    expect(paths(error)).toEqual(expect.arrayContaining(['data.to.x', 'data.note', 'occurredAt', 'eventId', 'metadata.actor']));
    expect(error.message).toMatch(/^Event #1 'ThingMoved' v1 is invalid: .*data\.to\.x/);
  });

  it('refuses metadata with fields it does not know', () => {
    const error = validationError([moved({ metadata: { actor: 'a', tenant: 'x' } as never })]);
    expect(paths(error)).toEqual(['metadata.tenant']);
    expect(error.issues[0]?.code).toBe('unrecognized_key');
  });

  it('validates an old version against its own schema', () => {
    const error = validationError([{ type: 'ThingMade', schemaVersion: 2, data: { name: 'cup', size: 0 }, occurredAt: AT }]);
    expect(error.schemaVersion).toBe(2);
    expect(paths(error)).toEqual(['data.size']);
  });

  it('refuses a batch that repeats an event id, naming the repeat', () => {
    const eventId = '0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b';
    const error = validationError([moved(), moved({ eventId }), moved({ eventId })]);
    expect(error.index).toBe(2);
    expect(error.issues).toEqual([{ path: ['eventId'], code: 'duplicate', message: 'repeats the id of event #1 in this batch' }]);
  });

  it('finds a repeated event id in a large batch too', () => {
    const eventId = '0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b';
    const batch = Array.from({ length: 40 }, (_, i) => (i === 3 || i === 31 ? moved({ eventId }) : moved()));
    const error = validationError(batch);
    expect(error.index).toBe(31);
    expect(error.issues[0]?.message).toBe('repeats the id of event #3 in this batch');
  });

  it('stores metadata fields in one order, whatever order they were given in', () => {
    const [a, b] = registry.prepare(
      [moved({ metadata: { actor: 'a1', correlationId: 'c1' } }), moved({ metadata: { correlationId: 'c1', causationId: undefined, actor: 'a1' } as never })],
      ids(),
    );
    expect(Object.keys(a?.metadata ?? {})).toEqual(['correlationId', 'actor']);
    expect(b?.metadata).toEqual(a?.metadata);
  });

  it('checks metadata shared by the events of a batch, and each event that brings its own', () => {
    const shared = { actor: 'a1' };
    const [a, b] = registry.prepare([moved({ metadata: shared }), moved({ metadata: shared })], ids());
    expect(b?.metadata).toBe(a?.metadata);
    expect(Object.isFrozen(shared)).toBe(false);
    const error = validationError([moved({ metadata: shared }), moved({ metadata: shared }), moved({ metadata: { actor: '' } })]);
    expect(error.index).toBe(2);
    expect(paths(error)).toEqual(['metadata.actor']);
  });

  it('refuses unknown types and unknown versions', () => {
    expect(() => registry.prepare([{ type: 'Nope', data: {}, occurredAt: AT }], ids())).toThrow(UnknownEventTypeError);
    for (const schemaVersion of [0, 4, 1.5]) {
      try {
        registry.prepare([{ type: 'ThingMade', schemaVersion, data: { name: 'x' }, occurredAt: AT }], ids());
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(UnknownEventTypeError);
        expect(error).toMatchObject({ type: 'ThingMade', schemaVersion, knownVersions: [1, 2, 3] });
      }
    }
    expect(() => registry.prepare([{ data: {}, occurredAt: AT } as unknown as NewEvent], ids())).toThrow(EventValidationError);
  });

  it('refuses an event whose upcaster throws or yields data the next version refuses', () => {
    const threw = validationError([{ type: 'Fragile', schemaVersion: 1, data: { n: -1 }, occurredAt: AT }]);
    expect(threw.issues).toEqual([{ path: [], code: 'upcast', message: 'upcaster v1→v2 threw: negative' }]);
    const invalid = validationError([{ type: 'Fragile', schemaVersion: 1, data: { n: 0 }, occurredAt: AT }]);
    expect(paths(invalid)).toEqual(['data.n']);
  });
});

describe('registry: decode', () => {
  const record = (extra: Partial<RecordedEvent> = {}): RecordedEvent => ({
    type: 'ThingMade',
    schemaVersion: 1,
    data: { name: 'cup' },
    metadata: { actor: 'a1' },
    eventId: '0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b',
    occurredAt: '2024-09-02T09:00:00+01:00',
    streamId: 'things-1',
    streamRevision: 4n,
    globalPosition: 9n,
    recordedAt: '2024-09-03T08:00:00.000Z',
    ...extra,
  });
  const decodeError = (extra: Partial<RecordedEvent>): StoredEventInvalidError => {
    try {
      registry.decode(record(extra));
    } catch (error) {
      if (error instanceof StoredEventInvalidError) return error;
      throw error;
    }
    throw new Error('expected a StoredEventInvalidError');
  };

  it('reads an old version back upcast to the latest, deep-frozen', () => {
    const event = registry.decode(record());
    expect(event).toEqual({
      type: 'ThingMade',
      data: { title: 'cup', size: 1, tags: [] },
      schemaVersion: 3,
      metadata: { actor: 'a1' },
      eventId: '0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b',
      streamId: 'things-1',
      streamRevision: 4n,
      globalPosition: 9n,
      occurredAt: '2024-09-02T08:00:00.000Z',
      recordedAt: '2024-09-03T08:00:00.000Z',
    });
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.data)).toBe(true);
    expect(Object.isFrozen((event.data as { tags: unknown }).tags)).toBe(true);
  });

  it('reads missing or null metadata as empty', () => {
    expect(registry.decode(record({ metadata: null })).metadata).toEqual({});
    expect(registry.decode(record({ metadata: undefined })).metadata).toEqual({});
  });

  it('throws, naming the stream, revision and field, when stored data no longer parses', () => {
    const error = decodeError({ schemaVersion: 2, data: { name: 'cup', size: 'big' } });
    expect(error).toMatchObject({ streamId: 'things-1', streamRevision: 4n, type: 'ThingMade', schemaVersion: 2, code: 'STORED_EVENT_INVALID' });
    expect(paths(error)).toEqual(['data.size']);
    expect(error.message).toMatch(/^Stored event 'ThingMade' v2 at things-1@4 is invalid: data\.size/);
  });

  it('checks every envelope field', () => {
    const error = decodeError({ occurredAt: 'then', recordedAt: '2024-09-03', eventId: 'x', streamRevision: -1n, globalPosition: -2n, metadata: { actor: 7 } });
    expect(paths(error).sort()).toEqual(['eventId', 'globalPosition', 'metadata.actor', 'occurredAt', 'recordedAt', 'streamRevision']);
  });

  it('refuses a stored event of an unknown type or version', () => {
    expect(paths(decodeError({ type: 'Vanished' }))).toEqual(['type']);
    expect(paths(decodeError({ schemaVersion: 9 }))).toEqual(['schemaVersion']);
  });

  it('refuses a stored event whose upcaster throws or yields invalid data', () => {
    const threw = decodeError({ type: 'Fragile', data: { n: -3 } });
    expect(threw.issues[0]).toMatchObject({ code: 'upcast', message: 'upcaster v1→v2 threw: negative' });
    expect(paths(decodeError({ type: 'Fragile', data: { n: 0 } }))).toEqual(['data.n']);
  });
});

describe('toStoredEvent', () => {
  it('puts the latest data and the placement into a frozen envelope', () => {
    const [prepared] = registry.prepare([{ type: 'ThingMade', schemaVersion: 1, data: { name: 'cup' }, occurredAt: AT }], ids());
    const stored = toStoredEvent(prepared!, { streamId: 's', streamRevision: 0n, globalPosition: 3n, recordedAt: AT });
    expect(stored).toMatchObject({ type: 'ThingMade', schemaVersion: 3, data: { title: 'cup', size: 1, tags: [] }, streamId: 's', globalPosition: 3n });
    expect(Object.isFrozen(stored)).toBe(true);
  });
});
