/**
 * A parser for the common shapes of event data that gives exactly zod's output for a value zod accepts,
 * deep-frozen as it is built (every caller freezes it: the registry stores and hands out only frozen
 * data), without zod's per-field allocations: zod's `safeParse` of a small event's data allocates ~750
 * bytes and was a third of an append. It reads the schema's definition once (`fastParsePlan.ts`) and runs
 * zod's own checks. It answers {@link REFUSED} for anything it does not accept, and the caller then runs
 * zod itself: a refusal, its issues and any value this parser is not sure of are always zod's.
 */
import { z } from 'zod';
import { closuresOf } from './fastParseClosures.js';
import { codeOf } from './fastParseCode.js';
import { planOf, REFUSED, type FastParser, type ZodCheck } from './fastParsePlan.js';

export { REFUSED, type FastParser } from './fastParsePlan.js';

/** Generated code (the default) or closures: the same plan, the same answers. */
export type FastParseBackend = 'code' | 'closures';

let codeAllowed: boolean | undefined;
/** Generated code unless zod is told not to (`z.config({ jitless: true })`, for strict CSPs) or `new Function` throws. */
const defaultBackend = (): FastParseBackend => {
  if (z.config().jitless === true) return 'closures';
  if (codeAllowed === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the probe of whether code may be generated
      codeAllowed = (new Function('return 1') as () => unknown)() === 1;
    } catch {
      codeAllowed = false;
    }
  }
  return codeAllowed ? 'code' : 'closures';
};

/** A schema's fast parser with the given backend, built anew; undefined when the schema has anything it does not cover. */
export const compileFastParser = (schema: z.ZodType, backend: FastParseBackend): FastParser | undefined => {
  const plan = planOf(schema as unknown as ZodCheck);
  if (plan === undefined) return undefined;
  if (backend === 'closures') return closuresOf(plan);
  try {
    return codeOf(plan);
  } catch {
    codeAllowed = false;
    return closuresOf(plan);
  }
};

/**
 * This parser reads zod's internals (`_zod.def`, `_zod.check`). A probe, run once, checks that they still
 * mean what they meant: if a zod release changed them, fast parsing turns itself off and every value goes
 * through zod, only slower.
 */
const probeZod = (backend: FastParseBackend): boolean => {
  try {
    const probe = z.object({
      s: z.string().min(2).max(4).regex(/^[a-z]+$/),
      n: z.number().int().min(0).max(9),
      b: z.boolean(),
      e: z.enum(['a', 'b']),
      l: z.literal('x'),
      a: z.array(z.string().min(1)).max(2),
      o: z.string().optional(),
      nl: z.number().nullable(),
      // zod measures strings in code points: two emoji are four UTF-16 units.
      u: z.string().max(2).optional(),
      // A union is its first option; the rest are zod's.
      un: z.union([z.string().max(3), z.number()]).optional(),
    });
    const parse = compileFastParser(probe, backend);
    if (parse === undefined) return false;
    const good = { s: 'abc', n: 3, b: true, e: 'a', l: 'x', a: ['q'], nl: null, extra: 1 };
    const samples: unknown[] = [
      good,
      { ...good, o: 'here' },
      { ...good, s: 'a' },
      { ...good, s: 'abcde' },
      { ...good, s: 'AB' },
      { ...good, n: 1.5 },
      { ...good, n: 10 },
      { ...good, n: Number.NaN },
      { ...good, b: 'true' },
      { ...good, e: 'c' },
      { ...good, l: 'y' },
      { ...good, a: ['q', 'r', 's'] },
      { ...good, a: [''] },
      { ...good, o: 1 },
      { ...good, nl: undefined },
      { ...good, u: '😀😀' },
      { ...good, u: '😀😀😀' },
      { ...good, un: 'abc' },
      { ...good, un: 'abcd' },
      null,
    ];
    return samples.every((sample) => {
      const fast = parse(sample);
      const slow = probe.safeParse(sample);
      return slow.success ? fast !== REFUSED && JSON.stringify(fast) === JSON.stringify(slow.data) : fast === REFUSED;
    });
  } catch {
    return false;
  }
};
const probed = new Map<FastParseBackend, boolean>();
const compiled = { code: new WeakMap<z.ZodType, FastParser | null>(), closures: new WeakMap<z.ZodType, FastParser | null>() };

/** The schema's fast parser, built on first use; undefined when the schema has anything it does not cover. */
export const fastParserOf = (schema: z.ZodType): FastParser | undefined => {
  const backend = defaultBackend();
  let asExpected = probed.get(backend);
  if (asExpected === undefined) probed.set(backend, (asExpected = probeZod(backend)));
  if (!asExpected) return undefined;
  let parser = compiled[backend].get(schema);
  if (parser === undefined) {
    parser = compileFastParser(schema, backend) ?? null;
    compiled[backend].set(schema, parser);
  }
  return parser ?? undefined;
};
