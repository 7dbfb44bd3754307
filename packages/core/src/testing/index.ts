export { dateArbitrary, eventIdArbitrary, instantArbitrary, metadataArbitrary, streamIdArbitrary } from './arbitraries.js';
export {
  HUGE_STRING,
  badValueArbitrary,
  corruptedInput,
  extraKeyArbitrary,
  issuesName,
  pathsOf,
  type CorruptedInput,
  type InputPath,
} from './arbitraries/corruption.js';
export { deciderSpec, type DeciderGiven, type DeciderSpecification, type DeciderThen } from './givenWhenThen.js';
export {
  claimableInputArbitrary,
  invalidClaimCommandArbitrary,
  mentorAllowanceArbitrary,
  regionArbitrary,
  trainingSessionArbitrary,
  trainingSessionsArbitrary,
  validatedStoredEvents,
} from './arbitraries/funding.js';
export { FUNDING_YEAR, fundingYearEventDefinitions, runFundingYear, type FundingYearResult } from './scenarios/fundingYear.js';
export {
  ARBITRARY_YEAR,
  correctionArbitrary,
  localDateBetween,
  mentoringRecordArbitrary,
  placementArrangedArbitrary,
  placementHistoryArbitrary,
  placementStateOf,
  routeArbitrary,
  termCalendarArbitrary,
  type PlacementHistory,
} from './arbitraries/placements.js';
export { invalidPlacementCommandArbitrary, placementCommandFor, randomPlacementCommandArbitrary } from './arbitraries/placementCommands.js';
export { PLACEMENT_TERM, placementTermEventDefinitions, runPlacementTerm, type PlacementTermResult } from './scenarios/placementTerm.js';
export { PROGRESS_WORLD, WORLD_POLICY, type DatedStep, type DatedTemplate, type ProgressStep, type StepTemplate, type WorldTrainee, type WorldView } from './arbitraries/progressWorld.js';
export { irpTemplateArbitrary, verdictArbitrary } from './arbitraries/irpCommands.js';
export { progressStepsArbitrary } from './arbitraries/progress.js';
export { applyProgressSteps, progressReadRegistry, storedProgressHistory, worldSchoolEvents, type HistoryEvent, type ProgressHistory } from './arbitraries/progressHistory.js';
export { RECOVERY_PLAN, recoveryPlanEventDefinitions, runRecoveryPlan, type RecoveryPlanIds, type RecoveryPlanResult } from './scenarios/recoveryPlan.js';
export {
  asStoredEvents,
  exampleMdrFramework,
  invalidTrainingSessionArbitrary,
  mdrFrameworkArbitrary,
  mentorTrainingCommandArbitrary,
  recordTrainingSessionArbitrary,
  smallIdArbitrary,
  trainingDateArbitrary,
  trainingMinutesArbitrary,
  trainingModeArbitrary,
} from './arbitraries/mentors.js';
export { MENTOR_YEAR, formatMentorYear, mentorYearEventDefinitions, mentorYearProjections, runMentorYear, type MentorYearResult } from './scenarios/mentorYear.js';
export { erasedValues, jsonOf } from './erasure.js';
