import { deepFreeze } from './freeze.js';
import { passesCheck, REFUSED, type CheckPayload, type FastParser, type Plan, type PlannedCheck } from './fastParsePlan.js';

/**
 * A plan as one generated function, as zod itself compiles objects: fields read by name (each read site
 * sees one shape), the output built as an object literal of exactly its fields (40 bytes for two fields
 * where an object grown from `{}` takes 56), and the usual checks (bounds, safe integers, lengths) as
 * comparisons, zod's own check called only where the answer is in doubt. A third of the time of the
 * closure backend per event. The source holds no text from the schema but its keys, written as JSON
 * string literals; every value (bounds, enum sets, zod's checks) is passed in, never written into code.
 */
interface Emitter {
  readonly constants: unknown[];
  next: number;
}

const constant = (emitter: Emitter, value: unknown): string => `k[${emitter.constants.push(value) - 1}]`;
const fresh = (emitter: Emitter, prefix: string): string => `${prefix}${emitter.next++}`;

const checkCode = (emitter: Emitter, planned: PlannedCheck, value: string): string => {
  const zodCheck = () => `if (!run(${constant(emitter, planned.check)}, ${value})) return R;`;
  const shortcut = planned.shortcut;
  if (shortcut === undefined) return zodCheck();
  switch (shortcut.kind) {
    case 'atLeast':
      return `if (!(${value} >= ${constant(emitter, shortcut.bound)})) return R;`;
    case 'above':
      return `if (!(${value} > ${constant(emitter, shortcut.bound)})) return R;`;
    case 'atMost':
      return `if (!(${value} <= ${constant(emitter, shortcut.bound)})) return R;`;
    case 'below':
      return `if (!(${value} < ${constant(emitter, shortcut.bound)})) return R;`;
    case 'safeInteger':
      return `if (!Number.isSafeInteger(${value})) return R;`;
    default: {
      const length = shortcut.length;
      if (shortcut.units === 'array') {
        const op = shortcut.kind === 'minLength' ? '<' : shortcut.kind === 'maxLength' ? '>' : '!==';
        return `if (${value}.length ${op} ${length}) return R;`;
      }
      // zod counts a string's code points, one or two UTF-16 units each: the unit count settles most cases.
      if (shortcut.kind === 'maxLength') return `if (${value}.length > ${length}) { ${zodCheck()} }`;
      if (shortcut.kind === 'minLength') return `if (${value}.length < ${length}) return R; if (${value}.length < ${length * 2}) { ${zodCheck()} }`;
      return `if (${value}.length < ${length} || ${value}.length > ${length * 2}) return R; ${zodCheck()}`;
    }
  }
};

interface Emitted {
  readonly code: string;
  /** The expression holding the parsed value once `code` has run. */
  readonly out: string;
}

const objectCode = (emitter: Emitter, plan: Extract<Plan, { kind: 'object' }>, input: string): Emitted => {
  const lines = [`if (typeof ${input} !== 'object' || ${input} === null || Array.isArray(${input})) return R;`];
  const outs: string[] = [];
  const present: (string | undefined)[] = [];
  for (const field of plan.fields) {
    const key = JSON.stringify(field.key);
    const raw = fresh(emitter, 'v');
    lines.push(`const ${raw} = ${input}[${key}];`);
    // As zod: `in`, so a key that is there with the value undefined is present.
    if (!field.optional) {
      lines.push(`if (${raw} === undefined && !(${key} in ${input})) return R;`);
      const parsed = emit(emitter, field.plan, raw);
      lines.push(parsed.code);
      outs.push(parsed.out);
      present.push(undefined);
      continue;
    }
    const has = fresh(emitter, 'p');
    const out = fresh(emitter, 'o');
    const parsed = emit(emitter, field.plan, raw);
    lines.push(`const ${has} = ${raw} !== undefined || ${key} in ${input};`, `let ${out};`, `if (${has}) { ${parsed.code} ${out} = ${parsed.out}; }`);
    outs.push(out);
    present.push(has);
  }
  const entry = (i: number) => `${JSON.stringify(plan.fields[i]!.key)}: ${outs[i]}`;
  const all = `Object.freeze({ ${plan.fields.map((_, i) => entry(i)).join(', ')} })`;
  const result = fresh(emitter, 'r');
  const optional = present.filter((has): has is string => has !== undefined);
  if (optional.length === 0) {
    lines.push(`const ${result} = ${all};`);
  } else {
    // The two usual shapes as literals; a mix is built field by field, in the schema's order as zod does.
    const required = `Object.freeze({ ${plan.fields.flatMap((field, i) => (field.optional ? [] : [entry(i)])).join(', ')} })`;
    lines.push(`let ${result};`, `if (${optional.join(' && ')}) ${result} = ${all};`);
    if (optional.length === 1) {
      lines.push(`else ${result} = ${required};`);
    } else {
      const grown = fresh(emitter, 't');
      const assignments = plan.fields.map((field, i) => {
        const assign = `${grown}[${JSON.stringify(field.key)}] = ${outs[i]};`;
        return present[i] === undefined ? assign : `if (${present[i]}) ${assign}`;
      });
      lines.push(
        `else if (!(${optional.join(' || ')})) ${result} = ${required};`,
        `else { const ${grown} = {}; ${assignments.join(' ')} ${result} = Object.freeze(${grown}); }`,
      );
    }
  }
  return { code: lines.join('\n'), out: result };
};

const typeCode = (emitter: Emitter, plan: Plan, input: string): Emitted => {
  switch (plan.kind) {
    case 'string':
    case 'boolean':
      return { code: `if (typeof ${input} !== '${plan.kind}') return R;`, out: input };
    case 'number':
      return { code: `if (typeof ${input} !== 'number' || !Number.isFinite(${input})) return R;`, out: input };
    case 'unknown': {
      // zod hands back the caller's value itself; frozen here as the caller would.
      const out = fresh(emitter, 'u');
      return { code: `const ${out} = freeze(${input});`, out };
    }
    case 'oneOf': {
      const values = [...plan.values];
      // `===` is Set.has's SameValueZero for anything but NaN.
      const test =
        values.length <= 4 && !values.some((value) => Number.isNaN(value))
          ? values.map((value) => `${input} !== ${constant(emitter, value)}`).join(' && ')
          : `!${constant(emitter, plan.values)}.has(${input})`;
      return { code: `if (${test}) return R;`, out: input };
    }
    case 'optional':
    case 'nullable': {
      const empty = plan.kind === 'optional' ? 'undefined' : 'null';
      const inner = emit(emitter, plan.inner, input);
      const out = fresh(emitter, 'o');
      return { code: `let ${out} = ${empty};\nif (${input} !== ${empty}) { ${inner.code}\n${out} = ${inner.out}; }`, out };
    }
    case 'array': {
      const [length, out, index, item] = [fresh(emitter, 'n'), fresh(emitter, 'a'), fresh(emitter, 'i'), fresh(emitter, 'e')];
      const element = emit(emitter, plan.element, item);
      const code = [
        `if (!Array.isArray(${input})) return R;`,
        `const ${length} = ${input}.length;`,
        `const ${out} = new Array(${length});`,
        `for (let ${index} = 0; ${index} < ${length}; ${index}++) { const ${item} = ${input}[${index}];\n${element.code}\n${out}[${index}] = ${element.out}; }`,
        `Object.freeze(${out});`,
      ].join('\n');
      return { code, out };
    }
    case 'object':
      return objectCode(emitter, plan, input);
  }
};

const emit = (emitter: Emitter, plan: Plan, input: string): Emitted => {
  const parsed = typeCode(emitter, plan, input);
  const checks = plan.checks.map((check) => checkCode(emitter, check, parsed.out));
  return { code: [parsed.code, ...checks].join('\n'), out: parsed.out };
};

/** The source of a plan's parser, and the values it reads: what {@link codeOf} compiles (exported for tests). */
export const sourceOf = (plan: Plan): { readonly source: string; readonly constants: readonly unknown[] } => {
  const emitter: Emitter = { constants: [], next: 0 };
  const parsed = emit(emitter, plan, 'input');
  return { source: `'use strict';\nreturn function fastParse(input) {\n${parsed.code}\nreturn ${parsed.out};\n};`, constants: emitter.constants };
};

/** The plan's parser as generated code; throws where the runtime forbids `new Function` (the caller falls back). */
export const codeOf = (plan: Plan): FastParser => {
  const { source, constants } = sourceOf(plan);
  const scratch: CheckPayload = { value: undefined, issues: [] };
  const run = (check: PlannedCheck['check'], value: unknown) => passesCheck(check, value, scratch);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point of this backend; see the comment above.
  const factory = new Function('R', 'k', 'run', 'freeze', source) as (...args: unknown[]) => FastParser;
  return factory(REFUSED, constants, run, deepFreeze);
};
