import type { PersonalDataField } from '../kernel/personalData.js';

export type ConcretePath = readonly (string | number)[];

/** Decides what stands in place of one personal value; return the value itself to leave it. */
export type ReplacePersonalValue = (value: unknown, field: PersonalDataField, path: ConcretePath) => unknown;

const rewriteAt = (node: unknown, field: PersonalDataField, depth: number, path: ConcretePath, replace: ReplacePersonalValue): unknown => {
  // Absent optional fields and nullable ones hold nothing personal.
  if (node === undefined || node === null) return node;
  if (depth === field.path.length) return replace(node, field, path);
  if (typeof node !== 'object') return node;
  const segment = field.path[depth]!;
  if (segment === '*') {
    if (!Array.isArray(node)) return node;
    let copy: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      const next = rewriteAt(item, field, depth + 1, [...path, i], replace);
      if (next !== item) (copy ??= [...node])[i] = next;
    }
    return copy ?? node;
  }
  if (!Object.hasOwn(node, segment)) return node;
  const child = (node as Record<string, unknown>)[segment];
  const next = rewriteAt(child, field, depth + 1, [...path, segment], replace);
  return next === child ? node : { ...(node as Record<string, unknown>), [segment]: next };
};

/**
 * Visits every personal value present in an event's data (listed by `registry.personalData`), with its
 * concrete path, and copies only the objects on the way to a value `replace` changed: data whose values
 * all stay is returned as the same object.
 */
export const rewritePersonalValues = (data: unknown, fields: readonly PersonalDataField[], replace: ReplacePersonalValue): unknown => {
  let current = data;
  for (const field of fields) current = rewriteAt(current, field, 0, [], replace);
  return current;
};

/** The id in the event's subject field, if it is one. */
export const subjectOf = (data: unknown, field: PersonalDataField): string | undefined => {
  const subject = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field.subjectField] : undefined;
  return typeof subject === 'string' && subject.length > 0 ? subject : undefined;
};
