import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimableInputArbitrary, trainingSessionArbitrary } from '../testing/arbitraries/funding.js';
import { claimableAmount } from './claimableAmount.js';

const RUNS = { numRuns: 1000, seed: 20240905 };

describe('claimable amount (properties)', () => {
  it('never exceeds the cap, per mentor per provider summed across schools', () => {
    fc.assert(
      fc.property(claimableInputArbitrary(), (input) => {
        const { hours, amountPence, ratePence, allowance } = claimableAmount(input);
        expect(hours).toBeLessThanOrEqual(allowance.capHours);
        expect(hours === 0 || hours + input.hoursClaimedElsewhere <= allowance.capHours).toBe(true);
        expect(amountPence).toBeLessThanOrEqual(allowance.capHours * ratePence);
      }),
      RUNS,
    );
  });

  it('is monotone in hours: more training never lowers the amount', () => {
    fc.assert(
      fc.property(claimableInputArbitrary(), trainingSessionArbitrary(), (input, extra) => {
        const more = claimableAmount({ ...input, sessions: [...input.sessions, extra] });
        expect(more.amountPence).toBeGreaterThanOrEqual(claimableAmount(input).amountPence);
      }),
      RUNS,
    );
  });

  it('is zero without a mentored trainee', () => {
    fc.assert(
      fc.property(claimableInputArbitrary(), (input) => {
        expect(claimableAmount({ ...input, placementIds: [] })).toMatchObject({ hours: 0, amountPence: 0 });
      }),
      RUNS,
    );
  });

  it('does not depend on the order in which sessions were recorded', () => {
    fc.assert(
      fc.property(
        claimableInputArbitrary().chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.sessions], { minLength: input.sessions.length }))),
        ([input, shuffled]) => {
          expect(claimableAmount({ ...input, sessions: shuffled })).toEqual(claimableAmount(input));
        },
      ),
      RUNS,
    );
  });

  it('is whole pence: hours × rate exactly, no floats anywhere', () => {
    fc.assert(
      fc.property(claimableInputArbitrary(), (input) => {
        const { hours, ratePence, amountPence, allowance } = claimableAmount(input);
        for (const value of [hours, ratePence, amountPence, allowance.trainedMinutes, allowance.trainedHours]) expect(Number.isSafeInteger(value)).toBe(true);
        expect(amountPence).toBe(hours * ratePence);
      }),
      RUNS,
    );
  });
});
