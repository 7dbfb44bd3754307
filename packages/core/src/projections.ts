import { entitlementProjections } from './entitlement/projections.js';
import { createClaimsRegister, type ClaimsRegisterEvent, type ClaimsRegisterState } from './funding/register.js';
import { fundingInputs } from './funding/fundingInputs.js';
import type { AnyProjection, Projection } from './kernel/projection.js';
import { leadMentorCaseloadProjection } from './leadMentor/caseloadProjection.js';
import { mentorPortfolioProjection } from './mentorReports/portfolioProjection.js';
import { mentorSupportProjection } from './mentorSupport/supportProjection.js';
import { trainingComplianceProjection } from './mentorTraining/complianceProjection.js';
import { irpRecords } from './progress/irpRegister.js';
import { schoolProgress } from './progress/schoolReviewPoints.js';
import { progressSchools } from './progress/schools.js';
import { traineeProgress } from './progress/traineeProgress.js';
import { welfareConcerns } from './progress/welfareLog.js';
import { standardRuleBook, type RuleBook } from './rules/ruleBook.js';

/** Every read model of the domain, one projection each, and the claims register among them by name. */
export interface IttLedgerProjections {
  /** Give these to `createProjectionRunner` to keep (or rebuild) every read model at once. */
  readonly all: readonly AnyProjection[];
  /** The claims register prices claims with a rule book's rates, so it is built per rule book. */
  readonly claimsRegister: Projection<ClaimsRegisterEvent, ClaimsRegisterState>;
}

/**
 * Every read model the domain documents: the weekly entitlement's three (placements, trainees, schools),
 * progress's five (trainee progress, IRP records, school progress, schools, welfare concerns), the four
 * about mentors (training compliance, portfolio, lead mentor caseload, support), and funding's two (its
 * inputs, and the claims register priced with `ruleBook`).
 */
export const createIttLedgerProjections = (ruleBook: RuleBook = standardRuleBook): IttLedgerProjections => {
  const claimsRegister = createClaimsRegister(ruleBook);
  return Object.freeze({
    claimsRegister,
    all: Object.freeze([
      ...entitlementProjections,
      traineeProgress,
      irpRecords,
      schoolProgress,
      progressSchools,
      welfareConcerns,
      trainingComplianceProjection,
      mentorPortfolioProjection,
      leadMentorCaseloadProjection,
      mentorSupportProjection,
      fundingInputs,
      claimsRegister,
    ]),
  });
};

const standard = createIttLedgerProjections();

/** The claims register priced with the standard rule book: the one in {@link ittLedgerProjections}. */
export const ittLedgerClaimsRegister = standard.claimsRegister;

/** Every read model of the domain with the standard rule book: `createProjectionRunner({ store, projections: ittLedgerProjections })`. */
export const ittLedgerProjections: readonly AnyProjection[] = standard.all;
