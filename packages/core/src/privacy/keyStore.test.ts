import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../kernel/ids.js';
import { createEnvelopeKeyStore, createInMemoryWrappedKeyStorage, type KeyManagementService } from './envelopeKeyStore.js';
import { DataSubjectForgottenError } from './errors.js';
import { createInMemoryKeyStore, forgetDataSubject, type PersonalDataKeyStore } from './keyStore.js';

const seededBytes = (seed: number) => {
  const random = seededRandom(seed);
  return (size: number) => Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
};

/** A KMS double on node:crypto: AES-256-GCM under a master key that never leaves it, the subject as context. */
const fakeKms = (): KeyManagementService & { readonly calls: { wrap: number; unwrap: number } } => {
  const master = randomBytes(32);
  const calls = { wrap: 0, unwrap: 0 };
  return {
    calls,
    wrapKey: async (dataKey, subject) => {
      calls.wrap++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv).setAAD(Buffer.from(subject));
      const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    unwrapKey: async (wrapped, subject) => {
      calls.unwrap++;
      const bytes = Buffer.from(wrapped);
      const decipher = createDecipheriv('aes-256-gcm', master, bytes.subarray(0, 12)).setAAD(Buffer.from(subject));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
    },
  };
};

const keyStores: Record<string, () => PersonalDataKeyStore> = {
  'in-memory': () => createInMemoryKeyStore(),
  'envelope over a KMS': () => createEnvelopeKeyStore({ kms: fakeKms(), storage: createInMemoryWrappedKeyStorage() }),
};

describe.each(Object.entries(keyStores))('%s key store', (_name, make) => {
  it('creates a 32-byte key on first use and gives the same key after', async () => {
    const keys = make();
    const first = await keys.keyFor('trainee-ada');
    expect(first.length).toBe(32);
    expect(await keys.keyFor('trainee-ada')).toEqual(first);
    expect(await keys.keyFor('mentor-amara')).not.toEqual(first);
  });

  it('gives one key to concurrent first uses', async () => {
    const keys = make();
    const all = await Promise.all(Array.from({ length: 8 }, () => keys.keyFor('trainee-ada')));
    for (const key of all) expect(key).toEqual(all[0]);
    expect((await keys.find(['trainee-ada'])).get('trainee-ada')).toEqual(all[0]);
  });

  it('find answers the subjects with a key, leaving out unknown and forgotten ones', async () => {
    const keys = make();
    const ada = await keys.keyFor('trainee-ada');
    await keys.keyFor('trainee-ben');
    await keys.forget('trainee-ben');
    const found = await keys.find(['trainee-ada', 'trainee-ben', 'trainee-cal']);
    expect([...found.keys()]).toEqual(['trainee-ada']);
    expect(found.get('trainee-ada')).toEqual(ada);
  });

  it('forget destroys the key for good: idempotent, and no new key is ever made for the subject', async () => {
    const keys = make();
    await keys.keyFor('trainee-ada');
    await keys.forget('trainee-ada');
    await keys.forget('trainee-ada');
    await expect(keys.keyFor('trainee-ada')).rejects.toThrow(DataSubjectForgottenError);
    await expect(keys.keyFor('trainee-ada')).rejects.toMatchObject({ code: 'DATA_SUBJECT_FORGOTTEN', subject: 'trainee-ada' });
    // A subject forgotten before any key was made is forgotten too.
    await keys.forget('trainee-never');
    await expect(keys.keyFor('trainee-never')).rejects.toThrow(DataSubjectForgottenError);
  });

  it('forgetDataSubject says whether the subject had a key', async () => {
    const keys = make();
    await keys.keyFor('trainee-ada');
    expect(await forgetDataSubject(keys, 'trainee-ada')).toBe(true);
    expect(await forgetDataSubject(keys, 'trainee-ada')).toBe(false);
    expect(await forgetDataSubject(keys, 'trainee-unknown')).toBe(false);
  });

  it('refuses an empty subject id', async () => {
    await expect(make().keyFor('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'subject' });
  });
});

describe('createInMemoryKeyStore', () => {
  it('draws keys from the injected randomness', async () => {
    const a = createInMemoryKeyStore({ randomBytes: seededBytes(7) });
    const b = createInMemoryKeyStore({ randomBytes: seededBytes(7) });
    expect(await a.keyFor('trainee-ada')).toEqual(await b.keyFor('trainee-ada'));
  });

  it('hands out copies: changing one does not change the stored key', async () => {
    const keys = createInMemoryKeyStore();
    const key = await keys.keyFor('trainee-ada');
    const copy = Uint8Array.from(key);
    key.fill(0);
    expect(await keys.keyFor('trainee-ada')).toEqual(copy);
  });
});

describe('createEnvelopeKeyStore', () => {
  it('stores data keys only wrapped, unwraps on every read, and forgetting deletes the wrapped key', async () => {
    const kms = fakeKms();
    const storage = createInMemoryWrappedKeyStorage();
    const keys = createEnvelopeKeyStore({ kms, storage });
    const key = await keys.keyFor('trainee-ada');
    const stored = (await storage.get(['trainee-ada'])).get('trainee-ada');
    expect(stored).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(stored as Uint8Array).includes(Buffer.from(key))).toBe(false);
    const unwrapsBefore = kms.calls.unwrap;
    await keys.find(['trainee-ada']);
    await keys.find(['trainee-ada']);
    expect(kms.calls.unwrap - unwrapsBefore).toBe(2);
    await keys.forget('trainee-ada');
    expect((await storage.get(['trainee-ada'])).get('trainee-ada')).toBe('forgotten');
  });

  it('a wrapped key unwraps only for its own subject (the KMS context)', async () => {
    const kms = fakeKms();
    const wrapped = await kms.wrapKey(randomBytes(32), 'trainee-ada');
    await expect(kms.unwrapKey(wrapped, 'trainee-ben')).rejects.toThrow();
  });

  it('refuses a KMS that unwraps a key of the wrong size', async () => {
    const storage = createInMemoryWrappedKeyStorage();
    const keys = createEnvelopeKeyStore({ kms: { wrapKey: async (key) => key, unwrapKey: async () => new Uint8Array(16) }, storage });
    await expect(keys.keyFor('trainee-ada')).rejects.toThrow(RangeError);
  });
});
