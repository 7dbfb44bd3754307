import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { DataSubjectForgottenError } from './errors.js';
import { checkSubject, type PersonalDataKeyStore } from './keyStore.js';
import { DATA_KEY_BYTES, type RandomBytes } from './seal.js';

/**
 * The two calls a key management service (AWS KMS, Azure Key Vault, Google Cloud KMS, an HSM) offers
 * under its master key, which never leaves it. `subject` is the encryption context: a wrapped key
 * unwraps only for the subject it was wrapped for.
 */
export interface KeyManagementService {
  wrapKey(dataKey: Uint8Array, subject: string): Promise<Uint8Array>;
  unwrapKey(wrapped: Uint8Array, subject: string): Promise<Uint8Array>;
}

/** A wrapped key, or the mark a forgotten subject leaves (their id and nothing else). */
export type WrappedKeyEntry = Uint8Array | 'forgotten';

/** Where wrapped data keys are kept: a table in the provider's database. */
export interface WrappedKeyStorage {
  get(subjects: readonly string[]): Promise<ReadonlyMap<string, WrappedKeyEntry>>;
  /** Stores `wrapped` unless the subject already has an entry, atomically; answers the entry that stands. */
  putIfAbsent(subject: string, wrapped: Uint8Array): Promise<WrappedKeyEntry>;
  /** Deletes the wrapped key and leaves the `forgotten` mark in its place. */
  markForgotten(subject: string): Promise<void>;
}

export interface EnvelopeKeyStoreOptions {
  readonly kms: KeyManagementService;
  readonly storage: WrappedKeyStorage;
  readonly randomBytes?: RandomBytes;
}

/**
 * Envelope encryption: each subject's data key is generated here, stored only wrapped by the KMS's
 * master key, and unwrapped on every read (no cache, so forgetting takes effect at once). Forgetting
 * deletes the wrapped key; a backup of the storage still holds it until the backups age out, which is
 * why the master key can also be rotated away at the KMS.
 */
export const createEnvelopeKeyStore = ({ kms, storage, randomBytes = cryptoRandomBytes }: EnvelopeKeyStoreOptions): PersonalDataKeyStore => {
  const unwrap = async (wrapped: Uint8Array, subject: string) => {
    const key = await kms.unwrapKey(wrapped, subject);
    if (key.length !== DATA_KEY_BYTES) throw new RangeError(`the KMS unwrapped a ${key.length}-byte key for '${subject}'`);
    return key;
  };
  return {
    keyFor: async (subject) => {
      checkSubject(subject);
      const entry = (await storage.get([subject])).get(subject);
      if (entry === 'forgotten') throw new DataSubjectForgottenError(subject);
      if (entry) return unwrap(entry, subject);
      const wrapped = await kms.wrapKey(Uint8Array.from(randomBytes(DATA_KEY_BYTES)), subject);
      // Another writer may have created the key meanwhile: theirs stands, and ours is dropped unused.
      const standing = await storage.putIfAbsent(subject, wrapped);
      if (standing === 'forgotten') throw new DataSubjectForgottenError(subject);
      return unwrap(standing, subject);
    },
    find: async (subjects) => {
      const entries = await storage.get(subjects);
      const found = new Map<string, Uint8Array>();
      for (const [subject, entry] of entries) if (entry !== 'forgotten') found.set(subject, await unwrap(entry, subject));
      return found;
    },
    forget: async (subject) => storage.markForgotten(checkSubject(subject)),
  };
};

/** Wrapped keys in a Map: for tests, and to show what a database table must do. */
export const createInMemoryWrappedKeyStorage = (): WrappedKeyStorage => {
  const entries = new Map<string, WrappedKeyEntry>();
  return {
    get: async (subjects) => {
      const found = new Map<string, WrappedKeyEntry>();
      for (const subject of subjects) {
        const entry = entries.get(subject);
        if (entry) found.set(subject, entry);
      }
      return found;
    },
    putIfAbsent: async (subject, wrapped) => {
      const standing = entries.get(subject);
      if (standing) return standing;
      entries.set(subject, Uint8Array.from(wrapped));
      return wrapped;
    },
    markForgotten: async (subject) => {
      entries.set(subject, 'forgotten');
    },
  };
};
