import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruptedInput, issuesName, pathsOf } from './corruption.js';

const valid = { type: 'Do', id: 'a', list: [{ role: 'trainee' }], nested: { date: '2024-09-02' } };

describe('corruptedInput', () => {
  it('lists every path into an input, the whole of it first', () => {
    expect(pathsOf(valid)).toStrictEqual([[], ['type'], ['id'], ['list'], ['list', 0], ['list', 0, 'role'], ['nested'], ['nested', 'date']]);
  });

  it('breaks one place and never changes the valid input', () => {
    const before = JSON.stringify(valid);
    fc.assert(
      fc.property(corruptedInput(valid), ({ input, path, kind }) => {
        expect(JSON.stringify(valid)).toBe(before);
        if (path.length === 0) return;
        let parent = input as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const key = path.at(-1)!;
        if (kind === 'added') expect(Object.prototype.hasOwnProperty.call(parent, key)).toBe(true);
        if (kind === 'removed' && !Array.isArray(parent)) expect(key in parent).toBe(false);
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('adds __proto__ as an own key, as JSON.parse does, without touching any prototype', () => {
    fc.assert(
      fc.property(corruptedInput(valid), ({ input, kind, path }) => {
        if (kind === 'added' && path.length === 1 && path[0] === '__proto__') expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { seed: 10, numRuns: 300 },
    );
  });

  it('counts an issue at, above or below the corrupted place as naming it', () => {
    const issue = (path: (string | number)[]) => ({ path, code: 'invalid_type', message: '' });
    expect(issuesName([issue(['list', 0])], ['list', 0, 'role'])).toBe(true);
    expect(issuesName([issue(['nested', 'date', 'x'])], ['nested', 'date'])).toBe(true);
    expect(issuesName([issue(['id'])], ['nested', 'date'])).toBe(false);
    expect(issuesName([issue([])], ['type'])).toBe(true);
    expect(issuesName([issue([])], ['nested', 'date'])).toBe(false);
  });
});
