import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../../kernel/errors.js';
import { deciderSpec } from '../../testing/givenWhenThen.js';
import type { MentorAllowance } from '../claimableAmount.js';
import type { ClaimCommand } from './commands.js';
import { claimDecider } from './decider.js';
import type { ClaimEvent } from './events.js';

const spec = deciderSpec(claimDecider);
const claimId = 'claim-1';
const allowance: MentorAllowance = {
  trainedMinutes: 1230,
  trainedHours: 20,
  capHours: 20,
  refresher: false,
  hoursClaimedElsewhere: 0,
  placementIds: ['placement-1'],
  employedByClaimingSchool: true,
};

const drafted: ClaimEvent = {
  type: 'FundingClaimDrafted',
  data: { claimId, schoolId: 'school-1', providerId: 'provider-1', academicYear: '2024/25', region: 'rest_of_england', claimant: 'school' },
};
const added = (mentorId: string, hours: number): ClaimEvent => ({ type: 'FundingClaimMentorAdded', data: { claimId, mentorId, hours, allowance } });
const submitted: ClaimEvent = { type: 'FundingClaimSubmitted', data: { claimId, submittedBy: 'head-1', allowances: [{ mentorId: 'mentor-a', allowance }] } };
const started: ClaimEvent = { type: 'FundingClaimPaymentStarted', data: { claimId } };
const paid: ClaimEvent = { type: 'FundingClaimPaid', data: { claimId, hours: 20, ratePence: 4380, amountPence: 87_600, paymentReference: 'PAY-1' } };
const sampled: ClaimEvent = { type: 'FundingClaimSampled', data: { claimId, reason: 'school claims over £5,000' } };
const notAssured: ClaimEvent = { type: 'FundingClaimMentorNotAssured', data: { claimId, mentorId: 'mentor-a', reason: 'no attendance record for 4 h' } };
const schoolNo: ClaimEvent = { type: 'FundingClaimNotApprovedBySchool', data: { claimId, reason: 'records lost' } };
const clawbackRequested: ClaimEvent = {
  type: 'FundingClawbackRequested',
  data: { claimId, requestedBy: 'auditor-1', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 4, amountPence: 17_520, reason: 'no attendance record' }], amountPence: 17_520 },
};
const approved: ClaimEvent = { type: 'FundingClawbackApproved', data: { claimId, approvedBy: 'auditor-2' } };

const lifecycle = {
  draft: [drafted, added('mentor-a', 20)],
  submitted: [drafted, added('mentor-a', 20), submitted],
  paying: [drafted, added('mentor-a', 20), submitted, started],
  paid: [drafted, added('mentor-a', 20), submitted, started, paid],
  sampling: [drafted, added('mentor-a', 20), submitted, started, paid, sampled],
  notAssured: [drafted, added('mentor-a', 20), submitted, started, paid, sampled, notAssured],
  schoolNo: [drafted, added('mentor-a', 20), submitted, started, paid, sampled, notAssured, schoolNo],
  clawback: [drafted, added('mentor-a', 20), submitted, started, paid, sampled, notAssured, schoolNo, clawbackRequested],
  clawbackApproved: [drafted, added('mentor-a', 20), submitted, started, paid, sampled, notAssured, schoolNo, clawbackRequested, approved],
} satisfies Record<string, ClaimEvent[]>;

const refused = (reason: string, field?: string) => (field === undefined ? { reason } : { reason, field });

describe('claim: drafting and lines', () => {
  const draft: ClaimCommand = { type: 'DraftClaim', claimId, schoolId: 'school-1', providerId: 'provider-1', academicYear: '2024/25', region: 'rest_of_england', claimant: 'school' };

  it('drafts a claim once', () => {
    spec.given().when(draft).then([drafted]);
    spec.given([drafted]).when(draft).thenThrows(CommandRejectedError, refused('claim.already-drafted', 'claimId'));
    spec.given().when({ ...draft, region: 'mars' as never }).thenThrows(CommandRejectedError, refused('claim.region-invalid', 'region'));
    spec.given().when({ ...draft, academicYear: '2024/26' }).thenThrows(CommandRejectedError, refused('claim.academicYear-invalid', 'academicYear'));
    spec.given().when({ ...draft, schoolId: '' }).thenThrows(CommandRejectedError, refused('funding.schoolId-invalid', 'schoolId'));
    spec.given().when({ ...draft, claimant: 'trainee' as never }).thenThrows(CommandRejectedError, refused('claim.claimant-invalid', 'claimant'));
  });

  it('adds a mentor with whole hours within the allowance', () => {
    spec.given([drafted]).when({ type: 'AddMentorToClaim', mentorId: 'mentor-a', hours: 20, allowance }).then([added('mentor-a', 20)]);
    spec.given([drafted]).when({ type: 'AddMentorToClaim', mentorId: 'mentor-b', hours: 10, allowance }).then([added('mentor-b', 10)]);
  });

  it('refuses hours that are not whole, or beyond the cap, or beyond the training done', () => {
    const add = (hours: number, given: Partial<MentorAllowance> = {}): ClaimCommand => ({ type: 'AddMentorToClaim', mentorId: 'mentor-a', hours, allowance: { ...allowance, ...given } });
    spec.given([drafted]).when(add(0)).thenThrows(CommandRejectedError, refused('claim.hours-invalid', 'hours'));
    spec.given([drafted]).when(add(2.5)).thenThrows(CommandRejectedError, refused('claim.hours-invalid', 'hours'));
    spec.given([drafted]).when(add(21)).thenThrows(CommandRejectedError, refused('claim.hours-over-cap', 'hours'));
    spec.given([drafted]).when(add(9, { hoursClaimedElsewhere: 12 })).thenThrows(CommandRejectedError, refused('claim.hours-over-cap', 'hours'));
    spec.given([drafted]).when(add(8, { hoursClaimedElsewhere: 12 })).then([{ type: 'FundingClaimMentorAdded', data: { claimId, mentorId: 'mentor-a', hours: 8, allowance: { ...allowance, hoursClaimedElsewhere: 12 } } }]);
    spec.given([drafted]).when(add(11, { trainedHours: 10, trainedMinutes: 600 })).thenThrows(CommandRejectedError, refused('claim.hours-over-training', 'hours'));
  });

  it('refuses a mentor who mentored no trainee, was not employed by the school, or is already on the claim', () => {
    const add = (given: Partial<MentorAllowance>): ClaimCommand => ({ type: 'AddMentorToClaim', mentorId: 'mentor-a', hours: 5, allowance: { ...allowance, ...given } });
    spec.given([drafted]).when(add({ placementIds: [] })).thenThrows(CommandRejectedError, refused('claim.mentor-not-eligible', 'mentorId'));
    spec.given([drafted]).when(add({ employedByClaimingSchool: false })).thenThrows(CommandRejectedError, refused('claim.mentor-not-employed', 'mentorId'));
    spec.given([drafted]).when(add({ trainedHours: -1 })).thenThrows(CommandRejectedError, refused('claim.allowance-invalid', 'allowance'));
    spec.given(lifecycle.draft).when(add({})).thenThrows(CommandRejectedError, refused('claim.mentor-already-on-claim', 'mentorId'));
    spec.given().when(add({})).thenThrows(CommandRejectedError, refused('claim.not-found', 'claimId'));
  });

  it('removes a mentor from a draft only', () => {
    const remove: ClaimCommand = { type: 'RemoveMentorFromClaim', mentorId: 'mentor-a', reason: 'left the school' };
    const state = spec.given(lifecycle.draft).when(remove).then([{ type: 'FundingClaimMentorRemoved', data: { claimId, mentorId: 'mentor-a', reason: 'left the school' } }]);
    expect(state.lines).toEqual({});
    spec.given([drafted]).when(remove).thenThrows(CommandRejectedError, refused('claim.mentor-not-on-claim', 'mentorId'));
    spec.given(lifecycle.submitted).when(remove).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });
});

describe('claim: submission and payment', () => {
  it('submits with every line checked again', () => {
    spec.given(lifecycle.draft).when({ type: 'SubmitClaim', submittedBy: 'head-1', allowances: { 'mentor-a': allowance } }).then([submitted]);
    spec.given([drafted]).when({ type: 'SubmitClaim', submittedBy: 'head-1', allowances: {} }).thenThrows(CommandRejectedError, refused('claim.no-mentors', 'lines'));
    spec.given(lifecycle.draft).when({ type: 'SubmitClaim', submittedBy: 'head-1', allowances: {} }).thenThrows(CommandRejectedError, refused('claim.allowance-missing', 'allowances.mentor-a'));
    // Another school claimed 5 hours with the same provider since the line was added.
    const since = { 'mentor-a': { ...allowance, hoursClaimedElsewhere: 5 } };
    spec.given(lifecycle.draft).when({ type: 'SubmitClaim', submittedBy: 'head-1', allowances: since }).thenThrows(CommandRejectedError, refused('claim.hours-over-cap', 'allowances.mentor-a.hours'));
    spec.given(lifecycle.submitted).when({ type: 'SubmitClaim', submittedBy: 'head-1', allowances: { 'mentor-a': allowance } }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });

  it('starts payment, asks for and gets payment information, and pays hours × rate', () => {
    spec.given(lifecycle.submitted).when({ type: 'StartClaimPayment' }).then([started]);
    const asked: ClaimEvent = { type: 'FundingClaimPaymentInformationRequested', data: { claimId, reason: 'bank details' } };
    spec.given(lifecycle.paying).when({ type: 'RequestClaimPaymentInformation', reason: 'bank details' }).then([asked]);
    const state = spec
      .given([...lifecycle.paying, asked])
      .when({ type: 'SendClaimPaymentInformation', information: 'sort code sent' })
      .then([{ type: 'FundingClaimPaymentInformationSent', data: { claimId, information: 'sort code sent' } }]);
    expect(state.status).toBe('payment_in_progress');
    spec.given(lifecycle.paying).when({ type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'PAY-1' }).then([paid]);
    spec.given([...lifecycle.paying, asked]).when({ type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'PAY-1' }).thenThrows(CommandRejectedError, refused('claim.wrong-status'));
    spec.given(lifecycle.paying).when({ type: 'MarkClaimPaid', ratePence: 43.8, paymentReference: 'PAY-1' }).thenThrows(CommandRejectedError, refused('claim.ratePence-invalid', 'ratePence'));
    spec.given(lifecycle.submitted).when({ type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'PAY-1' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    // hours × rate past Number.MAX_SAFE_INTEGER used to be decided, and only the store refused the event.
    const hugeLine = [drafted, added('mentor-a', 2 ** 40), submitted, started];
    spec.given(hugeLine).when({ type: 'MarkClaimPaid', ratePence: 2 ** 20, paymentReference: 'PAY-1' }).thenThrows(CommandRejectedError, refused('claim.amount-too-large', 'ratePence'));
    spec
      .given(lifecycle.schoolNo)
      .when({ type: 'RequestClawback', requestedBy: 'auditor-1', ratePence: Number.MAX_SAFE_INTEGER, lines: [{ mentorId: 'mentor-a', hours: 2, reason: 'not evidenced' }] })
      .thenThrows(CommandRejectedError, refused('claim.amount-too-large', 'ratePence'));
    spec.given(lifecycle.draft).when({ type: 'StartClaimPayment' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    spec.given(lifecycle.submitted).when({ type: 'RequestClaimPaymentInformation', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    spec.given(lifecycle.paying).when({ type: 'SendClaimPaymentInformation', information: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });

  it('records a payment not approved', () => {
    const state = spec
      .given(lifecycle.paying)
      .when({ type: 'RejectClaimPayment', reason: 'mentor not employed by the school' })
      .then([{ type: 'FundingClaimPaymentNotApproved', data: { claimId, reason: 'mentor not employed by the school' } }]);
    expect(state.status).toBe('payment_not_approved');
    spec.given(lifecycle.paid).when({ type: 'RejectClaimPayment', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    spec.given(lifecycle.paying).when({ type: 'RejectClaimPayment', reason: ' ' }).thenThrows(CommandRejectedError, refused('funding.reason-invalid', 'reason'));
  });
});

describe('claim: assurance sampling and clawback', () => {
  it('samples a paid claim once and assures it', () => {
    spec.given(lifecycle.paid).when({ type: 'SampleClaimForAssurance', reason: 'school claims over £5,000' }).then([sampled]);
    const state = spec.given(lifecycle.sampling).when({ type: 'AssureClaim' }).then([{ type: 'FundingClaimAssured', data: { claimId } }]);
    expect(state).toMatchObject({ status: 'paid', sampled: true });
    spec.given([...lifecycle.sampling, { type: 'FundingClaimAssured', data: { claimId } }]).when({ type: 'SampleClaimForAssurance', reason: 'again' }).thenThrows(CommandRejectedError, refused('claim.already-sampled', 'claimId'));
    spec.given(lifecycle.submitted).when({ type: 'SampleClaimForAssurance', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    spec.given(lifecycle.paid).when({ type: 'AssureClaim' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });

  it('marks a line not assured, then records the school not approving', () => {
    spec.given(lifecycle.sampling).when({ type: 'MarkClaimMentorNotAssured', mentorId: 'mentor-a', reason: 'no attendance record for 4 h' }).then([notAssured]);
    spec.given(lifecycle.sampling).when({ type: 'MarkClaimMentorNotAssured', mentorId: 'mentor-z', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.mentor-not-on-claim', 'mentorId'));
    spec.given(lifecycle.notAssured).when({ type: 'RecordSchoolNotApproval', reason: 'records lost' }).then([schoolNo]);
    spec.given(lifecycle.sampling).when({ type: 'RecordSchoolNotApproval', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    // The school found the records: the provider assures after all.
    expect(spec.given(lifecycle.notAssured).when({ type: 'AssureClaim' }).then([{ type: 'FundingClaimAssured', data: { claimId } }]).status).toBe('paid');
  });

  it('claws back hours × rate with a reason, approved by a second person', () => {
    const request: ClaimCommand = { type: 'RequestClawback', requestedBy: 'auditor-1', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 4, reason: 'no attendance record' }] };
    spec.given(lifecycle.schoolNo).when(request).then([clawbackRequested]);
    spec.given(lifecycle.clawback).when({ type: 'ApproveClawback', approvedBy: 'auditor-1' }).thenThrows(CommandRejectedError, refused('claim.clawback-needs-second-person', 'approvedBy'));
    spec.given(lifecycle.clawback).when({ type: 'ApproveClawback', approvedBy: 'auditor-2' }).then([approved]);
    const done = spec.given(lifecycle.clawbackApproved).when({ type: 'CompleteClawback' }).then([{ type: 'FundingClawbackCompleted', data: { claimId } }]);
    expect(done).toMatchObject({ status: 'clawback_complete', lines: { 'mentor-a': { hours: 20, clawedBackHours: 4 } } });
    spec.given(lifecycle.clawback).when({ type: 'CompleteClawback' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });

  it('refuses clawbacks of lines that cannot be clawed back', () => {
    const request = (lines: { mentorId: string; hours: number; reason: string }[]): ClaimCommand => ({ type: 'RequestClawback', requestedBy: 'auditor-1', ratePence: 4380, lines });
    spec.given(lifecycle.paid).when(request([{ mentorId: 'mentor-a', hours: 1, reason: 'x' }])).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
    spec.given(lifecycle.schoolNo).when(request([])).thenThrows(CommandRejectedError, refused('claim.clawback-no-lines', 'lines'));
    spec.given(lifecycle.schoolNo).when(request([{ mentorId: 'mentor-a', hours: 21, reason: 'x' }])).thenThrows(CommandRejectedError, refused('claim.clawback-over-hours', 'lines[0].hours'));
    spec.given(lifecycle.schoolNo).when(request([{ mentorId: 'mentor-z', hours: 1, reason: 'x' }])).thenThrows(CommandRejectedError, refused('claim.mentor-not-on-claim', 'lines[0].mentorId'));
    spec.given(lifecycle.schoolNo).when(request([{ mentorId: 'mentor-a', hours: 1, reason: '' }])).thenThrows(CommandRejectedError, refused('funding.reason-invalid', 'lines[0].reason'));
    spec.given(lifecycle.schoolNo).when(request([{ mentorId: 'mentor-a', hours: 1, reason: 'x' }, { mentorId: 'mentor-a', hours: 1, reason: 'x' }])).thenThrows(CommandRejectedError, refused('claim.clawback-line-repeated', 'lines[1].mentorId'));
    const twoLines = [drafted, added('mentor-a', 20), added('mentor-b', 10), submitted, started, paid, sampled, notAssured, schoolNo];
    spec.given(twoLines).when(request([{ mentorId: 'mentor-b', hours: 1, reason: 'x' }])).thenThrows(CommandRejectedError, refused('claim.clawback-line-assured', 'lines[0].mentorId'));
  });

  it('lets the second person reject a clawback, after which another may be requested', () => {
    const rejected: ClaimEvent = { type: 'FundingClawbackRejected', data: { claimId, rejectedBy: 'auditor-2', reason: 'records found' } };
    spec.given(lifecycle.clawback).when({ type: 'RejectClawback', rejectedBy: 'auditor-1', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.clawback-needs-second-person', 'rejectedBy'));
    const state = spec.given(lifecycle.clawback).when({ type: 'RejectClawback', rejectedBy: 'auditor-2', reason: 'records found' }).then([rejected]);
    expect(state.clawback).toBeUndefined();
    spec.given([...lifecycle.clawback, rejected]).when({ type: 'RequestClawback', requestedBy: 'auditor-3', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 2, reason: 'half the records' }] }).then([
      { type: 'FundingClawbackRequested', data: { claimId, requestedBy: 'auditor-3', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 2, amountPence: 8760, reason: 'half the records' }], amountPence: 8760 } },
    ]);
    spec.given(lifecycle.clawbackApproved).when({ type: 'RejectClawback', rejectedBy: 'auditor-2', reason: 'x' }).thenThrows(CommandRejectedError, refused('claim.wrong-status', 'status'));
  });
});

describe('claim: fields of every command', () => {
  const cases: [string, ClaimEvent[], ClaimCommand, string, string][] = [
    ['remove: reason', lifecycle.draft, { type: 'RemoveMentorFromClaim', mentorId: 'mentor-a', reason: '' }, 'funding.reason-invalid', 'reason'],
    ['submit: submittedBy', lifecycle.draft, { type: 'SubmitClaim', submittedBy: '', allowances: { 'mentor-a': allowance } }, 'funding.submittedBy-invalid', 'submittedBy'],
    ['ask: reason', lifecycle.paying, { type: 'RequestClaimPaymentInformation', reason: ' ' }, 'funding.reason-invalid', 'reason'],
    [
      'send: information',
      [...lifecycle.paying, { type: 'FundingClaimPaymentInformationRequested', data: { claimId, reason: 'r' } }],
      { type: 'SendClaimPaymentInformation', information: '' },
      'funding.information-invalid',
      'information',
    ],
    ['pay: reference', lifecycle.paying, { type: 'MarkClaimPaid', ratePence: 4380, paymentReference: '' }, 'funding.paymentReference-invalid', 'paymentReference'],
    ['sample: reason', lifecycle.paid, { type: 'SampleClaimForAssurance', reason: '' }, 'funding.reason-invalid', 'reason'],
    ['not assured: reason', lifecycle.sampling, { type: 'MarkClaimMentorNotAssured', mentorId: 'mentor-a', reason: '' }, 'funding.reason-invalid', 'reason'],
    ['school: reason', lifecycle.notAssured, { type: 'RecordSchoolNotApproval', reason: '' }, 'funding.reason-invalid', 'reason'],
    ['clawback: requestedBy', lifecycle.schoolNo, { type: 'RequestClawback', requestedBy: '', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 1, reason: 'r' }] }, 'funding.requestedBy-invalid', 'requestedBy'],
    ['clawback: rate', lifecycle.schoolNo, { type: 'RequestClawback', requestedBy: 'a-1', ratePence: 0, lines: [{ mentorId: 'mentor-a', hours: 1, reason: 'r' }] }, 'claim.ratePence-invalid', 'ratePence'],
    ['clawback: hours', lifecycle.schoolNo, { type: 'RequestClawback', requestedBy: 'a-1', ratePence: 4380, lines: [{ mentorId: 'mentor-a', hours: 0, reason: 'r' }] }, 'claim.hours-invalid', 'lines[0].hours'],
    ['approve: approvedBy', lifecycle.clawback, { type: 'ApproveClawback', approvedBy: '' }, 'funding.approvedBy-invalid', 'approvedBy'],
    ['reject clawback: reason', lifecycle.clawback, { type: 'RejectClawback', rejectedBy: 'a-2', reason: '' }, 'funding.reason-invalid', 'reason'],
    ['add: status', lifecycle.submitted, { type: 'AddMentorToClaim', mentorId: 'mentor-b', hours: 1, allowance }, 'claim.wrong-status', 'status'],
    ['not assured: status', lifecycle.paid, { type: 'MarkClaimMentorNotAssured', mentorId: 'mentor-a', reason: 'r' }, 'claim.wrong-status', 'status'],
    ['approve: status', lifecycle.schoolNo, { type: 'ApproveClawback', approvedBy: 'a-2' }, 'claim.wrong-status', 'status'],
    ['pay: no claim', [], { type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'P' }, 'claim.not-found', 'claimId'],
  ];

  it.each(cases)('%s', (_name, given, command, reason, field) => {
    spec.given(given).when(command).thenThrows(CommandRejectedError, refused(reason, field));
  });
});
