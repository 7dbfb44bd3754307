import { describe, expect, it } from 'vitest';
import { createIttLedgerRegistry, ittLedgerEventDefinitions } from './domain.js';

describe('the domain registry', () => {
  it('knows every event once, each with a past-tense name', () => {
    const types = ittLedgerEventDefinitions.map((definition) => definition.type);
    expect(new Set(types).size).toBe(types.length);
    // Events are facts: each name holds a past participle (Recorded, Arranged, Set, Held, Paid …).
    const pastTense = (word: string) => /ed$/.test(word) || ['Set', 'Held', 'Sent', 'Paid', 'Chosen', 'Withdrawn'].includes(word);
    const words = (type: string) => type.match(/[A-Z][a-z]*/g) ?? [];
    expect(types.filter((type) => !words(type).some(pastTense))).toEqual([]);
  });

  it('builds a registry that validates the domain events', () => {
    const registry = createIttLedgerRegistry();
    expect(registry.personalData('TraineeRegistered', 1).map((field) => field.path.join('.'))).toContain('name');
  });
});
