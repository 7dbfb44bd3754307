import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERASED, isErased, personalData, personalDataFields, revealOr, type Erased } from './personalData.js';

const subject = { subjectField: 'personId' } as const;

describe('personalDataFields', () => {
  it('finds marked fields at the top level, in nested objects, in arrays and behind optional wrappers', () => {
    const schema = z.object({
      personId: z.string(),
      name: personalData(z.string(), subject),
      address: z.object({ line1: personalData(z.string(), subject), postcode: z.string() }),
      notes: z.array(z.object({ text: personalData(z.string(), { subjectField: 'personId', category: 'special' }), at: z.string() })),
      aliases: z.array(personalData(z.string(), subject)).default([]),
      phone: personalData(z.string(), subject).optional(),
      email: personalData(z.string(), subject).nullable(),
      extra: z.object({ deep: z.object({ dob: personalData(z.string(), subject) }).optional() }).readonly(),
      count: z.number(),
    });
    expect(personalDataFields(schema)).toEqual([
      { path: ['name'], subjectField: 'personId', category: 'ordinary' },
      { path: ['address', 'line1'], subjectField: 'personId', category: 'ordinary' },
      { path: ['notes', '*', 'text'], subjectField: 'personId', category: 'special' },
      { path: ['aliases', '*'], subjectField: 'personId', category: 'ordinary' },
      { path: ['phone'], subjectField: 'personId', category: 'ordinary' },
      { path: ['email'], subjectField: 'personId', category: 'ordinary' },
      { path: ['extra', 'deep', 'dob'], subjectField: 'personId', category: 'ordinary' },
    ]);
  });

  it('finds nothing in a schema without marks', () => {
    expect(personalDataFields(z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) }))).toEqual([]);
  });

  it('keeps each field with its own subject', () => {
    const schema = z.object({
      mentorId: z.string(),
      traineeId: z.string(),
      mentorNote: personalData(z.string(), { subjectField: 'mentorId' }),
      traineeNote: personalData(z.string(), { subjectField: 'traineeId', category: 'special' }),
    });
    expect(personalDataFields(schema).map((f) => [f.path.join('.'), f.subjectField, f.category])).toEqual([
      ['mentorNote', 'mentorId', 'ordinary'],
      ['traineeNote', 'traineeId', 'special'],
    ]);
  });
});

describe('personalData values', () => {
  const schema = z.object({ personId: z.string(), name: personalData(z.string().min(2), subject) });

  it('parses the value or an Erased marker where a personal field is, and nothing else', () => {
    expect(schema.parse({ personId: 'p', name: 'Ada' }).name).toBe('Ada');
    expect(schema.parse({ personId: 'p', name: { $erased: true } }).name).toEqual(ERASED);
    expect(schema.safeParse({ personId: 'p', name: 'A' }).success).toBe(false);
    expect(schema.safeParse({ personId: 'p', name: { $erased: false } }).success).toBe(false);
    expect(schema.safeParse({ personId: 'p', name: { $erased: true, name: 'Ada' } }).success).toBe(false);
  });

  it('isErased tells an erased value from any other', () => {
    expect(isErased(ERASED)).toBe(true);
    expect(isErased({ $erased: true })).toBe(true);
    for (const other of ['Ada', null, undefined, 0, {}, { $erased: 'true' }, [true]]) expect(isErased(other)).toBe(false);
  });

  it('revealOr gives the value, or the fallback once erased', () => {
    const kept: string | Erased = 'Ada';
    const erased: string | Erased = ERASED;
    expect(revealOr(kept, '[erased]')).toBe('Ada');
    expect(revealOr(erased, '[erased]')).toBe('[erased]');
  });

  it('ERASED is frozen', () => {
    expect(Object.isFrozen(ERASED)).toBe(true);
  });
});
