import {
  IttLedgerError,
  InvalidArgumentError,
  StoredEventInvalidError,
  createInMemoryKeyStore,
  createIttLedgerRegistry,
  fixedClock,
  seededIds,
  withCryptoShredding,
  type IttLedgerEvent,
  type NewEvent,
  type RecordedEvent,
  type StoredEvent,
} from '@itt-ledger/core';
import { badValueArbitrary, corruptedInput, issuesName, type CorruptedInput } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzWorld } from './commandFuzz.fixtures.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const registry = createIttLedgerRegistry();
let records: readonly RecordedEvent[] = [];
const counts = { decoded: 0, refused: 0, storeCalls: 0, storeRefusals: 0 };

beforeAll(async () => {
  const { store } = await fuzzWorld();
  records = (await store.readAll()).map((event: StoredEvent) => ({ ...event }));
});

afterAll(() => {
  console.log(`[fuzz] stored payloads: ${counts.decoded} decoded, ${counts.refused} refused naming the field`);
  console.log(`[fuzz] store arguments: ${counts.storeCalls} calls, ${counts.storeRefusals} refused, nothing written by any`);
});

const ENVELOPE_GARBAGE: Readonly<Record<string, readonly unknown[]>> = {
  type: ['', 'NoSuchEvent', 'placementarranged', { toString: 1 }, 42, null],
  schemaVersion: [0, -1, 2, 99, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1', 1n],
  streamRevision: [-1n, -5n, 2n ** 64n, 2n ** 80n, 5, '5', Number.NaN],
  globalPosition: [-1n, 2n ** 128n, 2n ** 130n, -(2n ** 80n), 3, null],
  occurredAt: ['2024-02-30T08:00:00.000Z', '0000-00-00T00:00:00Z', '99999-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.001Z', '2024-09-02', '2024-09-02T08:00:00', 1_725_264_000_000, ''],
  recordedAt: ['2024-13-01T00:00:00.000Z', 'yesterday', Number.POSITIVE_INFINITY, `2024-09-02T08:00:00.000Z${'x'.repeat(100_000)}`],
  eventId: ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', '', 'x'.repeat(100_000), 7],
  metadata: [42, 'actor', [], { actor: '' }, { actor: 'x'.repeat(513) }, { tenant: 'a' }, { __proto__: null, actor: 5 }],
  streamId: ['', '\u0000', 'x'.repeat(513), 5, null],
};

/** One envelope field set to a value a stored event can never have. */
const envelopeCorruption: fc.Arbitrary<(valid: RecordedEvent) => CorruptedInput> = fc
  .constantFrom(...Object.keys(ENVELOPE_GARBAGE))
  .chain((field) => fc.constantFrom(...ENVELOPE_GARBAGE[field]!).map((value) => ({ field, value })))
  .map(({ field, value }) => (valid) => ({ input: { ...valid, [field]: value }, path: [field], kind: 'replaced' as const }));

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A replaced value of another type than the original, a removed envelope field, or garbage in an envelope field. */
const mustBeRefused = (valid: RecordedEvent, corruption: CorruptedInput): boolean => {
  const [top] = corruption.path;
  if (corruption.path.length === 0) return true;
  if (corruption.path.length === 1 && top !== 'data' && top !== 'metadata' && corruption.kind === 'removed') return true;
  if (corruption.kind !== 'replaced') return false;
  let original: unknown = valid;
  let value: unknown = corruption.input;
  for (const key of corruption.path) {
    original = (original as Record<string | number, unknown>)[key];
    value = (value as Record<string | number, unknown>)[key];
  }
  // Missing or null metadata reads as empty metadata.
  if (value === undefined || (top === 'metadata' && corruption.path.length === 1 && value === null)) return false;
  return kindOf(value) !== kindOf(original) || (typeof value === 'number' && !Number.isFinite(value)) || (typeof value === 'string' && value.length > 10_000);
};

const outcome = (record: unknown): { event: StoredEvent } | { error: unknown } => {
  try {
    return { event: registry.decode(record as RecordedEvent) };
  } catch (error) {
    return { error };
  }
};

const decodeCorrupted = (valid: RecordedEvent, corruption: CorruptedInput): void => {
  const result = outcome(corruption.input);
  if ('event' in result) {
    expect(mustBeRefused(valid, corruption), `accepted ${JSON.stringify(corruption.path)}`).toBe(false);
    expect(Object.isFrozen(result.event)).toBe(true);
    counts.decoded++;
    return;
  }
  expect(result.error).toBeInstanceOf(StoredEventInvalidError);
  const issues = (result.error as StoredEventInvalidError).issues;
  expect(issuesName(issues, corruption.path), `${(result.error as Error).message.slice(0, 300)} does not name ${JSON.stringify(corruption.path)}`).toBe(true);
  counts.refused++;
};

describe('stored events read back through the ITT registry, fuzzed', () => {
  it('decodes a corrupted record, or refuses it with StoredEventInvalidError naming the field; never crashes', () => {
    const arb = fc.integer({ min: 0, max: 1_000 }).chain((i) => {
      const valid = records[i % records.length]!;
      return corruptedInput(valid).map((corruption) => ({ valid, corruption }));
    });
    fc.assert(
      fc.property(arb, ({ valid, corruption }) => decodeCorrupted(valid, corruption)),
      { seed: 91_001, numRuns: 1_500 },
    );
  });

  it('refuses unknown types, future versions, bad instants, ids, metadata, stream ids and out-of-range revisions and positions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), envelopeCorruption, (i, corrupt) => {
        const valid = records[i % records.length]!;
        const corruption = corrupt(valid);
        expect(() => registry.decode(corruption.input as RecordedEvent)).toThrow(StoredEventInvalidError);
        decodeCorrupted(valid, corruption);
      }),
      { seed: 91_002, numRuns: 400 },
    );
  });
});

const STREAM = 'fuzz-stream';
const validEvent: NewEvent<IttLedgerEvent> = { type: 'SchoolRegistered', data: { schoolId: 's1', providerId: 'prov1', name: 'Ashdown Primary', phase: 'primary', region: 'outer_london' }, occurredAt: '2024-09-02T08:00:00.000Z' };

const revisionGarbage = fc.oneof(badValueArbitrary, fc.constantFrom<unknown>(2n ** 64n, 2n ** 80n, 2n ** 128n, -2n, -5n, Number.NaN, 0, 1, '0'));
const optionsGarbage = fc.oneof(
  badValueArbitrary,
  fc.record({ expectedRevision: revisionGarbage }),
  fc.record({ fromRevision: revisionGarbage, maxCount: badValueArbitrary, direction: badValueArbitrary }, { requiredKeys: [] }),
  fc.record({ fromPosition: revisionGarbage, maxCount: badValueArbitrary, filter: badValueArbitrary }, { requiredKeys: [] }),
  fc.record({ filter: fc.record({ eventTypes: badValueArbitrary, streamPrefixes: badValueArbitrary }, { requiredKeys: [] }) }),
);

type Call = { readonly method: 'appendToStream' | 'readStream' | 'readAll'; readonly args: readonly unknown[] };

const calls: fc.Arbitrary<Call> = fc.oneof(
  fc.record({
    method: fc.constant('appendToStream' as const),
    args: fc.tuple(
      fc.oneof(fc.constant(STREAM), badValueArbitrary),
      fc.oneof(fc.constant([validEvent]), badValueArbitrary, corruptedInput([validEvent]).map((c) => c.input)),
      fc.oneof(fc.constant(undefined), optionsGarbage),
    ),
  }),
  fc.record({ method: fc.constant('readStream' as const), args: fc.tuple(fc.oneof(fc.constant(STREAM), badValueArbitrary), optionsGarbage) }),
  fc.record({ method: fc.constant('readAll' as const), args: fc.tuple(optionsGarbage) }),
);

const plainStore = () => createInMemoryEventStore({ registry, clock: fixedClock('2024-09-02T08:00:00Z'), ids: seededIds(4) });
const shreddingStore = () => withCryptoShredding(plainStore(), { keyStore: createInMemoryKeyStore() });

describe.each([
  ['in-memory', plainStore, 91_003],
  ['in-memory + crypto-shredding', shreddingStore, 91_004],
] as const)('the %s store port, fuzzed with bad arguments', (_name, createStore, seed) => {
  it('answers or refuses with a typed error, and a refused call writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(calls, async ({ method, args }) => {
        const store = createStore();
        await store.appendToStream(STREAM, [validEvent]);
        const before = await store.readAll();
        counts.storeCalls++;
        try {
          await (store[method] as (...a: readonly unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          expect(error).toBeInstanceOf(IttLedgerError);
          expect(await store.readAll()).toStrictEqual(before);
          counts.storeRefusals++;
        }
      }),
      { seed, numRuns: 1_000 },
    );
  });
});

describe('the in-memory store port, fuzzed with bad arguments', () => {
  it('refuses a revision beyond 2^64 - 1 or a position beyond 2^128 - 1, below its floor, NaN or a number, naming it', async () => {
    const store = createInMemoryEventStore({ registry, clock: fixedClock('2024-09-02T08:00:00Z'), ids: seededIds(4) });
    await store.appendToStream(STREAM, [validEvent]);
    for (const bad of [2n ** 64n, 2n ** 80n, -2n, -5n, Number.NaN, 0]) {
      await expect(store.appendToStream(STREAM, [validEvent], { expectedRevision: bad as bigint })).rejects.toMatchObject({ constructor: InvalidArgumentError, field: 'expectedRevision' });
      await expect(store.readStream(STREAM, { fromRevision: bad as bigint })).rejects.toMatchObject({ constructor: InvalidArgumentError, field: 'fromRevision' });
    }
    for (const bad of [2n ** 128n, -1n, Number.NaN, Number.POSITIVE_INFINITY, 0]) {
      await expect(store.readAll({ fromPosition: bad as bigint })).rejects.toMatchObject({ constructor: InvalidArgumentError, field: 'fromPosition' });
    }
    expect(store.size()).toBe(1);
  });
});
