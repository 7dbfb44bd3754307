import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ittLedgerEventDefinitions } from '../domain.js';
import { corruptedInput } from '../testing/arbitraries/corruption.js';
import { placementHistoryArbitrary } from '../testing/arbitraries/placements.js';
import { compileFastParser, REFUSED, type FastParseBackend } from './fastParse.js';

// The domain's own data, valid and then broken in one place: both backends answer as zod does.
const latestSchema = new Map<string, z.ZodType>(ittLedgerEventDefinitions.map((definition) => [definition.type, definition.versions.at(-1)!.schema]));
const BACKENDS: readonly FastParseBackend[] = ['code', 'closures'];

/** A copy per parser where one can be made (symbols and functions cannot): a parser may freeze what it is given. */
const copy = (value: unknown): unknown => {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
};

const expectAsZod = (schema: z.ZodType, input: unknown): boolean => {
  const zod = schema.safeParse(copy(input));
  for (const backend of BACKENDS) {
    const parse = compileFastParser(schema, backend);
    if (parse === undefined) return false;
    const fast = parse(copy(input));
    if (fast === REFUSED) {
      // A refusal is always handed to zod, so only an acceptance zod would refuse is wrong.
      continue;
    }
    expect(zod.success, `${backend} accepted what zod refuses`).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    expect(fast).toStrictEqual(zod.data);
  }
  return true;
};

describe('fast parsers on the placement domain’s data (properties)', () => {
  it('give zod’s output for every event of a valid placement history, on both backends', () => {
    let compared = 0;
    fc.assert(
      fc.property(placementHistoryArbitrary, ({ events }) => {
        for (const event of events) {
          const schema = latestSchema.get(event.type)!;
          if (expectAsZod(schema, event.data)) {
            compared++;
            expect(compileFastParser(schema, 'code')!(copy(event.data))).not.toBe(REFUSED);
          }
        }
      }),
      { seed: 20_261_124, numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(1_000);
  });

  it('accept a broken event only where zod does, with zod’s output', () => {
    const broken = placementHistoryArbitrary.chain(({ events }) =>
      fc.constantFrom(...events).chain((event) => corruptedInput(event.data).map(({ input }) => ({ type: event.type, input }))),
    );
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(broken, ({ type, input }) => {
        const schema = latestSchema.get(type)!;
        if (expectAsZod(schema, input)) verdicts[compileFastParser(schema, 'code')!(copy(input)) === REFUSED ? 'refused' : 'accepted']++;
      }),
      { seed: 20_261_124, numRuns: 1_000 },
    );
    // Both answers are exercised: an extra key or a bad optional value is often accepted (stripped), a bad required one never.
    expect(verdicts.accepted).toBeGreaterThan(50);
    expect(verdicts.refused).toBeGreaterThan(300);
  });
});
