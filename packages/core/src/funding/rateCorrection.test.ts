import { describe, expect, it } from 'vitest';
import { eventsAsOf } from '../kernel/asOf.js';
import { runProjection } from '../kernel/projection.js';
import { createRuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { standardRuleSets } from '../rules/standardRuleSets.js';
import { validatedStoredEvents } from '../testing/arbitraries/funding.js';
import type { ClaimEvent } from './claim/events.js';
import { fundingRegistry, type FundingEvent } from './events.js';
import { formatPenceDifference } from './format.js';
import { createClaimsRegister } from './register.js';
import { providerClaimsRegister } from './registerViews.js';

// The real lesson (domain.md): in 2024 the DfE's claim service keyed the rest-of-England rate as £43.18
// instead of £43.80, and 148 organisations' claims were recalculated (+£3,318.86).
const MIS_KEYED = 4318;
const misKey = (ruleSet: RuleSet): RuleSet => {
  if (ruleSet.academicYear !== '2024/25') return ruleSet;
  const rates = ruleSet.funding.hourlyRatePence;
  return { ...ruleSet, funding: { ...ruleSet.funding, hourlyRatePence: { ...rates, rest_of_england: { ...rates.rest_of_england, value: MIS_KEYED } } } };
};
const misKeyedBook = createRuleBook(standardRuleSets.map(misKey));

const allowance = { trainedMinutes: 1200, trainedHours: 20, capHours: 20, refresher: false, hoursClaimedElsewhere: 0, placementIds: ['p'], employedByClaimingSchool: true };
const BEFORE = '2024-12-01T09:00:00.000Z';
const CORRECTED_AT = '2025-01-15T09:00:00.000Z';

/** A claim of one school with mentor lines of the given hours, submitted; `region` rest of England unless said. */
const claim = (n: number, hours: readonly number[], region: 'rest_of_england' | 'fringe' = 'rest_of_england'): ClaimEvent[] => {
  const claimId = `claim-${String(n).padStart(3, '0')}`;
  return [
    { type: 'FundingClaimDrafted', data: { claimId, schoolId: `school-${n}`, providerId: 'provider-1', academicYear: '2024/25', region, claimant: 'school' } },
    ...hours.map((h, i): ClaimEvent => ({ type: 'FundingClaimMentorAdded', data: { claimId, mentorId: `mentor-${n}-${i}`, hours: h, allowance } })),
    {
      type: 'FundingClaimSubmitted',
      data: { claimId, submittedBy: 'head', allowances: hours.map((_, i) => ({ mentorId: `mentor-${n}-${i}`, allowance })) },
    },
  ];
};

// 148 claims, 5,353 hours in all (the hours of each are illustrative; their total is what the DfE's +£3,318.86 implies).
const claims = Array.from({ length: 148 }, (_, n) => claim(n, n < 123 ? [20, 16] : [20, 17])).flat();
const fringeClaim = claim(900, [10], 'fringe');
const paid: ClaimEvent[] = [
  { type: 'FundingClaimPaymentStarted', data: { claimId: 'claim-000' } },
  { type: 'FundingClaimPaid', data: { claimId: 'claim-000', hours: 36, ratePence: MIS_KEYED, amountPence: 36 * MIS_KEYED, paymentReference: 'PAY-000' } },
];
const correction: FundingEvent = {
  type: 'RuleValueCorrected',
  data: {
    academicYear: '2024/25',
    path: 'funding.hourlyRatePence.rest_of_england',
    value: 4380,
    previousValue: MIS_KEYED,
    reason: 'keyed as £43.18; the grant conditions say £43.80',
    source: 'DfE grant conditions §5',
  },
};
const stored = validatedStoredEvents(fundingRegistry, [
  ...[...claims, ...fringeClaim, ...paid].map((event) => ({ ...event, recordedAt: BEFORE })),
  { ...correction, recordedAt: CORRECTED_AT },
]);
const register = createClaimsRegister(misKeyedBook);

describe('the £43.18 lesson: a rule-set correction is an event', () => {
  const now = providerClaimsRegister(runProjection(register, stored), 'provider-1', '2024/25');
  const then = providerClaimsRegister(runProjection(register, eventsAsOf(stored, { recordedAt: BEFORE })), 'provider-1', '2024/25');
  const restOfEngland = now.lines.filter((line) => line.rate.rule === 'hourly rate, rest of England');

  it('priced the claims at £43.18 until the correction was recorded', () => {
    expect(then.lines.filter((line) => line.claimId !== 'claim-900').every((line) => line.amountPence === line.hours * MIS_KEYED)).toBe(true);
    expect(then.totals.hours).toBe(5353 + 10);
  });

  it('re-derives every amount, and each line shows its amount before and after, and why', () => {
    expect(restOfEngland).toHaveLength(296);
    for (const line of restOfEngland) {
      expect(line.amountPence).toBe(line.hours * 4380);
      expect(line.history).toEqual([
        { recordedAt: BEFORE, hours: line.hours, ratePence: MIS_KEYED, amountPence: line.hours * MIS_KEYED, reason: 'claimed', source: 'seed 003; DfE grant conditions §5' },
        {
          recordedAt: CORRECTED_AT,
          hours: line.hours,
          ratePence: 4380,
          amountPence: line.hours * 4380,
          previousAmountPence: line.hours * MIS_KEYED,
          reason: 'keyed as £43.18; the grant conditions say £43.80',
          source: 'DfE grant conditions §5',
        },
      ]);
    }
    expect(now.claims[0]!.rate).toEqual({ pence: 4380, source: 'DfE grant conditions §5', rule: 'hourly rate, rest of England', correctedBecause: 'keyed as £43.18; the grant conditions say £43.80' });
  });

  it('differs by exactly 62p an hour per claim, and by +£3,318.86 over the 148 claims', () => {
    const difference = (line: (typeof restOfEngland)[number]) => line.history.at(-1)!.amountPence - line.history[0]!.amountPence;
    for (const line of restOfEngland) expect(difference(line)).toBe(line.hours * 62);
    const total = restOfEngland.reduce((sum, line) => sum + difference(line), 0);
    expect(total).toBe(331_886);
    expect(formatPenceDifference(total)).toBe('+£3,318.86');
    expect(now.totals.amountPence - then.totals.amountPence).toBe(331_886);
  });

  it('leaves other regions alone and keeps what was paid as paid', () => {
    const fringe = now.lines.find((line) => line.claimId === 'claim-900')!;
    expect(fringe).toMatchObject({ amountPence: 45_100, history: [{ reason: 'claimed', amountPence: 45_100 }] });
    expect(now.claims[0]).toMatchObject({ claimId: 'claim-000', status: 'paid', paidPence: 155_448, paidRatePence: MIS_KEYED });
    expect(now.claims[0]!.lines.get('mentor-0-0')!.amountPence + now.claims[0]!.lines.get('mentor-0-1')!.amountPence).toBe(157_680);
  });
});
