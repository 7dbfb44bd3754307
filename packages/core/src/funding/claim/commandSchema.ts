import { z } from 'zod';
import { academicYearSchema } from '../../calendar/academicYear.js';
import { REGIONS } from '../../rules/ruleSet.js';
import { idSchema } from '../../school/events.js';
import type { ClaimCommand } from './commands.js';
import { CLAIMANTS, claimReasonSchema, mentorAllowanceSchema, penceSchema, wholeHoursSchema } from './events.js';

// A claim's commands with the limits of the events they become (ids, texts, whole hours, pence as safe
// integers): bad input is refused before anything is read. The decider still checks what a shape cannot
// (blank text, a rate of 0, hours over the cap).

/** As many lines as a submitted claim or a clawback may hold. */
const MAX_LINES = 500;

export const draftClaimSchema = z.object({
  type: z.literal('DraftClaim'),
  claimId: idSchema,
  schoolId: idSchema,
  providerId: idSchema,
  academicYear: academicYearSchema,
  region: z.enum(REGIONS),
  claimant: z.enum(CLAIMANTS),
});

export const addMentorToClaimSchema = z.object({ type: z.literal('AddMentorToClaim'), mentorId: idSchema, hours: wholeHoursSchema, allowance: mentorAllowanceSchema });

export const removeMentorFromClaimSchema = z.object({ type: z.literal('RemoveMentorFromClaim'), mentorId: idSchema, reason: claimReasonSchema });

export const submitClaimSchema = z.object({
  type: z.literal('SubmitClaim'),
  submittedBy: idSchema,
  allowances: z
    .record(idSchema, mentorAllowanceSchema)
    .refine((allowances) => Object.keys(allowances).length <= MAX_LINES, { message: `at most ${MAX_LINES} mentors on a claim` }),
});

const reasonOnly = <T extends string>(type: T) => z.object({ type: z.literal(type), reason: claimReasonSchema });
const bare = <T extends string>(type: T) => z.object({ type: z.literal(type) });

export const markClaimPaidSchema = z.object({ type: z.literal('MarkClaimPaid'), ratePence: penceSchema, paymentReference: idSchema });

export const requestClawbackSchema = z.object({
  type: z.literal('RequestClawback'),
  requestedBy: idSchema,
  ratePence: penceSchema,
  lines: z.array(z.object({ mentorId: idSchema, hours: wholeHoursSchema, reason: claimReasonSchema })).min(1).max(MAX_LINES),
});

export const claimCommandSchema = z.discriminatedUnion('type', [
  draftClaimSchema,
  addMentorToClaimSchema,
  removeMentorFromClaimSchema,
  submitClaimSchema,
  bare('StartClaimPayment'),
  reasonOnly('RequestClaimPaymentInformation'),
  z.object({ type: z.literal('SendClaimPaymentInformation'), information: claimReasonSchema }),
  markClaimPaidSchema,
  reasonOnly('RejectClaimPayment'),
  reasonOnly('SampleClaimForAssurance'),
  bare('AssureClaim'),
  z.object({ type: z.literal('MarkClaimMentorNotAssured'), mentorId: idSchema, reason: claimReasonSchema }),
  reasonOnly('RecordSchoolNotApproval'),
  requestClawbackSchema,
  z.object({ type: z.literal('ApproveClawback'), approvedBy: idSchema }),
  z.object({ type: z.literal('RejectClawback'), rejectedBy: idSchema, reason: claimReasonSchema }),
  bare('CompleteClawback'),
]) satisfies z.ZodType<ClaimCommand>;
