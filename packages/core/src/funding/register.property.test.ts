import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { regionArbitrary, validatedStoredEvents } from '../testing/arbitraries/funding.js';
import { fundingRegistry, type FundingEvent } from './events.js';
import { createClaimsRegister } from './register.js';
import { providerClaimsRegister, schoolClaimsRegister } from './registerViews.js';

const allowance = { trainedMinutes: 1200, trainedHours: 20, capHours: 20, refresher: false, hoursClaimedElsewhere: 0, placementIds: ['p'], employedByClaimingSchool: true };
const YEARS = ['2024/25', '2025/26'] as const;
const PROVIDERS = ['provider-1', 'provider-2'];
const SCHOOLS = ['school-1', 'school-2', 'school-3'];
const pick = <T>(values: readonly T[]) => fc.nat({ max: values.length - 1 }).map((i) => values[i]!);

const draft = fc.record({ claim: fc.nat({ max: 7 }), school: pick(SCHOOLS), provider: pick(PROVIDERS), year: pick(YEARS), region: regionArbitrary }).map(
  ({ claim, school, provider, year, region }): FundingEvent => ({
    type: 'FundingClaimDrafted',
    data: { claimId: `claim-${claim}`, schoolId: school, providerId: provider, academicYear: year, region, claimant: 'school' },
  }),
);
const add = fc.record({ claim: fc.nat({ max: 7 }), mentor: fc.nat({ max: 5 }), hours: fc.integer({ min: 1, max: 20 }) }).map(
  ({ claim, mentor, hours }): FundingEvent => ({ type: 'FundingClaimMentorAdded', data: { claimId: `claim-${claim}`, mentorId: `mentor-${mentor}`, hours, allowance } }),
);
const correct = fc.record({ year: pick(YEARS), region: regionArbitrary, value: fc.integer({ min: 1, max: 9999 }) }).map(
  ({ year, region, value }): FundingEvent => ({
    type: 'RuleValueCorrected',
    data: { academicYear: year, path: `funding.hourlyRatePence.${region}`, value, previousValue: 0, reason: 'property', source: 'test' },
  }),
);
const histories = fc.array(fc.oneof({ arbitrary: draft, weight: 2 }, { arbitrary: add, weight: 5 }, { arbitrary: correct, weight: 1 }), { maxLength: 60 });

describe('claims register (properties)', () => {
  it('sums pence exactly: totals are the sum of the lines, every amount whole pence, hours × rate', () => {
    fc.assert(
      fc.property(histories, (events) => {
        const state = runProjection(createClaimsRegister(), validatedStoredEvents(fundingRegistry, events.map((event) => ({ ...event, recordedAt: '2024-10-01T09:00:00.000Z' }))));
        let providerTotal = 0;
        for (const provider of PROVIDERS) {
          for (const year of YEARS) {
            const { lines, totals } = providerClaimsRegister(state, provider, year);
            expect(totals.amountPence).toBe(lines.reduce((sum, line) => sum + line.amountPence, 0));
            expect(totals.hours).toBe(lines.reduce((sum, line) => sum + line.hours, 0));
            for (const line of lines) {
              expect(Number.isSafeInteger(line.amountPence) && Number.isSafeInteger(line.rate.pence)).toBe(true);
              expect(line.amountPence).toBe(line.hours * line.rate.pence);
              expect(line.history.at(-1)!.amountPence).toBe(line.amountPence);
              for (const change of line.history) expect(Number.isSafeInteger(change.amountPence)).toBe(true);
            }
            providerTotal += totals.amountPence;
          }
        }
        // Every claim is in one provider's register and one school's: both ways, the same pence.
        const schoolTotal = SCHOOLS.reduce((sum, school) => sum + schoolClaimsRegister(state, school).totals.amountPence, 0);
        expect(schoolTotal).toBe(providerTotal);
      }),
      { numRuns: 1000, seed: 20240908 },
    );
  });
});
