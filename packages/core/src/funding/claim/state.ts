import type { AcademicYear } from '../../calendar/academicYear.js';
import { evolveWith } from '../../kernel/decider.js';
import type { Region } from '../../rules/ruleSet.js';
import type { ClaimEvent } from './events.js';

/** The claim lifecycle of the DfE claim service (domain.md, "The claim lifecycle"). */
export const CLAIM_STATUSES = [
  'draft',
  'submitted',
  'payment_in_progress',
  'payment_information_requested',
  'paid',
  'payment_not_approved',
  'sampling_in_progress',
  'provider_not_approved',
  'not_approved_by_school',
  'clawback_requested',
  'clawback_in_progress',
  'clawback_complete',
  'clawback_rejected',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimLine {
  readonly hours: number;
  /** Why the provider did not assure this line, when it did not. */
  readonly notAssured?: string;
  readonly clawedBackHours: number;
}

export interface PendingClawback {
  readonly requestedBy: string;
  readonly lines: readonly { readonly mentorId: string; readonly hours: number }[];
}

export interface ClaimState {
  readonly status: ClaimStatus | 'none';
  readonly claimId?: string;
  readonly academicYear?: AcademicYear;
  readonly region?: Region;
  readonly lines: Readonly<Record<string, ClaimLine>>;
  readonly sampled: boolean;
  readonly clawback?: PendingClawback;
}

export const initialClaimState: ClaimState = { status: 'none', lines: {}, sampled: false };

const withLine = (state: ClaimState, mentorId: string, change: (line: ClaimLine) => ClaimLine): ClaimState => {
  const line = state.lines[mentorId];
  return line === undefined ? state : { ...state, lines: { ...state.lines, [mentorId]: change(line) } };
};

const to = (status: ClaimStatus) => (state: ClaimState): ClaimState => ({ ...state, status });

export const evolveClaim = evolveWith<ClaimEvent, ClaimState>({
  FundingClaimDrafted: (state, { data }) => ({ ...state, status: 'draft', claimId: data.claimId, academicYear: data.academicYear, region: data.region }),
  FundingClaimMentorAdded: (state, { data }) => ({ ...state, lines: { ...state.lines, [data.mentorId]: { hours: data.hours, clawedBackHours: 0 } } }),
  FundingClaimMentorRemoved: (state, { data }) => {
    const { [data.mentorId]: _removed, ...lines } = state.lines;
    return { ...state, lines };
  },
  FundingClaimSubmitted: to('submitted'),
  FundingClaimPaymentStarted: to('payment_in_progress'),
  FundingClaimPaymentInformationRequested: to('payment_information_requested'),
  FundingClaimPaymentInformationSent: to('payment_in_progress'),
  FundingClaimPaid: to('paid'),
  FundingClaimPaymentNotApproved: to('payment_not_approved'),
  FundingClaimSampled: (state) => ({ ...state, status: 'sampling_in_progress', sampled: true }),
  FundingClaimAssured: to('paid'),
  FundingClaimMentorNotAssured: (state, { data }) => ({
    ...withLine(state, data.mentorId, (line) => ({ ...line, notAssured: data.reason })),
    status: 'provider_not_approved',
  }),
  FundingClaimNotApprovedBySchool: to('not_approved_by_school'),
  FundingClawbackRequested: (state, { data }) => ({
    ...state,
    status: 'clawback_requested',
    clawback: { requestedBy: data.requestedBy, lines: data.lines.map(({ mentorId, hours }) => ({ mentorId, hours })) },
  }),
  FundingClawbackApproved: to('clawback_in_progress'),
  FundingClawbackRejected: (state) => {
    const { clawback: _rejected, ...rest } = state;
    return { ...rest, status: 'clawback_rejected' };
  },
  FundingClawbackCompleted: (state) => {
    let next: ClaimState = { ...state, status: 'clawback_complete' };
    for (const { mentorId, hours } of state.clawback?.lines ?? []) {
      next = withLine(next, mentorId, (line) => ({ ...line, clawedBackHours: line.clawedBackHours + hours }));
    }
    const { clawback: _done, ...rest } = next;
    return rest;
  },
});

/** Hours on the claim, clawed-back hours not deducted. */
export const claimHours = (state: ClaimState): number => Object.values(state.lines).reduce((sum, line) => sum + line.hours, 0);
