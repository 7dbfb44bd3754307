import type { AcademicYear } from '../calendar/academicYear.js';
import type { CommandHandler, HandleOptions, HandleResult } from '../kernel/commandHandler.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { claimableAmount, type ClaimableAmount, type MentorAllowance } from './claimableAmount.js';
import type { ClaimCommand } from './claim/commands.js';
import { claimStreamId, type ClaimEvent, type Claimant } from './claim/events.js';
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

  const send = (claimId: string, command: ClaimCommand, options?: HandleOptions): Result => deps.handle(claimStreamId(claimId), command, options);

  return {
    claimable,
    send,
    draft: (
      claim: { readonly claimId: string; readonly schoolId: string; readonly providerId: string; readonly academicYear: AcademicYear; readonly claimant?: Claimant },
      options?: HandleOptions,
    ): Result => {
      const school = deps.inputs().schools.get(claim.schoolId);
      if (school === undefined) throw new CommandRejectedError('claim.school-unknown', `school ${claim.schoolId} is not registered`, 'schoolId');
      return send(claim.claimId, { type: 'DraftClaim', ...claim, region: school.region, claimant: claim.claimant ?? 'school' }, options);
    },
    /** Adds the mentor with `hours`, or with every hour still claimable when `hours` is left out. */
    addMentor: (claimId: string, mentorId: string, hours?: number, options?: HandleOptions): Result => {
      const { allowance, hours: remaining } = claimable(claimId, mentorId);
      return send(claimId, { type: 'AddMentorToClaim', mentorId, hours: hours ?? remaining, allowance }, options);
    },
    submit: (claimId: string, submittedBy: string, options?: HandleOptions): Result => {
      const allowances: Record<string, MentorAllowance> = {};
      for (const mentorId of claimOf(claimId).lines.keys()) allowances[mentorId] = claimable(claimId, mentorId).allowance;
      return send(claimId, { type: 'SubmitClaim', submittedBy, allowances }, options);
    },
    /** Pays the claim at its region's rate in the rule set as now corrected. */
    pay: (claimId: string, paymentReference: string, options?: HandleOptions): Result => {
      const claim = claimOf(claimId);
      const ratePence = rulesOf(claim).funding.hourlyRatePence[claim.region].value;
      return send(claimId, { type: 'MarkClaimPaid', ratePence, paymentReference }, options);
    },
    requestClawback: (
      claimId: string,
      requestedBy: string,
      lines: readonly { readonly mentorId: string; readonly hours: number; readonly reason: string }[],
      options?: HandleOptions,
    ): Result => {
      const claim = claimOf(claimId);
      const ratePence = rulesOf(claim).funding.hourlyRatePence[claim.region].value;
      return send(claimId, { type: 'RequestClawback', requestedBy, ratePence, lines }, options);
    },
  };
};

export type ClaimService = ReturnType<typeof createClaimService>;
