import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventValidationError, StreamNotFoundError, WrongExpectedRevisionError } from '../../kernel/errors.js';
import type { NewEvent } from '../../kernel/envelope.js';
import type { ExpectedRevision } from '../../kernel/store.js';
import { added, invalid, ItemAdded, OCCURRED, type ContractContext, type ContractEvent } from './fixtures.js';

type ExpectedKind = 'any' | 'no_stream' | 'stream_exists' | 'exact' | 'exact-wrong';
type Op =
  | { readonly kind: 'append'; readonly stream: number; readonly count: number; readonly expected: ExpectedKind; readonly invalidAt: number | null }
  | { readonly kind: 'readStream'; readonly stream: number; readonly backwards: boolean; readonly from: number | null; readonly maxCount: number | null }
  | { readonly kind: 'readAll'; readonly backwards: boolean; readonly maxCount: number | null };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('append' as const),
    stream: fc.nat(2),
    count: fc.nat(3),
    expected: fc.constantFrom<ExpectedKind>('any', 'no_stream', 'stream_exists', 'exact', 'exact-wrong'),
    invalidAt: fc.option(fc.nat(3)),
  }) },
  { weight: 1, arbitrary: fc.record({
    kind: fc.constant('readStream' as const),
    stream: fc.nat(2),
    backwards: fc.boolean(),
    from: fc.option(fc.nat(6)),
    maxCount: fc.option(fc.nat(4)),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('readAll' as const), backwards: fc.boolean(), maxCount: fc.option(fc.nat(6)) }) },
);

interface Outcome {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: unknown;
}

const outcome = async (work: Promise<unknown>): Promise<Outcome> =>
  work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

const itemOf = (event: { data: unknown }) => (event.data as { itemId: string }).itemId;

/** Runs random interleavings of appends and reads against the store and against a plain model of it. */
const runAgainstModel = async (ctx: ContractContext, ops: readonly Op[], run: number) => {
  const streamIds = [0, 1, 2].map((i) => `${ctx.prefix}m${run}-${i}`);
  const model = streamIds.map(() => [] as string[]);
  const global: string[] = [];
  const filter = { streamPrefixes: [`${ctx.prefix}m${run}-`] };
  let next = 0;
  for (const op of ops) {
    if (op.kind === 'append') {
      const streamId = streamIds[op.stream]!;
      const events = model[op.stream]!;
      const items = Array.from({ length: op.count }, () => `i${next++}`);
      const batch: NewEvent<ContractEvent>[] = items.map((item, i) => (i === op.invalidAt ? invalid() : added(item)));
      const current = events.length === 0 ? undefined : BigInt(events.length - 1);
      const expected: ExpectedRevision =
        op.expected === 'exact' ? (current ?? 0n) : op.expected === 'exact-wrong' ? (current ?? -1n) + 2n : op.expected;
      const result = await outcome(ctx.store.appendToStream(streamId, batch, { expectedRevision: expected }));
      const hasInvalid = op.invalidAt !== null && op.invalidAt < op.count;
      const revisionOk =
        expected === 'any' ||
        (expected === 'no_stream' && current === undefined) ||
        (expected === 'stream_exists' && current !== undefined) ||
        (typeof expected === 'bigint' && expected === current);
      if (hasInvalid) {
        expect(result.ok || (result.error as Error)).toBeInstanceOf(EventValidationError);
      } else if (!revisionOk) {
        expect(result.ok || (result.error as Error)).toBeInstanceOf(WrongExpectedRevisionError);
      } else {
        expect(result.ok ? true : result.error).toBe(true);
        events.push(...items);
        global.push(...items);
        expect((result.value as { nextExpectedRevision: bigint }).nextExpectedRevision).toBe(BigInt(events.length - 1));
      }
    } else if (op.kind === 'readStream') {
      const events = model[op.stream]!;
      const options = {
        direction: op.backwards ? ('backwards' as const) : ('forwards' as const),
        ...(op.from === null ? {} : { fromRevision: BigInt(op.from) }),
        ...(op.maxCount === null ? {} : { maxCount: op.maxCount }),
      };
      const result = await outcome(ctx.store.readStream(streamIds[op.stream]!, options));
      if (events.length === 0) {
        expect(result.ok || (result.error as Error)).toBeInstanceOf(StreamNotFoundError);
        continue;
      }
      let expectedItems: string[];
      if (!op.backwards) expectedItems = events.slice(op.from ?? 0);
      else expectedItems = events.slice(0, Math.min(op.from ?? events.length - 1, events.length - 1) + 1).reverse();
      if (op.maxCount !== null) expectedItems = expectedItems.slice(0, op.maxCount);
      expect(result.ok ? (result.value as { data: unknown }[]).map(itemOf) : result.error).toEqual(expectedItems);
    } else {
      const read = await ctx.store.readAll({
        direction: op.backwards ? 'backwards' : 'forwards',
        filter,
        ...(op.maxCount === null ? {} : { maxCount: op.maxCount }),
      });
      let expectedItems = op.backwards ? [...global].reverse() : global;
      if (op.maxCount !== null) expectedItems = expectedItems.slice(0, op.maxCount);
      expect(read.map(itemOf)).toEqual(expectedItems);
    }
  }
  // The end state agrees, whatever happened on the way.
  for (let i = 0; i < streamIds.length; i++) {
    const events = model[i]!;
    const read = await outcome(ctx.store.readStream(streamIds[i]!));
    if (events.length === 0) expect(read.ok).toBe(false);
    else expect((read.value as { data: unknown; streamRevision: bigint }[]).map((e) => [itemOf(e), e.streamRevision])).toEqual(events.map((item, r) => [item, BigInt(r)]));
  }
  const all = await ctx.store.readAll({ filter });
  expect(all.map(itemOf)).toEqual(global);
  for (let i = 1; i < all.length; i++) expect(all[i]!.globalPosition > all[i - 1]!.globalPosition).toBe(true);
};

export const propertyContract = (get: () => ContractContext, numRuns: number, seed: number | undefined) => {
  const params = { numRuns, ...(seed === undefined ? {} : { seed }) };
  describe('properties against a model', () => {
    it('random interleavings of appends and reads agree with the model', async () => {
      const ctx = get();
      let run = 0;
      await fc.assert(fc.asyncProperty(fc.array(opArbitrary, { maxLength: 25 }), (ops) => runAgainstModel(ctx, ops, run++)), params);
    });

    it('any data is either valid by the schema and stored, or refused with the field named and nothing written', async () => {
      const ctx = get();
      const schema = ItemAdded.versions[1]!.schema;
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue(),
            fc.record({ itemId: fc.oneof(fc.string(), fc.integer()), quantity: fc.oneof(fc.integer(), fc.double(), fc.string()), unit: fc.string() }, { requiredKeys: [] }),
          ),
          async (data) => {
            const streamId = `${ctx.prefix}fuzz-${run++}`;
            const event = { type: 'ItemAdded', data, occurredAt: OCCURRED } as unknown as NewEvent<ContractEvent>;
            const result = await outcome(ctx.store.appendToStream(streamId, [event]));
            if (schema.safeParse(data).success) {
              expect(result.ok).toBe(true);
              expect((await ctx.store.readStream(streamId)).length).toBe(1);
            } else {
              expect(result.ok || (result.error as Error)).toBeInstanceOf(EventValidationError);
              expect((result.error as EventValidationError).issues.length).toBeGreaterThan(0);
              expect((result.error as EventValidationError).issues.every((i) => i.path[0] === 'data')).toBe(true);
              await expect(ctx.store.readStream(streamId)).rejects.toBeInstanceOf(StreamNotFoundError);
            }
          },
        ),
        params,
      );
    });

    it('reading all backwards is reading all forwards reversed', async () => {
      const ctx = get();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 })), { maxLength: 12 }), async (appends) => {
          const prefix = `${ctx.prefix}rev${run++}-`;
          for (const [stream, count] of appends) {
            await ctx.store.appendToStream(`${prefix}${stream}`, Array.from({ length: count }, (_, i) => added(`x${i}`)));
          }
          const filter = { streamPrefixes: [prefix] };
          const forwards = await ctx.store.readAll({ filter });
          const backwards = await ctx.store.readAll({ direction: 'backwards', filter });
          expect(backwards).toEqual([...forwards].reverse());
        }),
        params,
      );
    });
  });
};
