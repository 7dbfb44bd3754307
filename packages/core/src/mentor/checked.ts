import { CommandRejectedError } from '../kernel/errors.js';
import type { EventDefinition } from '../kernel/eventDefinition.js';

/**
 * The event a decider is about to return, checked against its schema first, so that bad input is refused
 * by the decider (a {@link CommandRejectedError} naming the field) and never reaches the store.
 */
export const checkedEvent = <T extends string, D>(
  definition: EventDefinition<T, D>,
  data: D,
  reason: string,
): { readonly type: T; readonly data: D } => {
  const latest = definition.versions[definition.versions.length - 1]!;
  const result = latest.schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw new CommandRejectedError(reason, `${field === '' ? definition.type : field}: ${issue.message}`, field === '' ? undefined : field);
  }
  return { type: definition.type, data };
};

export type DefinedOnly<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Copies the keys whose values are defined: optional fields are left out, never written as `undefined`. */
export const definedOnly = <T extends object>(value: T): DefinedOnly<T> => {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as DefinedOnly<T>;
};
