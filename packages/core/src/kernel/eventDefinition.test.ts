import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './eventDefinition.js';
import { personalData } from './personalData.js';

describe('defineEvent', () => {
  it('starts at version 1 with the personal data of its schema', () => {
    const Noted = defineEvent('Noted', z.object({ ownerId: z.string(), text: personalData(z.string(), { subjectField: 'ownerId' }) }));
    expect(Noted.type).toBe('Noted');
    expect(Noted.latestVersion).toBe(1);
    expect(Noted.versions.map((v) => v.version)).toEqual([1]);
    expect(Noted.versions[0]?.upcast).toBeUndefined();
    expect(Noted.versions[0]?.personalData).toEqual([{ path: ['text'], subjectField: 'ownerId', category: 'ordinary' }]);
  });

  it('upcastTo adds a version and puts the upcaster on the version before it', () => {
    const v1 = defineEvent('Counted', z.object({ n: z.number() }));
    const v3 = v1
      .upcastTo(z.object({ n: z.number(), unit: z.string() }), (d) => ({ ...d, unit: 'each' }))
      .upcastTo(z.object({ count: z.number(), unit: z.string() }), (d) => ({ count: d.n, unit: d.unit }));
    expect(v3.latestVersion).toBe(3);
    expect(v3.versions.map((v) => [v.version, typeof v.upcast])).toEqual([
      [1, 'function'],
      [2, 'function'],
      [3, 'undefined'],
    ]);
    expect(v3.versions[0]?.upcast?.({ n: 2 })).toEqual({ n: 2, unit: 'each' });
    expect(v3.versions[1]?.upcast?.({ n: 2, unit: 'box' })).toEqual({ count: 2, unit: 'box' });
  });

  it('leaves the definition it was called on unchanged', () => {
    const v1 = defineEvent('Counted', z.object({ n: z.number() }));
    v1.upcastTo(z.object({ m: z.number() }), (d) => ({ m: d.n }));
    expect(v1.latestVersion).toBe(1);
    expect(v1.versions).toHaveLength(1);
    expect(Object.isFrozen(v1)).toBe(true);
  });

  it('refuses a type name that is not one PascalCase word', () => {
    for (const bad of ['', 'item-added', 'Item Added', '1Added', 'Item.Added']) {
      expect(() => defineEvent(bad, z.object({}))).toThrow(/PascalCase/);
    }
    expect(() => defineEvent('ItemAdded2', z.object({}))).not.toThrow();
  });
});
