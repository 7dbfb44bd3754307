import type { AcademicYear } from '../../calendar/academicYear.js';
import type { Region } from '../../rules/ruleSet.js';
import type { MentorAllowance } from '../claimableAmount.js';
import type { Claimant } from './events.js';

// Facts from other aggregates (training, placements, other claims, the rule set) reach the claim through
// its commands: the claim service reads them and passes what the decision needs.

export interface DraftClaim {
  readonly type: 'DraftClaim';
  readonly claimId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  /** The claiming school's region (from `SchoolRegistered`). */
  readonly region: Region;
  readonly claimant: Claimant;
}

export interface AddMentorToClaim {
  readonly type: 'AddMentorToClaim';
  readonly mentorId: string;
  readonly hours: number;
  readonly allowance: MentorAllowance;
}

export interface RemoveMentorFromClaim {
  readonly type: 'RemoveMentorFromClaim';
  readonly mentorId: string;
  readonly reason: string;
}

export interface SubmitClaim {
  readonly type: 'SubmitClaim';
  readonly submittedBy: string;
  /** Every line's allowance as it stands now: other schools may have claimed since the line was added. */
  readonly allowances: Readonly<Record<string, MentorAllowance>>;
}

export interface StartClaimPayment {
  readonly type: 'StartClaimPayment';
}

export interface RequestClaimPaymentInformation {
  readonly type: 'RequestClaimPaymentInformation';
  readonly reason: string;
}

export interface SendClaimPaymentInformation {
  readonly type: 'SendClaimPaymentInformation';
  readonly information: string;
}

export interface MarkClaimPaid {
  readonly type: 'MarkClaimPaid';
  /** The hourly rate of the claim's region in the effective rule set now. */
  readonly ratePence: number;
  readonly paymentReference: string;
}

export interface RejectClaimPayment {
  readonly type: 'RejectClaimPayment';
  readonly reason: string;
}

export interface SampleClaimForAssurance {
  readonly type: 'SampleClaimForAssurance';
  readonly reason: string;
}

export interface AssureClaim {
  readonly type: 'AssureClaim';
}

export interface MarkClaimMentorNotAssured {
  readonly type: 'MarkClaimMentorNotAssured';
  readonly mentorId: string;
  readonly reason: string;
}

export interface RecordSchoolNotApproval {
  readonly type: 'RecordSchoolNotApproval';
  readonly reason: string;
}

export interface RequestClawback {
  readonly type: 'RequestClawback';
  readonly requestedBy: string;
  readonly ratePence: number;
  readonly lines: readonly { readonly mentorId: string; readonly hours: number; readonly reason: string }[];
}

export interface ApproveClawback {
  readonly type: 'ApproveClawback';
  readonly approvedBy: string;
}

export interface RejectClawback {
  readonly type: 'RejectClawback';
  readonly rejectedBy: string;
  readonly reason: string;
}

export interface CompleteClawback {
  readonly type: 'CompleteClawback';
}

export type ClaimCommand =
  | DraftClaim
  | AddMentorToClaim
  | RemoveMentorFromClaim
  | SubmitClaim
  | StartClaimPayment
  | RequestClaimPaymentInformation
  | SendClaimPaymentInformation
  | MarkClaimPaid
  | RejectClaimPayment
  | SampleClaimForAssurance
  | AssureClaim
  | MarkClaimMentorNotAssured
  | RecordSchoolNotApproval
  | RequestClawback
  | ApproveClawback
  | RejectClawback
  | CompleteClawback;
