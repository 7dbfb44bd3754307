import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid } from './ids.js';

// The hand-written check must agree with the regular expression it replaces, character for character.
const REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CHARS = '0123456789abcdefABCDEFgG-xZ_ \u00e9\u0101';

describe('isUuid (properties)', () => {
  it('agrees with the reference expression on UUIDs, one character changed, and any string', () => {
    const anyChar = fc.constantFrom(...CHARS);
    const mutated = fc
      .tuple(fc.uuid(), fc.nat({ max: 35 }), anyChar, fc.boolean())
      .map(([uuid, at, c, upper]) => (upper ? uuid.toUpperCase() : uuid).slice(0, at) + c + uuid.slice(at + 1));
    const text = fc.string({ unit: anyChar, minLength: 30, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), mutated, text), (value) => {
        expect(isUuid(value)).toBe(REFERENCE.test(value));
      }),
      { seed: 20_241_124, numRuns: 2_000 },
    );
  });

  it('refuses anything that is not a string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object(), fc.array(fc.string())), (value) => {
        expect(isUuid(value)).toBe(false);
      }),
      { seed: 20_241_124, numRuns: 200 },
    );
  });
});
