import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// The fast path for strings already in normal form must agree with Date, digit for digit.
const oracle = (value: string) => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value ? value : undefined;
};

describe('instants (properties)', () => {
  it('accepts a normal-form string exactly when Date round-trips it', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
          fc.integer({ min: 0, max: 61 }),
          fc.integer({ min: 0, max: 999 }),
        ),
        ([y, mo, d, h, mi, s, ms]) => {
          const value = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
          expect(parseInstant(value)).toBe(oracle(value));
        },
      ),
      { numRuns: 5_000, seed: 42 },
    );
  });

  it('normalises any instant with an offset to the same moment', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -12, max: 14 }), (date, offsetHours) => {
        const shifted = new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 23);
        const sign = offsetHours < 0 ? '-' : '+';
        const withOffset = `${shifted}${sign}${pad(Math.abs(offsetHours), 2)}:00`;
        expect(parseInstant(withOffset)).toBe(date.toISOString());
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
