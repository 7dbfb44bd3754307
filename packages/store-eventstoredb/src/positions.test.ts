import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromGlobalPosition, isKnownPosition, toGlobalPosition } from './positions.js';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 2n });
const pair = fc.record({ commit: u64, prepare: u64 });
const compare = (a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }) =>
  a.commit === b.commit ? Math.sign(Number(a.prepare - b.prepare)) : Math.sign(Number(a.commit - b.commit));

describe('global positions', () => {
  it('round-trip every (commit, prepare) pair', () => {
    fc.assert(
      fc.property(pair, (position) => {
        expect(fromGlobalPosition(toGlobalPosition(position))).toEqual(position);
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it('order bigints as $all orders pairs: by commit, then prepare', () => {
    fc.assert(
      fc.property(pair, pair, (a, b) => {
        const [x, y] = [toGlobalPosition(a), toGlobalPosition(b)];
        expect(x === y ? 0 : x < y ? -1 : 1).toBe(compare(a, b));
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it('read a position past the largest pair as the end of $all', () => {
    const max = (1n << 64n) - 1n;
    expect(fromGlobalPosition(1n << 200n)).toEqual({ commit: max, prepare: max });
    expect(isKnownPosition(fromGlobalPosition(1n << 200n))).toBe(false);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: 12n, prepare: 12n })).toBe(true);
  });
});
