import { deepFreeze } from './freeze.js';
import { passesCheck, REFUSED, type CheckPayload, type FastParser, type Plan, type PlannedCheck } from './fastParsePlan.js';

/**
 * A plan as closures, one per node: the backend where code generation is not allowed (zod's `jitless`,
 * or a runtime without `new Function`). Every check is zod's own, run on one reused scratch payload.
 */
const withChecks = (checks: readonly PlannedCheck[], typeTest: FastParser): FastParser => {
  if (checks.length === 0) return typeTest;
  const scratch: CheckPayload = { value: undefined, issues: [] };
  return (input) => {
    const value = typeTest(input);
    if (value === REFUSED) return REFUSED;
    for (const { check } of checks) if (!passesCheck(check, value, scratch)) return REFUSED;
    return value;
  };
};

const objectParser = (plan: Extract<Plan, { kind: 'object' }>): FastParser => {
  const keys = plan.fields.map((field) => field.key);
  const parsers = plan.fields.map((field) => closuresOf(field.plan));
  const optional = plan.fields.map((field) => field.optional);
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
      const value = parsers[i]!((input as Record<string, unknown>)[key]);
      if (value === REFUSED) return REFUSED;
      out[key] = value;
    }
    return Object.freeze(out);
  };
};

const typeTestOf = (plan: Plan): FastParser => {
  switch (plan.kind) {
    case 'string':
      return (input) => (typeof input === 'string' ? input : REFUSED);
    case 'number':
      return (input) => (typeof input === 'number' && Number.isFinite(input) ? input : REFUSED);
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : REFUSED);
    case 'unknown':
      // zod hands back the caller's value itself; frozen here as the caller would.
      return (input) => deepFreeze(input);
    case 'oneOf': {
      const { values } = plan;
      return (input) => (values.has(input) ? input : REFUSED);
    }
    case 'optional': {
      const inner = closuresOf(plan.inner);
      return (input) => (input === undefined ? undefined : inner(input));
    }
    case 'nullable': {
      const inner = closuresOf(plan.inner);
      return (input) => (input === null ? null : inner(input));
    }
    case 'array': {
      const element = closuresOf(plan.element);
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
      return objectParser(plan);
  }
};

/** The plan's parser as closures. */
export const closuresOf = (plan: Plan): FastParser => withChecks(plan.checks, typeTestOf(plan));
