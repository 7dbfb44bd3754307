import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { InvalidArgumentError } from '../kernel/errors.js';
import { DataSubjectForgottenError } from './errors.js';
import { DATA_KEY_BYTES, type RandomBytes } from './seal.js';

/**
 * Where each data subject's key lives: the port a provider implements over their KMS. A subject is a
 * trainee's or a mentor's id. Destroying the key erases every personal value sealed with it, wherever
 * copies of the events went (backups, exports, replicas): that is crypto-shredding.
 */
export interface PersonalDataKeyStore {
  /**
   * The subject's 32-byte data key, created on first use; concurrent first uses must agree on one key.
   * Throws {@link DataSubjectForgottenError} once the subject has been forgotten.
   */
  keyFor(subject: string): Promise<Uint8Array>;
  /** The keys of those subjects that have one; forgotten and unknown subjects are absent. */
  find(subjects: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>>;
  /** Destroys the subject's key, for good; idempotent. The subject can never be given a key again. */
  forget(subject: string): Promise<void>;
}

export interface InMemoryKeyStoreOptions {
  /** Defaults to `crypto.randomBytes`; inject a seeded source for deterministic tests only. */
  readonly randomBytes?: RandomBytes;
}

export const checkSubject = (subject: unknown): string => {
  if (typeof subject !== 'string' || subject.length === 0) throw new InvalidArgumentError('subject', 'expected a non-empty string');
  return subject;
};

/** Keys held in this process: for tests, demos and single-process use (a restart loses every key). */
export const createInMemoryKeyStore = (options: InMemoryKeyStoreOptions = {}): PersonalDataKeyStore => {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  const keys = new Map<string, Uint8Array>();
  // Remembered so that a forgotten subject is never given a new key (which would let new data about them in).
  const forgotten = new Set<string>();
  return {
    // No await between the check and the write: concurrent first uses get one key.
    keyFor: async (subject) => {
      checkSubject(subject);
      if (forgotten.has(subject)) throw new DataSubjectForgottenError(subject);
      let key = keys.get(subject);
      if (!key) {
        key = Uint8Array.from(randomBytes(DATA_KEY_BYTES));
        if (key.length !== DATA_KEY_BYTES) throw new RangeError(`randomBytes(${DATA_KEY_BYTES}) gave ${key.length} bytes`);
        keys.set(subject, key);
      }
      return Uint8Array.from(key);
    },
    find: async (subjects) => {
      const found = new Map<string, Uint8Array>();
      for (const subject of subjects) {
        const key = keys.get(subject);
        if (key) found.set(subject, Uint8Array.from(key));
      }
      return found;
    },
    forget: async (subject) => {
      checkSubject(subject);
      keys.get(subject)?.fill(0);
      keys.delete(subject);
      forgotten.add(subject);
    },
  };
};

/** Forgets the subject and says whether they had a key (whether anything personal about them was sealed). */
export const forgetDataSubject = async (keyStore: PersonalDataKeyStore, subject: string): Promise<boolean> => {
  const had = (await keyStore.find([checkSubject(subject)])).has(subject);
  await keyStore.forget(subject);
  return had;
};
