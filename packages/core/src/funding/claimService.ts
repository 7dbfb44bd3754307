import { z } from 'zod';
import type { AcademicYear } from '../calendar/academicYear.js';
import type { CommandHandler, HandleOptions, HandleResult } from '../kernel/commandHandler.js';
import { validateCommand } from '../kernel/commandValidation.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { idSchema } from '../school/events.js';
import { claimableAmount, type ClaimableAmount, type MentorAllowance } from './claimableAmount.js';
import { claimCommandSchema, draftClaimSchema, requestClawbackSchema } from './claim/commandSchema.js';
import type { ClaimCommand } from './claim/commands.js';
import { CLAIMANTS, claimStreamId, wholeHoursSchema, type ClaimEvent, type Claimant } from './claim/events.js';
import type { ClaimState } from './claim/state.js';
import { correctedRuleBook } from './effectiveRules.js';
import { eligiblePlacementsFor, employedDuring, trainingSessionsFor, type FundingInputsState } from './fundingInputs.js';
import type { ClaimsRegisterState, RegisterClaim } from './register.js';
import { hoursClaimedWithProvider, isRefresherMentor } from './registerViews.js';

export interface ClaimServiceDeps {
  /** A command handler over a store whose projections run inline (`withInlineProjections`), so reads are current. */
  readonly handle: CommandHandler<ClaimCommand, ClaimEvent, ClaimState>;
  readonly inputs: () => FundingInputsState;
  readonly register: () => ClaimsRegisterState;
  readonly ruleBook?: RuleBook;
}

type Result = Promise<HandleResult<ClaimEvent, ClaimState>>;

// What each method takes, checked before anything is read: an id that is not one never names a stream or
// a register entry. Refusals are `CommandValidationError`s naming the field.
const claimIdInput = z.object({ claimId: idSchema });
const draftInput = draftClaimSchema.pick({ claimId: true, schoolId: true, providerId: true, academicYear: true }).extend({ claimant: z.enum(CLAIMANTS).exactOptional() });
const mentorInput = z.object({ claimId: idSchema, mentorId: idSchema });
const addMentorInput = mentorInput.extend({ hours: wholeHoursSchema.optional() });
const submitInput = z.object({ claimId: idSchema, submittedBy: idSchema });
const payInput = z.object({ claimId: idSchema, paymentReference: idSchema });
const clawbackInput = requestClawbackSchema.pick({ requestedBy: true, lines: true }).extend({ claimId: idSchema });

/**
 * The application service of claims: it reads what a claim's decision needs from other aggregates
 * (training sessions, placements, employment, the mentor's other claims, the effective rule set) and
 * passes it in the command, so the claim's decider stays a pure function of its own stream.
 */
export const createClaimService = (deps: ClaimServiceDeps) => {
  const ruleBook = deps.ruleBook ?? standardRuleBook;
  const claimOf = (claimId: string): RegisterClaim => {
    const claim = deps.register().claims.get(claimId);
    if (claim === undefined) throw new CommandRejectedError('claim.not-found', `there is no claim ${claimId}`, 'claimId');
    return claim;
  };
  /** The claim's year's rule set with the corrections recorded so far. */
  const rulesOf = (claim: RegisterClaim): RuleSet => correctedRuleBook(ruleBook, deps.register().corrections).ruleSetFor(claim.academicYear, claim.ruleDate);

  const claimable = (claimId: string, mentorId: string): ClaimableAmount => {
    validateCommand(mentorInput, { claimId, mentorId });
    const claim = claimOf(claimId);
    const { providerId, academicYear } = claim;
    const inputs = deps.inputs();
    const register = deps.register();
    return claimableAmount({
      ruleSet: rulesOf(claim),
      region: claim.region,
      sessions: trainingSessionsFor(inputs, mentorId, providerId, academicYear),
      placementIds: eligiblePlacementsFor(inputs, mentorId, providerId, academicYear),
      refresher: isRefresherMentor(register, { mentorId, providerId, academicYear }),
      hoursClaimedElsewhere: hoursClaimedWithProvider(register, { mentorId, providerId, academicYear, exceptClaimId: claimId }),
      employedByClaimingSchool: employedDuring(inputs, mentorId, claim.schoolId, academicYear),
    });
  };

  const send = async (claimId: string, input: ClaimCommand, options?: HandleOptions): Result => {
    const command = validateCommand(claimCommandSchema, input);
    validateCommand(claimIdInput, { type: command.type, claimId });
    return deps.handle(claimStreamId(claimId), command, options);
  };

  // Async, so that every refusal reaches the caller as a rejected promise, never as a synchronous throw.
  return {
    claimable,
    send,
    draft: async (
      input: { readonly claimId: string; readonly schoolId: string; readonly providerId: string; readonly academicYear: AcademicYear; readonly claimant?: Claimant },
      options?: HandleOptions,
    ): Result => {
      const claim = validateCommand(draftInput, { ...(typeof input === 'object' ? input : {}), type: 'DraftClaim' });
      const school = deps.inputs().schools.get(claim.schoolId);
      if (school === undefined) throw new CommandRejectedError('claim.school-unknown', `school ${claim.schoolId} is not registered`, 'schoolId');
      return send(claim.claimId, { type: 'DraftClaim', ...claim, region: school.region, claimant: claim.claimant ?? 'school' }, options);
    },
    /** Adds the mentor with `hours`, or with every hour still claimable when `hours` is left out. */
    addMentor: async (claimId: string, mentorId: string, hours?: number, options?: HandleOptions): Result => {
      validateCommand(addMentorInput, { type: 'AddMentorToClaim', claimId, mentorId, hours });
      const { allowance, hours: remaining } = claimable(claimId, mentorId);
      return send(claimId, { type: 'AddMentorToClaim', mentorId, hours: hours ?? remaining, allowance }, options);
    },
    submit: async (claimId: string, submittedBy: string, options?: HandleOptions): Result => {
      validateCommand(submitInput, { type: 'SubmitClaim', claimId, submittedBy });
      // fromEntries defines own keys: a mentor id such as `__proto__` never becomes the object's prototype.
      const allowances: Record<string, MentorAllowance> = Object.fromEntries([...claimOf(claimId).lines.keys()].map((mentorId) => [mentorId, claimable(claimId, mentorId).allowance]));
      return send(claimId, { type: 'SubmitClaim', submittedBy, allowances }, options);
    },
    /** Pays the claim at its region's rate in the rule set as now corrected. */
    pay: async (claimId: string, paymentReference: string, options?: HandleOptions): Result => {
      validateCommand(payInput, { type: 'MarkClaimPaid', claimId, paymentReference });
      const claim = claimOf(claimId);
      const ratePence = rulesOf(claim).funding.hourlyRatePence[claim.region].value;
      return send(claimId, { type: 'MarkClaimPaid', ratePence, paymentReference }, options);
    },
    requestClawback: async (
      claimId: string,
      requestedBy: string,
      lines: readonly { readonly mentorId: string; readonly hours: number; readonly reason: string }[],
      options?: HandleOptions,
    ): Result => {
      const input = validateCommand(clawbackInput, { type: 'RequestClawback', claimId, requestedBy, lines });
      const claim = claimOf(claimId);
      const ratePence = rulesOf(claim).funding.hourlyRatePence[claim.region].value;
      return send(claimId, { type: 'RequestClawback', requestedBy, ratePence, lines: input.lines }, options);
    },
  };
};

export type ClaimService = ReturnType<typeof createClaimService>;
