import { z } from 'zod';
import { academicYearSchema } from '../../calendar/academicYear.js';
import { defineEvent, type EventsOf } from '../../kernel/eventDefinition.js';
import { REGIONS } from '../../rules/ruleSet.js';
import { idSchema } from '../../school/events.js';

/** Money in whole pence, never negative; zod's `int()` also keeps it a safe integer. */
export const penceSchema = z.number().int().min(0);
/** Hours on a claim are whole hours (domain.md, "hours on a claim"). */
export const wholeHoursSchema = z.number().int().min(1);
export const claimReasonSchema = z.string().min(1).max(1000);

const claimId = idSchema;
const reason = claimReasonSchema;
const pence = penceSchema;
const wholeHours = wholeHoursSchema;

/** Who made the claim: the school, or the mentor themselves (sampled more, domain.md "assurance sampling"). */
export const CLAIMANTS = ['school', 'mentor'] as const;
export type Claimant = (typeof CLAIMANTS)[number];

/** The facts a line was decided on (see `MentorAllowance`): kept so an auditor can replay the decision. */
export const mentorAllowanceSchema = z.object({
  trainedMinutes: z.number().int().min(0),
  trainedHours: z.number().int().min(0),
  capHours: z.number().int().min(0),
  refresher: z.boolean(),
  hoursClaimedElsewhere: z.number().int().min(0),
  placementIds: z.array(idSchema).max(100).readonly(),
  employedByClaimingSchool: z.boolean(),
});

/** A school (or mentor) started a claim to a provider for a year; the region sets the hourly rate. */
export const FundingClaimDrafted = defineEvent(
  'FundingClaimDrafted',
  z.object({
    claimId,
    schoolId: idSchema,
    providerId: idSchema,
    academicYear: academicYearSchema,
    region: z.enum(REGIONS),
    claimant: z.enum(CLAIMANTS),
  }),
);

/** A mentor's training hours were put on a draft claim. */
export const FundingClaimMentorAdded = defineEvent(
  'FundingClaimMentorAdded',
  z.object({ claimId, mentorId: idSchema, hours: wholeHours, allowance: mentorAllowanceSchema }),
);

export const FundingClaimMentorRemoved = defineEvent('FundingClaimMentorRemoved', z.object({ claimId, mentorId: idSchema, reason }));

/** The claim was submitted; each line's allowance was checked again as it stood then. */
export const FundingClaimSubmitted = defineEvent(
  'FundingClaimSubmitted',
  z.object({
    claimId,
    submittedBy: idSchema,
    allowances: z.array(z.object({ mentorId: idSchema, allowance: mentorAllowanceSchema })).min(1).max(500),
  }),
);

export const FundingClaimPaymentStarted = defineEvent('FundingClaimPaymentStarted', z.object({ claimId }));
export const FundingClaimPaymentInformationRequested = defineEvent('FundingClaimPaymentInformationRequested', z.object({ claimId, reason }));
export const FundingClaimPaymentInformationSent = defineEvent('FundingClaimPaymentInformationSent', z.object({ claimId, information: reason }));

/** Money paid: `hours × ratePence`, at the rate the service applied then (a fact, not re-derived). */
export const FundingClaimPaid = defineEvent(
  'FundingClaimPaid',
  z.object({ claimId, hours: wholeHours, ratePence: pence, amountPence: pence, paymentReference: idSchema }),
);

export const FundingClaimPaymentNotApproved = defineEvent('FundingClaimPaymentNotApproved', z.object({ claimId, reason }));

/** After payment, the claim was picked for assurance sampling: the provider must confirm each line. */
export const FundingClaimSampled = defineEvent('FundingClaimSampled', z.object({ claimId, reason }));
export const FundingClaimAssured = defineEvent('FundingClaimAssured', z.object({ claimId }));
export const FundingClaimMentorNotAssured = defineEvent('FundingClaimMentorNotAssured', z.object({ claimId, mentorId: idSchema, reason }));
export const FundingClaimNotApprovedBySchool = defineEvent('FundingClaimNotApprovedBySchool', z.object({ claimId, reason }));

/** Hours clawed back × rate, with a reason per line; it waits for a second person's approval. */
export const FundingClawbackRequested = defineEvent(
  'FundingClawbackRequested',
  z.object({
    claimId,
    requestedBy: idSchema,
    ratePence: pence,
    lines: z.array(z.object({ mentorId: idSchema, hours: wholeHours, amountPence: pence, reason })).min(1).max(500),
    amountPence: pence,
  }),
);

export const FundingClawbackApproved = defineEvent('FundingClawbackApproved', z.object({ claimId, approvedBy: idSchema }));
export const FundingClawbackRejected = defineEvent('FundingClawbackRejected', z.object({ claimId, rejectedBy: idSchema, reason }));
export const FundingClawbackCompleted = defineEvent('FundingClawbackCompleted', z.object({ claimId }));

export const claimEventDefinitions = [
  FundingClaimDrafted,
  FundingClaimMentorAdded,
  FundingClaimMentorRemoved,
  FundingClaimSubmitted,
  FundingClaimPaymentStarted,
  FundingClaimPaymentInformationRequested,
  FundingClaimPaymentInformationSent,
  FundingClaimPaid,
  FundingClaimPaymentNotApproved,
  FundingClaimSampled,
  FundingClaimAssured,
  FundingClaimMentorNotAssured,
  FundingClaimNotApprovedBySchool,
  FundingClawbackRequested,
  FundingClawbackApproved,
  FundingClawbackRejected,
  FundingClawbackCompleted,
] as const;
export type ClaimEvent = EventsOf<typeof claimEventDefinitions>;

export const claimStreamId = (claimId: string): string => `claim-${claimId}`;
