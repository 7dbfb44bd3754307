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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64Bytes = (text: string): number => (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/** Padded base64 of exactly `bytes` bytes, or of 1 to `bytes` bytes with `upTo`. */
const base64 = (bytes: number, upTo = false) =>
  z
    .string()
    .min(upTo ? 4 : 1)
    .max(Math.ceil(bytes / 3) * 4)
    .regex(BASE64, 'expected base64')
    .refine((text) => (upTo ? base64Bytes(text) <= bytes : base64Bytes(text) === bytes), `expected ${upTo ? 'at most ' : ''}${bytes} bytes`);

/** The largest plaintext a sealed value may hold, in bytes: far above any personal field's own limit. */
export const SEALED_MAX_BYTES = 786_432;

/**
 * A personal field's value as stored by a crypto-shredding store (`withCryptoShredding`): AES-256-GCM
 * with a 12-byte IV and a 16-byte tag, all base64. Domain code never sees one: the store opens it, or
 * reads it as {@link ERASED} once the subject's key is gone.
 */
export const sealedValueSchema = z
  .object({ $sealed: z.object({ v: z.literal(1), iv: base64(12), tag: base64(16), data: base64(SEALED_MAX_BYTES, true) }).strict() })
  .strict();
export type SealedValue = z.output<typeof sealedValueSchema>;

/**
 * Marks a field as personal data of the subject named by `subjectField`. Its type widens to `T | Erased`:
 * after erasure the event still parses, and the compiler makes every reader decide what to show instead.
 * At run time it also accepts a {@link SealedValue}, so that events stored sealed validate on write and read.
 */
export const personalData = <S extends z.ZodType>(schema: S, options: PersonalDataOptions) => {
  const marked = z.union([schema, erasedSchema, sealedValueSchema]);
  marks.set(marked, { category: 'ordinary', ...options });
  // Sealed values stay out of the type: readers get them opened or erased, never sealed.
  return marked as unknown as z.ZodUnion<readonly [S, typeof erasedSchema]>;
};

/**
 * A personal field's own schema, without the erased form: what a command carries (a caller can never send
 * an erased value), with the same limits as the event's field.
 */
export const personalValue = <S extends z.ZodType>(marked: z.ZodUnion<readonly [S, typeof erasedSchema]>): S => marked.options[0];

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
