import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ittLedgerEventDefinitions } from '../domain.js';
import { compileFastParser, fastParserOf, REFUSED, type FastParseBackend } from './fastParse.js';

// The fast parser must never accept what zod refuses, and must give zod's output for what it accepts.
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(text)), 'not a date');
const Tag = z.string().min(1).max(5);
const schemas = {
  amount: z.object({ amount: z.number().int().min(-100).max(100), reference: z.string().min(1).max(6) }),
  tags: z.object({ tags: z.array(Tag).max(3), weight: z.number().int().min(0).max(10) }),
  optional: z.object({ note: z.string().max(4).optional(), on: LocalDate, flag: z.boolean().nullable() }),
  choice: z.object({ kind: z.enum(['a', 'b']), version: z.literal(2), id: z.uuid(), extra: z.unknown() }),
  nested: z.object({ inner: z.object({ n: z.number().gt(0).lte(5), s: z.string().length(2) }).optional(), list: z.array(z.number()).min(1).readonly() }),
  exactOptional: z.object({ maybe: z.exactOptional(z.string()), lower: z.string().toLowerCase().optional() }),
  // zod answers with the first option that accepts: a fast parser covers that one and defers the rest.
  union: z.object({ either: z.union([z.string().max(3), z.number().int(), z.object({ n: z.number() })]), note: z.union([z.string(), z.null()]).optional() }),
} as const;

const leaf = fc.oneof(
  fc.constantFrom('a', 'ab', 'abc', 'A', 'ABCDEFG', '', 'toolongvalue', '2024-09-02', '2024-9-2', 'b', '0d6d4e3c-8a70-4f7e-9c5d-1f2a3b4c5d6e'),
  fc.string({ maxLength: 8 }),
  // Outside the BMP: zod counts code points, a fast parser first counts UTF-16 units.
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('😀', '😀😀', '😀😀😀', 'a😀', '😀😀😀😀😀😀', '\ud800'),
  fc.integer({ min: -200, max: 200 }),
  fc.constantFrom(0, -0, 0.5, 1e300, Number.NaN, Number.POSITIVE_INFINITY, 2, 5, 5.5),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);
const KEYS = ['amount', 'reference', 'tags', 'weight', 'note', 'on', 'flag', 'kind', 'version', 'id', 'extra', 'inner', 'list', 'n', 's', 'maybe', 'lower', 'other', 'toString'];
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** An object with each of the schema's keys most of the time, with values that are often valid. */
const nearly = fc.record(
  Object.fromEntries(KEYS.map((key) => [key, fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.constantFrom('n', 's', 'x'), leaf, { maxKeys: 3 }))])),
  { requiredKeys: [] },
);

/** Per schema: each field valid most of the time, at and around its bounds, else any value; keys sometimes missing or extra. */
const mostly = (valid: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: leaf, weight: 1 });
const fields: Record<keyof typeof schemas, Record<string, fc.Arbitrary<unknown>>> = {
  amount: { amount: fc.integer({ min: -101, max: 101 }), reference: fc.string({ minLength: 0, maxLength: 7 }) },
  tags: { tags: fc.array(fc.oneof(fc.string({ maxLength: 6 }), leaf), { maxLength: 4 }), weight: fc.oneof(fc.integer({ min: -1, max: 11 }), fc.double({ min: 0, max: 10 })) },
  optional: { note: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(undefined)), on: fc.constantFrom('2024-09-02', '2024-9-02', '2024-09-02T', '2024-13-45'), flag: fc.constantFrom(true, false, null) },
  choice: {
    kind: fc.constantFrom('a', 'b', 'c'),
    version: fc.constantFrom(2, 1, '2'),
    id: fc.oneof(fc.uuid(), fc.constant('0d6d4e3c-8a70-4f7e-9c5d-1f2a3b4c5d6')),
    extra: value,
  },
  nested: {
    inner: fc.oneof(fc.record({ n: fc.oneof(fc.double({ min: -1, max: 6 }), fc.constantFrom(0, 5)), s: fc.string({ minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }), fc.constant(undefined)),
    list: fc.array(fc.oneof(fc.double(), leaf), { maxLength: 3 }),
  },
  exactOptional: { maybe: fc.string(), lower: fc.string() },
  union: { either: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.record({ n: fc.double() })), note: fc.oneof(fc.string(), fc.constant(null)) },
};
const inputFor = (name: keyof typeof schemas) =>
  fc.tuple(
    fc.record(Object.fromEntries(Object.entries(fields[name]).map(([key, arbitrary]) => [key, mostly(arbitrary)])), { requiredKeys: Object.keys(fields[name]) }),
    fc.subarray(Object.keys(fields[name])),
    fc.dictionary(fc.constantFrom('other', 'toString', 'extra2'), leaf, { maxKeys: 2 }),
  ).map(([record, dropped, extra]) => {
    const out: Record<string, unknown> = { ...extra, ...record };
    for (const key of dropped.slice(0, 1)) delete out[key];
    return out;
  });

const isDeepFrozen = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen));

const BACKENDS: readonly FastParseBackend[] = ['code', 'closures'];

describe.each(BACKENDS)('compileFastParser, %s backend (properties)', (backend) => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: accepts only what zod accepts, with zod's output, deep-frozen`, () => {
      const parse = compileFastParser(schema, backend);
      if (name === 'exactOptional') {
        // toLowerCase rewrites the value: zod's alone.
        expect(parse).toBeUndefined();
        return;
      }
      expect(parse).toBeDefined();
      let accepted = 0;
      fc.assert(
        fc.property(fc.oneof(value, nearly, inputFor(name as keyof typeof schemas), inputFor(name as keyof typeof schemas)), (input) => {
          const fast = parse!(structuredClone(input));
          const zod = schema.safeParse(structuredClone(input));
          if (fast === REFUSED) return;
          accepted++;
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
          expect(isDeepFrozen(fast)).toBe(true);
        }),
        { seed: 20_261_124, numRuns: 3_000 },
      );
      // The generators make valid data often enough for the comparison to mean something.
      expect(accepted).toBeGreaterThan(20);
    });
  }

  it('accepts valid data of every kind it covers', () => {
    const valid = [
      [schemas.amount, { amount: -7, reference: 'ref-1', ignored: true }],
      [schemas.tags, { tags: ['a', 'bc'], weight: 3 }],
      [schemas.optional, { on: '2024-09-02', flag: null }],
      [schemas.optional, { note: undefined, on: '2024-09-02', flag: true }],
      [schemas.choice, { kind: 'b', version: 2, id: '0d6d4e3c-8a70-4f7e-9c5d-1f2a3b4c5d6e', extra: { any: [1] } }],
      [schemas.nested, { inner: { n: 5, s: 'ab' }, list: [1.5] }],
      [schemas.nested, { inner: { n: 5, s: '😀😀' }, list: [1.5] }],
      [schemas.amount, { amount: 0, reference: '😀😀😀' }],
    ] as const;
    for (const [schema, input] of valid) {
      const fast = compileFastParser(schema, backend)!(input);
      expect(fast).not.toBe(REFUSED);
      expect(fast).toStrictEqual(schema.parse(input));
    }
  });

  it('leaves to zod what it does not cover', () => {
    const uncovered = [
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.string() }).refine(() => true),
      z.object({ a: z.array(z.string()).refine(() => true) }),
      z.object({ a: z.string().superRefine(() => undefined) }),
      z.object({ a: z.url() }),
      z.object({ a: z.string().trim() }),
      z.object({ a: z.coerce.number() }),
      z.strictObject({ a: z.string() }),
      z.object({ a: z.xor([z.string(), z.number()]) }),
      z.object({ a: z.discriminatedUnion('k', [z.object({ k: z.literal('x') }), z.object({ k: z.literal('y') })]) }),
      z.object({ a: z.union([z.string(), z.number()]).refine(() => true) }),
      z.looseObject({ a: z.string() }),
    ];
    for (const schema of uncovered) expect(compileFastParser(schema, backend)).toBeUndefined();
  });

  it('covers most of the domain’s event schemas', () => {
    const versions = ittLedgerEventDefinitions.flatMap((definition) => definition.versions);
    const covered = versions.filter((version) => compileFastParser(version.schema, backend) !== undefined).length;
    // 74 of 77: what is left out refines an object or an array (calendar terms, a route, a placement's dates).
    expect(covered).toBeGreaterThanOrEqual(74);
  });
});

describe('fastParserOf on the zod installed', () => {
  it('passes its own probe of zod’s internals, so fast parsing is on', () => {
    expect(fastParserOf(z.object({ s: z.string() }))).toBeTypeOf('function');
  });

  it('generates code by default, and closures where zod is told not to (jitless, for strict CSPs)', () => {
    // The generated function is named; the closures are anonymous arrows.
    expect(fastParserOf(z.object({ s: z.string() }))?.name).toBe('fastParse');
    const before = z.config().jitless;
    z.config({ jitless: true });
    try {
      const parse = fastParserOf(z.object({ s: z.string().max(2) }));
      expect(parse?.name).toBe('');
      expect(parse?.({ s: 'ab', t: 1 })).toStrictEqual({ s: 'ab' });
      expect(parse?.({ s: 'abc' })).toBe(REFUSED);
    } finally {
      z.config({ jitless: before });
    }
  });
});
