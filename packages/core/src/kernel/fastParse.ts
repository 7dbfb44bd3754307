import { z } from 'zod';
import { deepFreeze } from './freeze.js';

/**
 * A parser for the common shapes of event data (objects of strings, numbers, booleans, literals, enums,
 * arrays, optional and nullable fields) that gives exactly zod's output for a value zod accepts, deep-frozen
 * as it is built (every caller freezes it: the registry stores and hands out only frozen data), without
 * zod's per-field allocations: zod's `safeParse` of a small event's data allocates ~750 bytes and was
 * a third of an append. It reads the schema's own definition once and runs zod's own check functions
 * (lengths, bounds, integer formats, patterns) on one reused scratch payload. It answers {@link REFUSED}
 * for anything it does not accept, and the caller then runs zod itself: a refusal, its issues and any
 * value this parser is not sure of are always zod's. Schemas with anything else (transforms, defaults,
 * unions, refinements of objects or arrays, catch-alls, coercion) get no fast parser and always go
 * through zod.
 */
export const REFUSED: unique symbol = Symbol('refused');
export type FastParser = (input: unknown) => unknown;

interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  readonly def: {
    readonly type: string;
    readonly coerce?: boolean;
    readonly checks?: readonly Schema[];
    readonly check?: string;
    readonly format?: string;
    readonly when?: (payload: Payload) => boolean;
    readonly shape?: Readonly<Record<string, Schema>>;
    readonly catchall?: unknown;
    readonly element?: Schema;
    readonly innerType?: Schema;
  };
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  readonly optout?: string;
  readonly values?: ReadonlySet<unknown>;
  readonly check?: (payload: Payload) => unknown;
}
interface Schema {
  readonly _zod: Internals;
}

// zod's checks that only look at the value (they never rewrite it nor run user code).
const PURE_CHECKS = new Set(['less_than', 'greater_than', 'multiple_of', 'number_format', 'min_length', 'max_length', 'length_equals']);
// String formats whose check is zod's pattern test alone (URL and the like check more, or rewrite the value).
const PATTERN_FORMATS = new Set(['regex', 'uuid', 'guid', 'email', 'datetime', 'date', 'time', 'lowercase', 'uppercase', 'starts_with', 'ends_with', 'includes']);

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'literal', 'enum']);

/**
 * A check zod runs that this parser may run too: one that only looks at the value, or (on a primitive,
 * which it cannot change) a refinement: zod's check calls the refinement's function and nothing else.
 */
const isPure = (check: Schema, onPrimitive: boolean): boolean => {
  const def = check._zod.def;
  if (def.check === 'custom') return onPrimitive && check._zod.traits.has('$ZodCustom');
  if (def.check === 'string_format') {
    // A custom format may take any name: its check is a function of the caller's.
    return def.format !== undefined && PATTERN_FORMATS.has(def.format) && !check._zod.traits.has('$ZodCustomStringFormat');
  }
  return def.check !== undefined && PURE_CHECKS.has(def.check);
};

/** The schema's checks as zod runs them after its parse (the schema itself first when it is a check), or undefined if one is not pure. */
const checksOf = (schema: Schema): readonly Schema[] | undefined => {
  const own = schema._zod.def.checks ?? [];
  const checks = schema._zod.traits.has('$ZodCheck') ? [schema, ...own] : own;
  const onPrimitive = PRIMITIVES.has(schema._zod.def.type);
  return checks.every((check) => isPure(check, onPrimitive)) ? checks : undefined;
};

/** Runs the checks on a value that passed the type test: true when none adds an issue (as zod's `runChecks`). */
const withChecks = (checks: readonly Schema[], typeTest: FastParser): FastParser => {
  if (checks.length === 0) return typeTest;
  const scratch: Payload = { value: undefined, issues: [] };
  return (input) => {
    const value = typeTest(input);
    if (value === REFUSED) return REFUSED;
    scratch.value = value;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when !== undefined && !when(scratch)) continue;
      const result = check._zod.check!(scratch);
      if (result !== undefined || scratch.issues.length > 0) {
        scratch.issues.length = 0;
        return REFUSED;
      }
    }
    return value;
  };
};

const objectParser = (shape: Readonly<Record<string, Schema>>): FastParser | undefined => {
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return undefined;
  const fields: FastParser[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const field = shape[key]!;
    const { optin, optout } = field._zod;
    // Required, or optional in and out (absent: left out); a defaulted field substitutes a value: zod's.
    if (!(optin === undefined || (optin === 'optional' && optout === 'optional'))) return undefined;
    const parser = compile(field);
    if (parser === undefined) return undefined;
    fields.push(parser);
    optional.push(optin === 'optional');
  }
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return REFUSED;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      // As zod: `in`, so a key that is there with the value undefined is present.
      if (!(key in input)) {
        if (optional[i]) continue;
        return REFUSED;
      }
      const value = fields[i]!((input as Record<string, unknown>)[key]);
      if (value === REFUSED) return REFUSED;
      out[key] = value;
    }
    return Object.freeze(out);
  };
};

const compileType = (schema: Schema): FastParser | undefined => {
  const { def, values, traits } = schema._zod;
  if (def.coerce === true) return undefined;
  switch (def.type) {
    case 'string':
      return (input) => (typeof input === 'string' ? input : REFUSED);
    case 'number':
      return (input) => (typeof input === 'number' && Number.isFinite(input) ? input : REFUSED);
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : REFUSED);
    case 'unknown':
    case 'any':
      // zod hands back the caller's value itself; frozen here as the caller would.
      return (input) => deepFreeze(input);
    case 'literal':
    case 'enum':
      return values === undefined ? undefined : (input) => (values.has(input) ? input : REFUSED);
    case 'optional': {
      const inner = def.innerType === undefined || def.innerType._zod.optin === 'defaulted' ? undefined : compile(def.innerType);
      if (inner === undefined) return undefined;
      return traits.has('$ZodExactOptional') ? inner : (input) => (input === undefined ? undefined : inner(input));
    }
    case 'readonly': {
      // zod freezes the inner value; this parser's values are frozen already.
      const inner = def.innerType === undefined ? undefined : compile(def.innerType);
      return inner;
    }
    case 'nullable': {
      const inner = def.innerType === undefined ? undefined : compile(def.innerType);
      return inner === undefined ? undefined : (input) => (input === null ? null : inner(input));
    }
    case 'array': {
      const element = def.element === undefined ? undefined : compile(def.element);
      if (element === undefined) return undefined;
      return (input) => {
        if (!Array.isArray(input)) return REFUSED;
        const out = new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          const value = element(input[i]);
          if (value === REFUSED) return REFUSED;
          out[i] = value;
        }
        return Object.freeze(out);
      };
    }
    case 'object':
      return def.catchall === undefined && def.shape !== undefined ? objectParser(def.shape) : undefined;
    default:
      return undefined;
  }
};

const compile = (schema: Schema): FastParser | undefined => {
  const checks = checksOf(schema);
  if (checks === undefined) return undefined;
  const typeTest = compileType(schema);
  return typeTest === undefined ? undefined : withChecks(checks, typeTest);
};

const compiled = new WeakMap<z.ZodType, FastParser | null>();

/**
 * This parser reads zod's internals (`_zod.def`, `_zod.check`). A probe, run once, checks that they still
 * mean what they meant: if a zod release changed them, fast parsing turns itself off and every value goes
 * through zod, only slower.
 */
const probeZod = (): boolean => {
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
    });
    const parse = compile(probe as unknown as Schema);
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
let zodAsExpected: boolean | undefined;

/** The schema's fast parser, built on first use; undefined when the schema has anything it does not cover. */
export const fastParserOf = (schema: z.ZodType): FastParser | undefined => {
  zodAsExpected ??= probeZod();
  if (!zodAsExpected) return undefined;
  let parser = compiled.get(schema);
  if (parser === undefined) {
    parser = compile(schema as unknown as Schema) ?? null;
    compiled.set(schema, parser);
  }
  return parser ?? undefined;
};
