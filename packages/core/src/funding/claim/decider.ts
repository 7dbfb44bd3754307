import { match } from 'ts-pattern';
import { isAcademicYear } from '../../calendar/academicYear.js';
import type { Decider } from '../../kernel/decider.js';
import { CommandRejectedError } from '../../kernel/errors.js';
import { REGIONS } from '../../rules/ruleSet.js';
import { requireId, requireText, requireWhole } from '../validation.js';
import { checkHours, requireLine, requireStatus } from './checks.js';
import type { ClaimCommand } from './commands.js';
import { CLAIMANTS, type ClaimEvent } from './events.js';
import { claimHours, evolveClaim, initialClaimState, type ClaimState } from './state.js';
import { claimCommandSchema } from './commandSchema.js';

const reject = (reason: string, message: string, field: string): never => {
  throw new CommandRejectedError(`claim.${reason}`, message, field);
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : reject(`${field}-invalid`, `${field}: expected one of ${allowed.join(', ')}`, field);

/** `hours × ratePence`, refused when the product is past what a number holds exactly (pence stay safe integers). */
const amountOf = (hours: number, ratePence: number, field: string): number => {
  const pence = hours * ratePence;
  return Number.isSafeInteger(pence) ? pence : reject('amount-too-large', `${field}: ${hours} h at ${ratePence} p an hour is more than can be paid exactly`, field);
};

/** The second person: a clawback is approved (or rejected) by someone other than who requested it. */
const secondPerson = (state: ClaimState, actor: unknown, field: string): string => {
  const id = requireId(actor, field);
  if (id === state.clawback?.requestedBy) reject('clawback-needs-second-person', `${field}: the clawback was requested by ${id}; another person must decide it`, field);
  return id;
};

const requestClawback = (state: ClaimState, claimId: string, c: Extract<ClaimCommand, { type: 'RequestClawback' }>): ClaimEvent[] => {
  requireStatus(state, 'claw back', ['not_approved_by_school', 'clawback_rejected']);
  const requestedBy = requireId(c.requestedBy, 'requestedBy');
  const ratePence = requireWhole(c.ratePence, 'ratePence', 1, 'claim.ratePence-invalid');
  if (!Array.isArray(c.lines) || c.lines.length === 0) reject('clawback-no-lines', 'lines: claw back at least one mentor line', 'lines');
  const seen = new Set<string>();
  const lines = c.lines.map((l, i) => {
    const line = requireLine(state, l.mentorId, `lines[${i}].mentorId`);
    if (seen.has(l.mentorId)) reject('clawback-line-repeated', `lines[${i}]: mentor ${l.mentorId} appears twice`, `lines[${i}].mentorId`);
    seen.add(l.mentorId);
    if (line.notAssured === undefined) reject('clawback-line-assured', `lines[${i}]: the provider did not mark this line not assured`, `lines[${i}].mentorId`);
    const hours = requireWhole(l.hours, `lines[${i}].hours`, 1, 'claim.hours-invalid');
    if (hours > line.hours - line.clawedBackHours) {
      reject('clawback-over-hours', `lines[${i}].hours: only ${line.hours - line.clawedBackHours} h on the line can be clawed back`, `lines[${i}].hours`);
    }
    return { mentorId: l.mentorId, hours, amountPence: amountOf(hours, ratePence, 'ratePence'), reason: requireText(l.reason, `lines[${i}].reason`) };
  });
  const amountPence = amountOf(lines.reduce((sum, line) => sum + line.hours, 0), ratePence, 'ratePence');
  return [{ type: 'FundingClawbackRequested', data: { claimId, requestedBy, ratePence, lines, amountPence } }];
};

/** A claim: `claim-{claimId}` (see `claimStreamId`). */
export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  initialState: initialClaimState,
  commandSchema: claimCommandSchema,
  decide: (command, state) => {
    const claimId = state.claimId ?? '';
    return match(command)
      .with({ type: 'DraftClaim' }, (c): ClaimEvent[] => {
        if (state.status !== 'none') reject('already-drafted', `claim ${claimId} already exists`, 'claimId');
        const data = {
          claimId: requireId(c.claimId, 'claimId'),
          schoolId: requireId(c.schoolId, 'schoolId'),
          providerId: requireId(c.providerId, 'providerId'),
          academicYear: isAcademicYear(c.academicYear) ? c.academicYear : reject('academicYear-invalid', 'academicYear: expected e.g. 2024/25', 'academicYear'),
          region: oneOf(c.region, REGIONS, 'region'),
          claimant: oneOf(c.claimant, CLAIMANTS, 'claimant'),
        };
        return [{ type: 'FundingClaimDrafted', data }];
      })
      .with({ type: 'AddMentorToClaim' }, (c): ClaimEvent[] => {
        requireStatus(state, 'add a mentor to', ['draft']);
        const mentorId = requireId(c.mentorId, 'mentorId');
        if (Object.hasOwn(state.lines, mentorId)) reject('mentor-already-on-claim', `mentor ${mentorId} is already on this claim`, 'mentorId');
        const allowance = checkHours(c.hours, c.allowance);
        return [{ type: 'FundingClaimMentorAdded', data: { claimId, mentorId, hours: c.hours, allowance } }];
      })
      .with({ type: 'RemoveMentorFromClaim' }, (c): ClaimEvent[] => {
        requireStatus(state, 'remove a mentor from', ['draft']);
        requireLine(state, c.mentorId);
        return [{ type: 'FundingClaimMentorRemoved', data: { claimId, mentorId: c.mentorId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'SubmitClaim' }, (c): ClaimEvent[] => {
        requireStatus(state, 'submit', ['draft']);
        const submittedBy = requireId(c.submittedBy, 'submittedBy');
        const mentorIds = Object.keys(state.lines).sort();
        if (mentorIds.length === 0) reject('no-mentors', 'add at least one mentor before submitting', 'lines');
        const allowances = mentorIds.map((mentorId) => {
          const given = typeof c.allowances === 'object' && c.allowances !== null && Object.hasOwn(c.allowances, mentorId) ? c.allowances[mentorId] : undefined;
          if (given === undefined) reject('allowance-missing', `allowances.${mentorId}: every line is checked again on submission`, `allowances.${mentorId}`);
          return { mentorId, allowance: checkHours(state.lines[mentorId]!.hours, given, `allowances.${mentorId}.`) };
        });
        return [{ type: 'FundingClaimSubmitted', data: { claimId, submittedBy, allowances } }];
      })
      .with({ type: 'StartClaimPayment' }, (): ClaimEvent[] => {
        requireStatus(state, 'start payment of', ['submitted']);
        return [{ type: 'FundingClaimPaymentStarted', data: { claimId } }];
      })
      .with({ type: 'RequestClaimPaymentInformation' }, (c): ClaimEvent[] => {
        requireStatus(state, 'request payment information for', ['payment_in_progress']);
        return [{ type: 'FundingClaimPaymentInformationRequested', data: { claimId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'SendClaimPaymentInformation' }, (c): ClaimEvent[] => {
        requireStatus(state, 'send payment information for', ['payment_information_requested']);
        return [{ type: 'FundingClaimPaymentInformationSent', data: { claimId, information: requireText(c.information, 'information') } }];
      })
      .with({ type: 'MarkClaimPaid' }, (c): ClaimEvent[] => {
        requireStatus(state, 'pay', ['payment_in_progress']);
        const ratePence = requireWhole(c.ratePence, 'ratePence', 1, 'claim.ratePence-invalid');
        const paymentReference = requireId(c.paymentReference, 'paymentReference');
        const hours = claimHours(state);
        return [{ type: 'FundingClaimPaid', data: { claimId, hours, ratePence, amountPence: amountOf(hours, ratePence, 'ratePence'), paymentReference } }];
      })
      .with({ type: 'RejectClaimPayment' }, (c): ClaimEvent[] => {
        requireStatus(state, 'refuse payment of', ['payment_in_progress', 'payment_information_requested']);
        return [{ type: 'FundingClaimPaymentNotApproved', data: { claimId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'SampleClaimForAssurance' }, (c): ClaimEvent[] => {
        requireStatus(state, 'sample', ['paid']);
        if (state.sampled) reject('already-sampled', 'this claim has been through assurance sampling already', 'claimId');
        return [{ type: 'FundingClaimSampled', data: { claimId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'AssureClaim' }, (): ClaimEvent[] => {
        requireStatus(state, 'assure', ['sampling_in_progress', 'provider_not_approved']);
        return [{ type: 'FundingClaimAssured', data: { claimId } }];
      })
      .with({ type: 'MarkClaimMentorNotAssured' }, (c): ClaimEvent[] => {
        requireStatus(state, 'mark a line of', ['sampling_in_progress', 'provider_not_approved']);
        requireLine(state, c.mentorId);
        return [{ type: 'FundingClaimMentorNotAssured', data: { claimId, mentorId: c.mentorId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'RecordSchoolNotApproval' }, (c): ClaimEvent[] => {
        requireStatus(state, "record the school's answer on", ['provider_not_approved']);
        return [{ type: 'FundingClaimNotApprovedBySchool', data: { claimId, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'RequestClawback' }, (c) => requestClawback(state, claimId, c))
      .with({ type: 'ApproveClawback' }, (c): ClaimEvent[] => {
        requireStatus(state, 'approve a clawback of', ['clawback_requested']);
        return [{ type: 'FundingClawbackApproved', data: { claimId, approvedBy: secondPerson(state, c.approvedBy, 'approvedBy') } }];
      })
      .with({ type: 'RejectClawback' }, (c): ClaimEvent[] => {
        requireStatus(state, 'reject a clawback of', ['clawback_requested']);
        const rejectedBy = secondPerson(state, c.rejectedBy, 'rejectedBy');
        return [{ type: 'FundingClawbackRejected', data: { claimId, rejectedBy, reason: requireText(c.reason, 'reason') } }];
      })
      .with({ type: 'CompleteClawback' }, (): ClaimEvent[] => {
        requireStatus(state, 'complete a clawback of', ['clawback_in_progress']);
        return [{ type: 'FundingClawbackCompleted', data: { claimId } }];
      })
      .exhaustive();
  },
  evolve: evolveClaim,
};
