import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../../kernel/errors.js';
import { invalidClaimCommandArbitrary, mentorAllowanceArbitrary } from '../../testing/arbitraries/funding.js';
import { hoursRemaining } from '../claimableAmount.js';
import { claimDecider } from './decider.js';
import type { ClaimEvent } from './events.js';

const claimId = 'claim-1';
const allowance = { trainedMinutes: 1200, trainedHours: 20, capHours: 20, refresher: false, hoursClaimedElsewhere: 0, placementIds: ['p-1'], employedByClaimingSchool: true };
const happyPath: ClaimEvent[] = [
  { type: 'FundingClaimDrafted', data: { claimId, schoolId: 's-1', providerId: 'p-1', academicYear: '2024/25', region: 'fringe', claimant: 'mentor' } },
  { type: 'FundingClaimMentorAdded', data: { claimId, mentorId: 'mentor-a', hours: 12, allowance } },
  { type: 'FundingClaimSubmitted', data: { claimId, submittedBy: 'head', allowances: [{ mentorId: 'mentor-a', allowance }] } },
  { type: 'FundingClaimPaymentStarted', data: { claimId } },
  { type: 'FundingClaimPaymentInformationRequested', data: { claimId, reason: 'bank details' } },
  { type: 'FundingClaimPaymentInformationSent', data: { claimId, information: 'sent' } },
  { type: 'FundingClaimPaid', data: { claimId, hours: 12, ratePence: 4510, amountPence: 54_120, paymentReference: 'PAY' } },
  { type: 'FundingClaimSampled', data: { claimId, reason: 'mentor-submitted' } },
  { type: 'FundingClaimMentorNotAssured', data: { claimId, mentorId: 'mentor-a', reason: 'no records' } },
  { type: 'FundingClaimNotApprovedBySchool', data: { claimId, reason: 'agreed' } },
  { type: 'FundingClawbackRequested', data: { claimId, requestedBy: 'a-1', ratePence: 4510, lines: [{ mentorId: 'mentor-a', hours: 2, amountPence: 9020, reason: 'r' }], amountPence: 9020 } },
  { type: 'FundingClawbackApproved', data: { claimId, approvedBy: 'a-2' } },
  { type: 'FundingClawbackCompleted', data: { claimId } },
];
const branches: ClaimEvent[][] = [
  [...happyPath.slice(0, 4), { type: 'FundingClaimPaymentNotApproved', data: { claimId, reason: 'no' } }],
  [...happyPath.slice(0, 11), { type: 'FundingClawbackRejected', data: { claimId, rejectedBy: 'a-2', reason: 'found' } }],
];
/** Every status a claim can be in: each prefix of the happy path, and the two branches off it. */
const histories = fc.oneof(fc.integer({ min: 0, max: happyPath.length }).map((n) => happyPath.slice(0, n)), fc.constantFrom(...branches));
const fold = (events: readonly ClaimEvent[]) => events.reduce(claimDecider.evolve, claimDecider.initialState);

describe('claim decider (properties)', () => {
  it('refuses random invalid commands in every status, with a typed error naming a field, deciding nothing', () => {
    fc.assert(
      fc.property(histories, invalidClaimCommandArbitrary, (history, command) => {
        const state = fold(history);
        let decided: unknown;
        try {
          decided = claimDecider.decide(command, state);
        } catch (error) {
          expect(error).toBeInstanceOf(CommandRejectedError);
          expect((error as CommandRejectedError).field).toMatch(/\w/);
          return;
        }
        expect.unreachable(`decided ${JSON.stringify(decided)} for ${JSON.stringify(command)}`);
      }),
      { numRuns: 1000, seed: 20240906 },
    );
  });

  it('accepts exactly the hours the allowance leaves, on a draft', () => {
    const draft = fold(happyPath.slice(0, 1));
    fc.assert(
      fc.property(mentorAllowanceArbitrary, fc.integer({ min: 1, max: 40 }), (given, hours) => {
        const accept = () => claimDecider.decide({ type: 'AddMentorToClaim', mentorId: 'mentor-b', hours, allowance: given }, draft);
        if (hours <= hoursRemaining(given)) expect(accept()).toHaveLength(1);
        else expect(accept).toThrow(CommandRejectedError);
      }),
      { numRuns: 1000, seed: 20240907 },
    );
  });
});
