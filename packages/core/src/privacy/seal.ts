import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { SealedValue } from '../kernel/personalData.js';

/** Bytes of randomness on demand: `crypto.randomBytes` in production, a seeded source in tests. */
export type RandomBytes = (size: number) => Uint8Array;

/** What a sealed value is bound to: it opens only for the same subject, event type and field. */
export interface SealContext {
  readonly subject: string;
  readonly type: string;
  /** The concrete path in the event's data, array indices included. */
  readonly path: readonly (string | number)[];
}

const ALGORITHM = 'aes-256-gcm';
export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Additional authenticated data: a sealed value moved to another subject, event type or field fails its tag.
const aad = (context: SealContext): Buffer =>
  Buffer.from(JSON.stringify(['itt-ledger/personal-data/v1', context.subject, context.type, context.path]), 'utf8');

/** Encrypts `JSON.stringify(value)` with AES-256-GCM under the subject's key, bound to `context`. */
export const sealValue = (key: Uint8Array, value: unknown, context: SealContext, randomBytes: RandomBytes): SealedValue => {
  const iv = randomBytes(IV_BYTES);
  if (iv.length !== IV_BYTES) throw new RangeError(`randomBytes(${IV_BYTES}) gave ${iv.length} bytes`);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(aad(context));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $sealed: { v: 1, iv: Buffer.from(iv).toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
  };
};

/** The value sealed under `key` and `context`, or `undefined` when it does not open (wrong key, context, or tampered). */
export const openValue = (key: Uint8Array, sealed: SealedValue, context: SealContext): { readonly value: unknown } | undefined => {
  const { iv, tag, data } = sealed.$sealed;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES }).setAAD(aad(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
};

/** A value of the sealed shape; the store's schema has checked the rest. */
export const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && typeof (value as { $sealed?: unknown }).$sealed === 'object' && (value as { $sealed?: unknown }).$sealed !== null;
