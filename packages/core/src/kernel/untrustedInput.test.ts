import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventValidationError, InvalidArgumentError, StoredEventInvalidError, textOf } from './errors.js';
import { defineEvent } from './eventDefinition.js';
import { seededIds } from './ids.js';
import { MAX_POSITION, MAX_REVISION, checkExpectedRevisionOption, planAllRead, planAppend, planStreamRead, planSubscription } from './readOptions.js';
import { createEventRegistry, type EventRegistry, type RecordedEvent } from './registry.js';

// Found by the fuzz suites of issue 9: each of these threw a TypeError, or let a value past, before.
const registry = createEventRegistry([defineEvent('ThingMade', z.object({ name: z.string() }))]) as unknown as EventRegistry;
const record: RecordedEvent = {
  type: 'ThingMade',
  schemaVersion: 1,
  data: { name: 'a' },
  metadata: {},
  eventId: '4f1c2b9e-8d3a-4c5b-9e7f-1a2b3c4d5e6f',
  streamId: 'things-1',
  streamRevision: 0n,
  globalPosition: 0n,
  occurredAt: '2024-09-02T08:00:00.000Z',
  recordedAt: '2024-09-02T08:00:00.000Z',
};
const refusal = (value: unknown): StoredEventInvalidError => {
  try {
    registry.decode(value as RecordedEvent);
  } catch (error) {
    if (error instanceof StoredEventInvalidError) return error;
    throw error;
  }
  throw new Error('expected a StoredEventInvalidError');
};
const fields = (error: StoredEventInvalidError) => error.issues.map((issue) => issue.path.join('.'));

describe('untrusted input the kernel refuses with a typed error', () => {
  it('shows any value in a message without throwing', () => {
    expect(textOf({ toString: 1 })).toBe('(object)');
    expect(textOf(Object.create(null))).toBe('(object)');
    expect(textOf(Symbol('s'))).toBe('(symbol)');
    expect(textOf(2n ** 80n)).toBe('1208925819614629174706176');
    expect(textOf('x'.repeat(1_000))).toHaveLength(201);
  });

  it('refuses a stored record whose type or version cannot be turned into text, or that is no object', () => {
    expect(fields(refusal({ ...record, type: { toString: 1 } }))).toStrictEqual(['type']);
    expect(fields(refusal({ ...record, schemaVersion: Object.create(null) }))).toStrictEqual(['schemaVersion']);
    expect(fields(refusal(null))).toStrictEqual(['']);
    expect(fields(refusal('ThingMade'))).toStrictEqual(['']);
  });

  it('refuses stored revisions beyond 2^64 - 1, positions beyond 2^128 - 1 and stream ids a store could not hold', () => {
    expect(registry.decode({ ...record, streamRevision: MAX_REVISION, globalPosition: MAX_POSITION }).streamRevision).toBe(MAX_REVISION);
    expect(fields(refusal({ ...record, streamRevision: MAX_REVISION + 1n }))).toStrictEqual(['streamRevision']);
    expect(fields(refusal({ ...record, globalPosition: 2n ** 128n }))).toStrictEqual(['globalPosition']);
    expect(fields(refusal({ ...record, streamId: 'a\u0000b' }))).toStrictEqual(['streamId']);
    expect(fields(refusal({ ...record, streamId: 42 }))).toStrictEqual(['streamId']);
  });

  it('refuses a batch that is not an array, and an event that is not an object, naming its index', () => {
    expect(() => registry.prepare(0 as never, seededIds(1))).toThrow(InvalidArgumentError);
    expect(() => registry.prepare({ length: 1e9 } as never, seededIds(1))).toThrow(InvalidArgumentError);
    expect(() => registry.prepare([{ type: 'ThingMade', data: { name: 'a' }, occurredAt: record.occurredAt }, null] as never, seededIds(1))).toThrow(
      expect.objectContaining({ constructor: EventValidationError, index: 1 }) as Error,
    );
  });

  it('refuses options that are not objects, a filter that is not one, and revisions or positions out of range', () => {
    expect(() => planStreamRead(null as never)).toThrow(expect.objectContaining({ field: 'options' }) as Error);
    expect(() => planAllRead(5 as never)).toThrow(expect.objectContaining({ field: 'options' }) as Error);
    expect(() => planAllRead({ filter: null as never })).toThrow(expect.objectContaining({ field: 'filter' }) as Error);
    expect(() => planSubscription([] as never)).toThrow(expect.objectContaining({ field: 'options' }) as Error);
    expect(() => planAppend(null as never)).toThrow(expect.objectContaining({ field: 'options' }) as Error);
    expect(planAppend(undefined)).toBe('any');
    expect(checkExpectedRevisionOption(MAX_REVISION)).toBe(MAX_REVISION);
    expect(() => checkExpectedRevisionOption(MAX_REVISION + 1n)).toThrow(expect.objectContaining({ field: 'expectedRevision' }) as Error);
    expect(() => planStreamRead({ fromRevision: 2n ** 80n })).toThrow(expect.objectContaining({ field: 'fromRevision' }) as Error);
    expect(planAllRead({ fromPosition: MAX_POSITION }).from).toBe(MAX_POSITION);
    expect(() => planAllRead({ fromPosition: 2n ** 128n })).toThrow(expect.objectContaining({ field: 'fromPosition' }) as Error);
    expect(() => planSubscription({ after: 2n ** 128n })).toThrow(expect.objectContaining({ field: 'after' }) as Error);
    expect(planSubscription({ after: -1n }).after).toBe(-1n);
  });
});
