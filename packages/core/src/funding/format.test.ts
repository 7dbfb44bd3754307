import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { validatedStoredEvents } from '../testing/arbitraries/funding.js';
import type { ClaimEvent } from './claim/events.js';
import { fundingRegistry, type FundingEvent } from './events.js';
import { formatClaimsRegister, formatPence, formatPenceDifference } from './format.js';
import { createClaimsRegister } from './register.js';
import { providerClaimsRegister } from './registerViews.js';

describe('formatting pence', () => {
  it('prints pounds and pence from whole pence, never through a float', () => {
    expect([87_600, 43_800, 0, 5, 131_400, 100_000_000, -1240].map(formatPence)).toEqual(['£876.00', '£438.00', '£0.00', '£0.05', '£1,314.00', '£1,000,000.00', '-£12.40']);
    expect([331_886, -62].map(formatPenceDifference)).toEqual(['+£3,318.86', '-£0.62']);
    expect(() => formatPence(0.5)).toThrow(expect.objectContaining({ field: 'pence' }));
  });
});

describe('formatting the claims register', () => {
  const allowance = { trainedMinutes: 1200, trainedHours: 20, capHours: 20, refresher: false, hoursClaimedElsewhere: 0, placementIds: ['p'], employedByClaimingSchool: true };
  const events: FundingEvent[] = [
    { type: 'FundingClaimDrafted', data: { claimId: 'c1', schoolId: 'oak', providerId: 'prov', academicYear: '2024/25', region: 'rest_of_england', claimant: 'school' } },
    { type: 'FundingClaimMentorAdded', data: { claimId: 'c1', mentorId: 'amara', hours: 20, allowance } } satisfies ClaimEvent,
    { type: 'FundingClaimMentorAdded', data: { claimId: 'c1', mentorId: 'tom', hours: 10, allowance } } satisfies ClaimEvent,
    {
      type: 'RuleValueCorrected',
      data: { academicYear: '2024/25', path: 'funding.hourlyRatePence.rest_of_england', value: 4400, previousValue: 4380, reason: 'an illustration', source: 'a letter' },
    },
  ];
  const state = runProjection(createClaimsRegister(), validatedStoredEvents(fundingRegistry, events.map((event, i) => ({ ...event, recordedAt: `2025-06-0${i + 1}T09:00:00.000Z` }))));

  it('prints lines, totals, rates with their sources and how each amount was reached', () => {
    expect(formatClaimsRegister('Claims: prov, 2024/25', providerClaimsRegister(state, 'prov', '2024/25'))).toBe(
      [
        'Claims: prov, 2024/25',
        '=====================',
        'claim  school  mentor  hours  rate/h     amount  status',
        '-----  ------  ------  -----  ------  ---------  ------',
        'c1     oak     amara      20  £44.00    £880.00  draft',
        'c1     oak     tom        10  £44.00    £440.00  draft',
        'total                     30          £1,320.00',
        '',
        'claims 1, lines 2; paid £0.00, clawed back £0.00',
        '',
        'rates',
        '  rest_of_england: £44.00/h, a letter (domain.md: hourly rate, rest of England); corrected: an illustration',
        '',
        'how each amount was reached',
        '  c1 amara: trained 1200 min = 20 whole h; initial cap 20 h; 0 h claimed elsewhere; trainees through p',
        '    2025-06-02 20 h × £43.80 = £876.00 (claimed)',
        '    2025-06-04 20 h × £44.00 = £880.00 (+£4.00): an illustration [a letter]',
        '  c1 tom: trained 1200 min = 20 whole h; initial cap 20 h; 0 h claimed elsewhere; trainees through p',
        '    2025-06-03 10 h × £43.80 = £438.00 (claimed)',
        '    2025-06-04 10 h × £44.00 = £440.00 (+£2.00): an illustration [a letter]',
        '',
      ].join('\n'),
    );
  });
});
