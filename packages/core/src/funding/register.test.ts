import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { validatedStoredEvents } from '../testing/arbitraries/funding.js';
import type { ClaimEvent } from './claim/events.js';
import { fundingRegistry } from './events.js';
import { createClaimsRegister } from './register.js';
import { hoursClaimedWithProvider, isRefresherMentor, providerClaimsRegister, schoolClaimsRegister } from './registerViews.js';

const allowance = { trainedMinutes: 1200, trainedHours: 20, capHours: 20, refresher: false, hoursClaimedElsewhere: 0, placementIds: ['p'], employedByClaimingSchool: true };
const drafted = (claimId: string, schoolId: string, academicYear: '2024/25' | '2025/26' = '2024/25'): ClaimEvent => ({
  type: 'FundingClaimDrafted',
  data: { claimId, schoolId, providerId: 'provider-1', academicYear, region: 'rest_of_england', claimant: 'school' },
});
const added = (claimId: string, mentorId: string, hours: number): ClaimEvent => ({ type: 'FundingClaimMentorAdded', data: { claimId, mentorId, hours, allowance } });
const submitted = (claimId: string, ...mentorIds: string[]): ClaimEvent => ({
  type: 'FundingClaimSubmitted',
  data: { claimId, submittedBy: 'head', allowances: mentorIds.map((mentorId) => ({ mentorId, allowance })) },
});

const history: ClaimEvent[] = [
  drafted('c1', 'school-a'),
  added('c1', 'mentor-1', 20),
  added('c1', 'mentor-2', 10),
  added('c1', 'mentor-9', 3),
  { type: 'FundingClaimMentorRemoved', data: { claimId: 'c1', mentorId: 'mentor-9', reason: 'added by mistake' } },
  submitted('c1', 'mentor-1', 'mentor-2'),
  { type: 'FundingClaimPaymentStarted', data: { claimId: 'c1' } },
  { type: 'FundingClaimPaid', data: { claimId: 'c1', hours: 30, ratePence: 4380, amountPence: 131_400, paymentReference: 'PAY-1' } },
  { type: 'FundingClaimSampled', data: { claimId: 'c1', reason: 'random sample' } },
  { type: 'FundingClaimMentorNotAssured', data: { claimId: 'c1', mentorId: 'mentor-2', reason: 'no register for 4 h' } },
  { type: 'FundingClaimNotApprovedBySchool', data: { claimId: 'c1', reason: 'accepted' } },
  {
    type: 'FundingClawbackRequested',
    data: { claimId: 'c1', requestedBy: 'a-1', ratePence: 4380, lines: [{ mentorId: 'mentor-2', hours: 4, amountPence: 17_520, reason: 'no register' }], amountPence: 17_520 },
  },
  { type: 'FundingClawbackApproved', data: { claimId: 'c1', approvedBy: 'a-2' } },
  { type: 'FundingClawbackCompleted', data: { claimId: 'c1' } },
  // A second school claims for mentor-1 with the same provider; a draft, and one whose payment was refused.
  drafted('c2', 'school-b'),
  added('c2', 'mentor-1', 1),
  drafted('c3', 'school-c'),
  added('c3', 'mentor-1', 5),
  submitted('c3', 'mentor-1'),
  { type: 'FundingClaimPaymentStarted', data: { claimId: 'c3' } },
  { type: 'FundingClaimPaymentNotApproved', data: { claimId: 'c3', reason: 'not employed' } },
  drafted('c4', 'school-a', '2025/26'),
];
const state = runProjection(
  createClaimsRegister(),
  validatedStoredEvents(fundingRegistry, history.map((event, i) => ({ ...event, recordedAt: `2024-10-${String(i + 1).padStart(2, '0')}T09:00:00.000Z` }))),
);

describe('claims register', () => {
  it("keeps a provider's claims for a year, each line priced at its region's rate with the rate's source", () => {
    const register = providerClaimsRegister(state, 'provider-1', '2024/25');
    expect(register.lines.map((line) => [line.claimId, line.mentorId, line.hours, line.amountPence, line.status])).toEqual([
      ['c1', 'mentor-1', 20, 87_600, 'clawback_complete'],
      ['c1', 'mentor-2', 10, 43_800, 'clawback_complete'],
      ['c2', 'mentor-1', 1, 4380, 'draft'],
      ['c3', 'mentor-1', 5, 21_900, 'payment_not_approved'],
    ]);
    expect(register.totals).toEqual({ claims: 3, lines: 4, hours: 36, amountPence: 157_680, paidPence: 131_400, clawedBackPence: 17_520 });
    expect(register.lines[0]!.rate).toEqual({ pence: 4380, source: 'seed 003; DfE grant conditions §5', rule: 'hourly rate, rest of England' });
    expect(providerClaimsRegister(state, 'provider-1', '2025/26').totals.claims).toBe(1);
    expect(providerClaimsRegister(state, 'provider-2', '2024/25').lines).toEqual([]);
  });

  it('replays how each claim got where it is', () => {
    const claim = state.claims.get('c1')!;
    expect(claim.statusHistory.map(({ status, note }) => (note === undefined ? status : `${status}: ${note}`))).toEqual([
      'draft',
      'submitted',
      'payment_in_progress',
      'paid: paid PAY-1',
      'sampling_in_progress: random sample',
      'provider_not_approved: mentor-2: no register for 4 h',
      'not_approved_by_school: accepted',
      'clawback_requested: by a-1',
      'clawback_in_progress: approved by a-2',
      'clawback_complete',
    ]);
    expect(claim.lines.get('mentor-2')).toMatchObject({ notAssured: 'no register for 4 h', clawedBackHours: 4 });
    expect(claim.lines.get('mentor-9')).toBeUndefined();
    expect(claim).toMatchObject({ paidRatePence: 4380, paymentReference: 'PAY-1', clawbackPendingPence: 0 });
  });

  it("keeps a school's claims", () => {
    expect(schoolClaimsRegister(state, 'school-a').claims.map((c) => c.claimId)).toEqual(['c1', 'c4']);
    expect(schoolClaimsRegister(state, 'school-a', '2024/25').totals.amountPence).toBe(131_400);
    expect(schoolClaimsRegister(state, 'school-z').totals).toEqual({ claims: 0, lines: 0, hours: 0, amountPence: 0, paidPence: 0, clawedBackPence: 0 });
  });

  it('counts the hours a cap has used across schools: submitted claims only, not drafts nor refused payments', () => {
    const query = { mentorId: 'mentor-1', providerId: 'provider-1', academicYear: '2024/25' as const };
    expect(hoursClaimedWithProvider(state, query)).toBe(20);
    expect(hoursClaimedWithProvider(state, { ...query, exceptClaimId: 'c1' })).toBe(0);
    expect(hoursClaimedWithProvider(state, { ...query, providerId: 'provider-2' })).toBe(0);
  });

  it('knows a refresher mentor: on a submitted claim with the same provider in an earlier year', () => {
    expect(isRefresherMentor(state, { mentorId: 'mentor-1', providerId: 'provider-1', academicYear: '2025/26' })).toBe(true);
    expect(isRefresherMentor(state, { mentorId: 'mentor-1', providerId: 'provider-1', academicYear: '2024/25' })).toBe(false);
    expect(isRefresherMentor(state, { mentorId: 'mentor-1', providerId: 'provider-2', academicYear: '2025/26' })).toBe(false);
  });

  it('rejects a clawback without moving money', () => {
    const rejection: ClaimEvent = { type: 'FundingClawbackRejected', data: { claimId: 'c1', rejectedBy: 'a-2', reason: 'register found' } };
    const rejected = runProjection(
      createClaimsRegister(),
      validatedStoredEvents(fundingRegistry, [...history.slice(0, 12), rejection].map((event) => ({ ...event, recordedAt: '2024-10-01T09:00:00.000Z' }))),
    );
    expect(rejected.claims.get('c1')).toMatchObject({ status: 'clawback_rejected', clawbackPendingPence: 0, clawedBackPence: 0 });
    expect(rejected.claims.get('c1')!.pendingClawback).toBeUndefined();
  });
});
