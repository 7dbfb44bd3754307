import fc from 'fast-check';
import type { ValidationIssue } from '../../kernel/errors.js';

/** Where in an input a corruption was made: `[]` is the whole input. */
export type InputPath = readonly (string | number)[];

/** A valid input with one thing broken, and where. */
export interface CorruptedInput {
  readonly input: unknown;
  /** The corrupted place: the replaced or removed value, or the added key. */
  readonly path: InputPath;
  readonly kind: 'replaced' | 'removed' | 'added';
}

/** At least 100k characters: long enough to find a missing length limit, short enough for 300 runs. */
export const HUGE_STRING = 'x'.repeat(100_000);

const pollutingObject = (): unknown => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

const deeplyNested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
};

const badStrings = [
  '',
  ' ',
  HUGE_STRING,
  `2024-09-02${HUGE_STRING}`,
  '2024-02-30',
  '2023-02-29',
  '99999-01-01',
  '0000-00-00',
  '2024-13-01',
  '2024-9-1',
  '2024-09-02T08:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  'not a date',
  '2024/25',
  '1999/00',
  'NaN',
  '1e400',
  '-0',
  '\u0000',
  '\uD800',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
];

const badNumbers = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
];

const badBigInts = [0n, -5n, 1n, 2n ** 63n, 2n ** 64n, 2n ** 80n, -(2n ** 80n)];

/**
 * Values that untrusted input may hold where a command, an event or an option expects something else:
 * wrong types, null, NaN, ±Infinity, -0, huge strings, impossible dates, bigints, prototype-polluting
 * keys, deep and odd nested garbage.
 */
export const badValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false),
  fc.constantFrom<unknown>(...badStrings),
  fc.constantFrom<unknown>(...badNumbers),
  fc.constantFrom<unknown>(...badBigInts),
  fc.constant(null).map(pollutingObject),
  fc.constant(null).map(() => deeplyNested(200)),
  fc.constantFrom<unknown>([], {}, [null], new Date(Number.NaN), Symbol('bad'), () => 'a function'),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
);

/** Keys an attacker adds to reach a prototype, and harmless unknown ones. */
export const extraKeyArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'type '),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/** Every path into `value` through plain objects and arrays, `[]` first. */
export const pathsOf = (value: unknown, prefix: InputPath = []): InputPath[] => {
  if (!isContainer(value)) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf(value[key], [...prefix, key]))];
};

const define = (target: object, key: string | number, value: unknown): void => {
  // defineProperty makes an own `__proto__` key, as JSON.parse does, instead of changing the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const clone = (value: unknown): unknown => {
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy = {};
  for (const key of Object.keys(value)) define(copy, key, clone(value[key]));
  return copy;
};

const containerAt = (root: unknown, path: InputPath): Record<string | number, unknown> => {
  let current = root;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current as Record<string | number, unknown>;
};

type Edit = { readonly kind: CorruptedInput['kind']; readonly path: InputPath; readonly value: unknown };

const apply = (valid: unknown, edit: Edit): CorruptedInput => {
  const { kind, path, value } = edit;
  if (path.length === 0) return { input: value, path, kind };
  const input = clone(valid);
  const parent = containerAt(input, path.slice(0, -1));
  const key = path.at(-1)!;
  if (kind === 'removed') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    define(parent, key, value);
  }
  return { input, path, kind };
};

/**
 * `valid` with one thing broken: a value anywhere in it (or the whole of it) replaced by a bad value, a
 * field or element removed, or an unknown key (`__proto__`, `constructor`, …) added to one of its
 * objects. `valid` itself is never changed. Assert a refusal names the place with {@link issuesName}.
 */
export const corruptedInput = (valid: unknown): fc.Arbitrary<CorruptedInput> => {
  const paths = pathsOf(valid);
  const inner = paths.filter((path) => path.length > 0);
  const objects = paths.filter((path) => {
    const at = containerAt(valid, path);
    return isContainer(at) && !Array.isArray(at);
  });
  const edits: fc.Arbitrary<Edit>[] = [
    fc.record({ kind: fc.constant('replaced' as const), path: fc.constantFrom(...paths), value: badValueArbitrary }),
  ];
  if (inner.length > 0) edits.push(fc.record({ kind: fc.constant('removed' as const), path: fc.constantFrom(...inner), value: fc.constant(undefined) }));
  if (objects.length > 0) {
    edits.push(
      fc.tuple(fc.constantFrom(...objects), extraKeyArbitrary, badValueArbitrary).map(([path, key, value]): Edit => ({ kind: 'added', path: [...path, key], value })),
    );
  }
  return fc.oneof(...edits).map((edit) => apply(valid, edit));
};

const isPrefix = (prefix: InputPath, path: InputPath): boolean => prefix.length <= path.length && prefix.every((key, i) => String(key) === String(path[i]));

/**
 * True when some issue is at the corrupted place, above it (the object or union that holds it) or below
 * it (a field inside the bad value): a refusal that names the field that was broken. An issue about the
 * whole input names only a corruption of the whole input or of one of its top-level fields.
 */
export const issuesName = (issues: readonly ValidationIssue[], path: InputPath): boolean =>
  issues.some((issue) => (issue.path.length > 0 || path.length <= 1) && (isPrefix(issue.path, path) || isPrefix(path, issue.path)));
