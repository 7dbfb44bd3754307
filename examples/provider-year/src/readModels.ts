import {
  createClaimsRegister,
  entitlementProjections,
  fundingInputs,
  irpRecords,
  leadMentorCaseloadProjection,
  mentorPortfolioProjection,
  progressSchools,
  runProjection,
  schoolProgress,
  standardRuleBook,
  traineeProgress,
  trainingComplianceProjection,
  type AnyProjection,
  type ClaimsRegisterEvent,
  type ClaimsRegisterState,
  type Projection,
  type RuleBook,
  type StoredEvent,
} from '@itt-ledger/core';

/** Read a projection's state: a projection runner, or a fold from zero. */
export interface ReadModels {
  state<S>(projection: Projection<any, S>): S;
}

/** The read models the provider's year is run with (inline) and reported from. */
export interface ProviderYearProjections {
  readonly all: readonly AnyProjection[];
  /** The claims register prices claims with the rule book's rates, so it is built per rule book. */
  readonly claimsRegister: Projection<ClaimsRegisterEvent, ClaimsRegisterState>;
}

export const providerYearProjections = (ruleBook: RuleBook = standardRuleBook): ProviderYearProjections => {
  const claimsRegister = createClaimsRegister(ruleBook);
  return {
    claimsRegister,
    all: [
      ...entitlementProjections,
      traineeProgress,
      irpRecords,
      schoolProgress,
      progressSchools,
      trainingComplianceProjection,
      mentorPortfolioProjection,
      leadMentorCaseloadProjection,
      fundingInputs,
      claimsRegister,
    ],
  };
};

/** Every projection folded from zero over `events` (in global order): what an auditor replays. */
export const foldReadModels = (projections: ProviderYearProjections, events: readonly StoredEvent[]): ReadModels => {
  const states = new Map<AnyProjection, unknown>(projections.all.map((projection) => [projection, runProjection(projection, events)]));
  return {
    state: <S>(projection: Projection<any, S>): S => {
      if (!states.has(projection)) throw new Error(`projection ${projection.name} is not one of the provider year's`);
      return states.get(projection) as S;
    },
  };
};
