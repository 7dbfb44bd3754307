import { z } from 'zod';

/** What a personal field reads as once its data subject's key has been destroyed (crypto-shredding). */
export interface Erased {
  readonly $erased: true;
}

export const ERASED: Erased = Object.freeze({ $erased: true as const });

export const isErased = (value: unknown): value is Erased =>
  typeof value === 'object' && value !== null && (value as { $erased?: unknown }).$erased === true;

/** `ordinary` personal data, or `special` category data (UK GDPR art. 9), such as welfare notes. */
export type PersonalDataCategory = 'ordinary' | 'special';

export interface PersonalDataOptions {
  /** The top-level field of the event's data that holds the data subject's id, e.g. `traineeId`. */
  readonly subjectField: string;
  readonly category?: PersonalDataCategory;
}

export interface PersonalDataField {
  /** Path into the event's data; `*` stands for every element of an array. */
  readonly path: readonly string[];
  readonly subjectField: string;
  readonly category: PersonalDataCategory;
}

const erasedSchema = z.object({ $erased: z.literal(true) }).strict();
const marks = new WeakMap<z.ZodType, Required<PersonalDataOptions>>();

/**
 * Marks a field as personal data of the subject named by `subjectField`. Its type widens to `T | Erased`:
 * after erasure the event still parses, and the compiler makes every reader decide what to show instead.
 */
export const personalData = <S extends z.ZodType>(schema: S, options: PersonalDataOptions) => {
  const marked = z.union([schema, erasedSchema]);
  marks.set(marked, { category: 'ordinary', ...options });
  return marked;
};

/** The value, or `fallback` if it was erased. */
export const revealOr = <T, F>(value: T | Erased, fallback: F): T | F => (isErased(value) ? fallback : value);

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };

/**
 * Walks an object schema and lists every field marked with {@link personalData}. It looks through objects,
 * arrays and optional/nullable/default/readonly wrappers: mark a field there, not behind a transform or a union.
 */
export const personalDataFields = (schema: z.ZodType): readonly PersonalDataField[] => {
  const found: PersonalDataField[] = [];
  const walk = (node: z.ZodType, path: readonly string[]): void => {
    const mark = marks.get(node);
    if (mark) {
      found.push({ path, subjectField: mark.subjectField, category: mark.category });
      return;
    }
    const def = (node as unknown as { def: Def }).def;
    if (def.innerType) walk(def.innerType, path);
    else if (def.type === 'array' && def.element) walk(def.element, [...path, '*']);
    else if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) walk(child, [...path, key]);
    }
  };
  walk(schema, []);
  return found;
};
