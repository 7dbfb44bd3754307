import { seededRandom } from '@itt-ledger/core';

/** A seeded generator with the few draws the provider year needs. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

export const rng = (seed: number): Rng => {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
};

/** A seed for one entity of one provider: each entity draws from its own sequence, so scripts can run in any order. */
export const seedFor = (seed: number, provider: number, entity: number, salt: number): number => {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(provider + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ Math.imul(entity + 1, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x9e3779b1) ^ Math.imul(salt + 1, 0x7f4a7c15);
  return (h ^ (h >>> 16)) >>> 0;
};
