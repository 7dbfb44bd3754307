import { z } from 'zod';

/**
 * What a fast parser does, read once from a zod schema's own definition (`_zod.def`): the shapes it
 * covers (objects of strings, numbers, booleans, literals, enums, arrays, optional and nullable fields,
 * unknown values, unions by their first option) and the checks zod runs on each. Two backends turn a plan
 * into a parser: generated code (`fastParseCode.ts`) and closures (`fastParseClosures.ts`, where code
 * generation is not allowed). Anything else (transforms, defaults, exclusive or discriminated unions,
 * refinements of objects or arrays, catch-alls, coercion) gets no plan: its schema always goes through zod.
 */
export const REFUSED: unique symbol = Symbol('refused');
export type FastParser = (input: unknown) => unknown;

export interface CheckPayload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  readonly def: {
    readonly type: string;
    readonly coerce?: boolean;
    readonly checks?: readonly ZodCheck[];
    readonly check?: string;
    readonly format?: string;
    readonly value?: unknown;
    readonly inclusive?: boolean;
    readonly minimum?: unknown;
    readonly maximum?: unknown;
    readonly length?: unknown;
    readonly when?: (payload: CheckPayload) => boolean;
    readonly shape?: Readonly<Record<string, ZodCheck>>;
    readonly catchall?: unknown;
    readonly element?: ZodCheck;
    readonly innerType?: ZodCheck;
    readonly options?: readonly ZodCheck[];
    readonly discriminator?: unknown;
  };
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  readonly optout?: string;
  readonly values?: ReadonlySet<unknown>;
  readonly check?: (payload: CheckPayload) => unknown;
}
/** A zod schema or check, as far as the plan reads it. */
export interface ZodCheck {
  readonly _zod: Internals;
}

/**
 * A check's verdict without calling zod, where it is certain: `pass` when the value surely passes, `fail`
 * when it surely fails; anything in between (a string whose length in code points is in doubt) is zod's.
 */
export type Shortcut =
  | { readonly kind: 'atLeast' | 'above' | 'atMost' | 'below'; readonly bound: number }
  | { readonly kind: 'safeInteger' }
  | { readonly kind: 'minLength' | 'maxLength' | 'lengthIs'; readonly length: number; readonly units: 'string' | 'array' };

export interface PlannedCheck {
  readonly check: ZodCheck;
  readonly shortcut: Shortcut | undefined;
}

interface Checked {
  readonly checks: readonly PlannedCheck[];
}
export type Plan = Checked &
  (
    | { readonly kind: 'string' | 'number' | 'boolean' | 'unknown' }
    | { readonly kind: 'oneOf'; readonly values: ReadonlySet<unknown> }
    | { readonly kind: 'optional' | 'nullable'; readonly inner: Plan }
    | { readonly kind: 'array'; readonly element: Plan }
    | { readonly kind: 'object'; readonly fields: readonly PlannedField[] }
  );
export interface PlannedField {
  readonly key: string;
  readonly plan: Plan;
  /** Absent from the input: left out of the output rather than refused. */
  readonly optional: boolean;
}

// zod's checks that only look at the value (they never rewrite it nor run user code).
const PURE_CHECKS = new Set(['less_than', 'greater_than', 'multiple_of', 'number_format', 'min_length', 'max_length', 'length_equals']);
// String formats whose check is zod's pattern test alone (URL and the like check more, or rewrite the value).
const PATTERN_FORMATS = new Set(['regex', 'uuid', 'guid', 'email', 'datetime', 'date', 'time', 'lowercase', 'uppercase', 'starts_with', 'ends_with', 'includes']);
const PRIMITIVES = new Set(['string', 'number', 'boolean', 'literal', 'enum']);

/** zod's own `when` of its length checks (true for any string or array): a check with another is zod's alone. */
const lengthWhen = (): unknown => (z.string().min(1) as unknown as ZodCheck)._zod.def.checks?.[0]?._zod.def.when;
let defaultLengthWhen: unknown;

/**
 * A check zod runs that a fast parser may run too: one that only looks at the value, or (on a primitive,
 * which it cannot change) a refinement: zod's check calls the refinement's function and nothing else.
 */
const isPure = (check: ZodCheck, onPrimitive: boolean): boolean => {
  const def = check._zod.def;
  if (def.check === 'custom') return onPrimitive && check._zod.traits.has('$ZodCustom');
  if (def.check === 'string_format') {
    // A custom format may take any name: its check is a function of the caller's.
    return def.format !== undefined && PATTERN_FORMATS.has(def.format) && !check._zod.traits.has('$ZodCustomStringFormat');
  }
  return def.check !== undefined && PURE_CHECKS.has(def.check);
};

const shortcutOf = (check: ZodCheck, type: string): Shortcut | undefined => {
  const def = check._zod.def;
  const units = type === 'string' ? 'string' : type === 'array' ? 'array' : undefined;
  if (def.check === 'greater_than' || def.check === 'less_than') {
    if (type !== 'number' || def.when !== undefined || typeof def.value !== 'number') return undefined;
    if (def.check === 'greater_than') return { kind: def.inclusive === true ? 'atLeast' : 'above', bound: def.value };
    return { kind: def.inclusive === true ? 'atMost' : 'below', bound: def.value };
  }
  // zod's safeint: an integer within ±(2^53 - 1), which is exactly Number.isSafeInteger.
  if (def.check === 'number_format') return type === 'number' && def.when === undefined && def.format === 'safeint' ? { kind: 'safeInteger' } : undefined;
  if (units === undefined || def.when !== (defaultLengthWhen ??= lengthWhen())) return undefined;
  const length = def.check === 'length_equals' ? def.length : def.check === 'min_length' ? def.minimum : def.check === 'max_length' ? def.maximum : undefined;
  if (typeof length !== 'number') return undefined;
  const kind = def.check === 'length_equals' ? 'lengthIs' : def.check === 'min_length' ? 'minLength' : 'maxLength';
  return { kind, length, units };
};

/** The schema's checks as zod runs them after its parse (the schema itself first when it is a check), or undefined if one is not pure. */
const checksOf = (schema: ZodCheck): readonly PlannedCheck[] | undefined => {
  const own = schema._zod.def.checks ?? [];
  const checks = schema._zod.traits.has('$ZodCheck') ? [schema, ...own] : own;
  const type = schema._zod.def.type;
  const onPrimitive = PRIMITIVES.has(type);
  if (!checks.every((check) => isPure(check, onPrimitive))) return undefined;
  return checks.map((check) => ({ check, shortcut: shortcutOf(check, type) }));
};

const objectPlan = (shape: Readonly<Record<string, ZodCheck>>, checks: readonly PlannedCheck[]): Plan | undefined => {
  const keys = Object.keys(shape);
  // A `__proto__` key would set the prototype of the output; symbols are not data.
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return undefined;
  const fields: PlannedField[] = [];
  for (const key of keys) {
    const field = shape[key]!;
    const { optin, optout } = field._zod;
    // Required, or optional in and out (absent: left out); a defaulted field substitutes a value: zod's.
    if (!(optin === undefined || (optin === 'optional' && optout === 'optional'))) return undefined;
    const plan = planOf(field);
    if (plan === undefined) return undefined;
    fields.push({ key, plan, optional: optin === 'optional' });
  }
  return { kind: 'object', fields, checks };
};

/** A wrapper's inner plan; a wrapper with checks of its own is zod's. */
const innerPlan = (schema: ZodCheck, checks: readonly PlannedCheck[]): Plan | undefined => {
  const inner = schema._zod.def.innerType;
  return checks.length > 0 || inner === undefined ? undefined : planOf(inner);
};

/**
 * A union as its first option. zod's union answers with the first option that accepts, so when the first
 * accepts, its output is zod's; when it refuses, the whole value goes to zod, which tries the others. The
 * personal-data fields are such unions (the value, or its erased or sealed form), the value first.
 * Exclusive and discriminated unions pick differently: zod's.
 */
const unionPlan = (schema: ZodCheck, checks: readonly PlannedCheck[]): Plan | undefined => {
  const { def, traits } = schema._zod;
  const first = def.options?.[0];
  if (checks.length > 0 || first === undefined || def.discriminator !== undefined || def.inclusive === false || traits.has('$ZodXor') || traits.has('$ZodDiscriminatedUnion')) return undefined;
  return planOf(first);
};

/** The plan of a schema, or undefined when it has anything a fast parser does not cover. */
export const planOf = (schema: ZodCheck): Plan | undefined => {
  const checks = checksOf(schema);
  if (checks === undefined) return undefined;
  const { def, values, traits } = schema._zod;
  if (def.coerce === true) return undefined;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: def.type, checks };
    case 'unknown':
    case 'any':
      return { kind: 'unknown', checks };
    case 'literal':
    case 'enum':
      return values === undefined ? undefined : { kind: 'oneOf', values, checks };
    case 'optional': {
      if (def.innerType?._zod.optin === 'defaulted') return undefined;
      const inner = innerPlan(schema, checks);
      if (inner === undefined) return undefined;
      return traits.has('$ZodExactOptional') ? inner : { kind: 'optional', inner, checks };
    }
    // zod freezes the inner value; a fast parser's values are frozen already.
    case 'readonly':
      return innerPlan(schema, checks);
    case 'nullable': {
      const inner = innerPlan(schema, checks);
      return inner === undefined ? undefined : { kind: 'nullable', inner, checks };
    }
    case 'array': {
      const element = def.element === undefined ? undefined : planOf(def.element);
      return element === undefined ? undefined : { kind: 'array', element, checks };
    }
    case 'object':
      return def.catchall === undefined && def.shape !== undefined ? objectPlan(def.shape, checks) : undefined;
    case 'union':
      return unionPlan(schema, checks);
    default:
      return undefined;
  }
};

/**
 * Runs one of zod's checks on a value that passed the type test, as zod's `runChecks` does (its `when`
 * first): true when it adds no issue. `scratch` is reused: nothing is allocated unless the check fails.
 */
export const passesCheck = (check: ZodCheck, value: unknown, scratch: CheckPayload): boolean => {
  scratch.value = value;
  const when = check._zod.def.when;
  if (when !== undefined && !when(scratch)) return true;
  const result = check._zod.check!(scratch);
  if (result !== undefined || scratch.issues.length > 0) {
    scratch.issues.length = 0;
    return false;
  }
  return true;
};
