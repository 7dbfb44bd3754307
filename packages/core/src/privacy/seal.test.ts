import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personalData, sealedValueSchema, type SealedValue } from '../kernel/personalData.js';
import { openValue, sealValue, type SealContext } from './seal.js';

const key = randomBytes(32);
const context: SealContext = { subject: 'trainee-ada', type: 'TraineeRegistered', path: ['name'] };

const flip = (text: string): string => {
  const bytes = Buffer.from(text, 'base64');
  bytes[0]! ^= 1;
  return bytes.toString('base64');
};

describe('sealValue and openValue (AES-256-GCM)', () => {
  it('round-trips any JSON value, and never holds the plaintext', () => {
    for (const value of ['Ada Lovelace', '', 'naïve 🎓 \u0000 \ud800', 42, true, null, ['a', 'b'], { deep: { x: 'y' } }]) {
      const sealed = sealValue(key, value, context, randomBytes);
      expect(sealedValueSchema.parse(sealed)).toEqual(sealed);
      expect(JSON.stringify(sealed)).not.toContain('Ada');
      expect(openValue(key, sealed, context)).toEqual({ value });
    }
  });

  it('uses a fresh IV each time: the same value seals differently', () => {
    const a = sealValue(key, 'Ada', context, randomBytes);
    const b = sealValue(key, 'Ada', context, randomBytes);
    expect(a.$sealed.iv).not.toBe(b.$sealed.iv);
    expect(a.$sealed.data).not.toBe(b.$sealed.data);
  });

  it('refuses a value moved to another subject, event type or field (the context is authenticated)', () => {
    const sealed = sealValue(key, 'Ada', context, randomBytes);
    expect(openValue(key, sealed, { ...context, subject: 'trainee-ben' })).toBeUndefined();
    expect(openValue(key, sealed, { ...context, type: 'MentorRegistered' })).toBeUndefined();
    expect(openValue(key, sealed, { ...context, path: ['note'] })).toBeUndefined();
    expect(openValue(key, sealed, { ...context, path: ['name', 0] })).toBeUndefined();
  });

  it('refuses tampered ciphertext, IV or tag, and the wrong key', () => {
    const { $sealed } = sealValue(key, 'Ada Lovelace', context, randomBytes);
    const tampered: SealedValue[] = [
      { $sealed: { ...$sealed, data: flip($sealed.data) } },
      { $sealed: { ...$sealed, iv: flip($sealed.iv) } },
      { $sealed: { ...$sealed, tag: flip($sealed.tag) } },
    ];
    for (const sealed of tampered) expect(openValue(key, sealed, context)).toBeUndefined();
    expect(openValue(randomBytes(32), { $sealed }, context)).toBeUndefined();
  });
});

describe('personalData() accepts the sealed shape, strictly', () => {
  const schema = z.object({ traineeId: z.string(), name: personalData(z.string().min(1), { subjectField: 'traineeId' }) });
  const { $sealed } = sealValue(key, 'Ada', context, randomBytes);

  it('parses a sealed value where a personal field is', () => {
    expect(schema.parse({ traineeId: 't', name: { $sealed } }).name).toEqual({ $sealed });
  });

  it.each([
    ['an extra key', { $sealed: { ...$sealed, extra: 'x' } }],
    ['an extra key beside $sealed', { $sealed, $erased: true }],
    ['another format version', { $sealed: { ...$sealed, v: 2 } }],
    ['a short IV', { $sealed: { ...$sealed, iv: Buffer.alloc(8).toString('base64') } }],
    ['a long tag', { $sealed: { ...$sealed, tag: Buffer.alloc(32).toString('base64') } }],
    ['a 17-byte tag of the same length in characters', { $sealed: { ...$sealed, tag: Buffer.alloc(17).toString('base64') } }],
    ['data that is not base64', { $sealed: { ...$sealed, data: 'not base64!' } }],
    ['empty data', { $sealed: { ...$sealed, data: '' } }],
    ['data over the limit', { $sealed: { ...$sealed, data: 'A'.repeat(1_048_580) } }],
    ['a missing tag', { $sealed: { v: 1, iv: $sealed.iv, data: $sealed.data } }],
  ])('refuses %s', (_name, value) => {
    expect(schema.safeParse({ traineeId: 't', name: value }).success).toBe(false);
  });
});
