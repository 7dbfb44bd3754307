import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyGrowingMap, getIn, hasIn, setIn, type GrowingMap } from './growingMap.js';

const KEYS = ['a', 'b', 'c', 'd', 'e'];
// Each step sets a key on one of the versions made so far (`from` picks it): the newest one in a fold,
// any older one in a branch.
const steps = fc.array(fc.record({ from: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.integer({ min: 0, max: 3 }) }), { maxLength: 60 });

const contents = (map: GrowingMap<number>) => KEYS.map((key) => [hasIn(map, key), getIn(map, key)]);

describe('GrowingMap', () => {
  it('every version answers as a copied Map would, however versions are grown', () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (list, foldOnly) => {
        const versions: GrowingMap<number>[] = [emptyGrowingMap()];
        const models: Map<string, number>[] = [new Map()];
        for (const { from, key, value } of list) {
          const at = foldOnly ? versions.length - 1 : from % versions.length;
          versions.push(setIn(versions[at]!, key, value));
          models.push(new Map(models[at]).set(key, value));
        }
        versions.forEach((version, i) => {
          const model = models[i]!;
          expect(version.size).toBe(model.size);
          expect(contents(version)).toEqual(KEYS.map((key) => [model.has(key), model.get(key)]));
        });
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
