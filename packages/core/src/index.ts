export { aggregateStream, readStreamIfExists, type AggregateResult } from './kernel/aggregate.js';
export { checkExpectedRevision, compileFilter, findIdempotentAppend, type StreamEvents } from './kernel/appendRules.js';
export { asOfPredicate, eventsAsOf, type AsOf, type EventPredicate } from './kernel/asOf.js';
export { fixedClock, manualClock, steppingClock, systemClock, type Clock, type ManualClock } from './kernel/clock.js';
export {
  createCommandHandler,
  defaultRetryPolicy,
  type CommandHandler,
  type CommandHandlerDeps,
  type HandleOptions,
  type HandleResult,
  type RetryPolicy,
} from './kernel/commandHandler.js';
export { validateCommand } from './kernel/commandValidation.js';
export { evolveWith, fold, type Decider, type EventHandlers } from './kernel/decider.js';
export type { DomainEvent, EnvelopeFields, EventMetadata, NewEvent, StoredEvent } from './kernel/envelope.js';
export {
  CommandRejectedError,
  CommandValidationError,
  EventValidationError,
  InvalidArgumentError,
  IttLedgerError,
  StoreUnavailableError,
  StoredEventInvalidError,
  StreamDeletedError,
  StreamNotFoundError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
  formatPath,
  type ActualRevision,
  type ValidationIssue,
} from './kernel/errors.js';
export {
  defineEvent,
  type AnyEventDefinition,
  type EventDefinition,
  type EventOf,
  type EventSchemaVersion,
  type EventsOf,
} from './kernel/eventDefinition.js';
export { deepFreeze } from './kernel/freeze.js';
export { deriveEventId, isUuid, randomIds, seededIds, seededRandom, type IdGenerator } from './kernel/ids.js';
export { isNormalInstant, parseInstant, toInstant, type Instant } from './kernel/instant.js';
export {
  ERASED,
  isErased,
  personalData,
  personalDataFields,
  revealOr,
  type Erased,
  type PersonalDataCategory,
  type PersonalDataField,
  type PersonalDataOptions,
} from './kernel/personalData.js';
export { SEALED_MAX_BYTES, sealedValueSchema, type SealedValue } from './kernel/personalData.js';
export { personalValue } from './kernel/personalData.js';
export { textOf } from './kernel/errors.js';

// --- crypto-shredding of personal data (UK GDPR erasure)
export { withCryptoShredding, type CryptoShreddingOptions } from './privacy/cryptoShredding.js';
export { createEnvelopeKeyStore, createInMemoryWrappedKeyStorage, type EnvelopeKeyStoreOptions, type KeyManagementService, type WrappedKeyEntry, type WrappedKeyStorage } from './privacy/envelopeKeyStore.js';
export { DataSubjectForgottenError, PersonalDataUnreadableError } from './privacy/errors.js';
export { createInMemoryKeyStore, forgetDataSubject, type InMemoryKeyStoreOptions, type PersonalDataKeyStore } from './privacy/keyStore.js';
export { DATA_KEY_BYTES, openValue, sealValue, type RandomBytes, type SealContext } from './privacy/seal.js';
// end of crypto-shredding
export {
  definePartitionedProjection,
  defineProjection,
  runProjection,
  type AnyProjection,
  type Projection,
  type ProjectionHandlers,
  type ProjectionState,
} from './kernel/projection.js';
export {
  createInMemoryProjectionStateStore,
  createProjectionRunner,
  withInlineProjections,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionSnapshot,
  type ProjectionStateStore,
} from './kernel/projectionRunner.js';
export {
  createEventRegistry,
  toStoredEvent,
  type EventPlacement,
  type EventRegistry,
  type PreparedEvent,
  type RecordedEvent,
} from './kernel/registry.js';
export {
  NO_REVISION,
  type AppendOptions,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadDirection,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionEnd,
  type SubscriptionHandler,
} from './kernel/store.js';
export {
  MAX_POSITION,
  MAX_REVISION,
  checkExpectedRevisionOption,
  checkStreamId,
  isStreamId,
  planAllRead,
  planAppend,
  planStreamRead,
  planSubscription,
  type ReadPlan,
} from './kernel/readOptions.js';

// The school calendar: dates without a zone, weeks, academic years.
export { academicYearEnd, academicYearOf, academicYearSchema, academicYearStart, isAcademicYear, nextAcademicYear, previousAcademicYear, toAcademicYear, type AcademicYear } from './calendar/academicYear.js';
export { addDays, dayNumber, dayOfWeek, daysBetween, fromDayNumber, isLocalDate, localDateOf, localDateSchema, maxDate, minDate, toLocalDate, weekStartOf, weeksBetween, type LocalDate } from './calendar/localDate.js';

// Rules are data: dated rule sets per academic year, each value citing ../shared/domain.md.
export { createRuleBook, standardRuleBook, type RuleBook } from './rules/ruleBook.js';
export { REGIONS, type DateRange, type Region, type RuleSet } from './rules/ruleSet.js';
export { assumed, sourced, type Sourced } from './rules/sourced.js';
export { sourcedValues } from './rules/sourcedValues.js';
export { standardRuleSets } from './rules/standardRuleSets.js';

// --- trainees, placements, mentoring records and the weekly entitlement (docs/domain/placements.md)
export { checkCalendar, closureSchema, dayKind, termCalendarSchema, termSchema, type Closure, type DayKind, type Term, type TermCalendar } from './school/calendar.js';
export type { PublishSchoolCalendar, RegisterSchool, SchoolCommand } from './school/commands.js';
export { initialSchoolState, schoolDecider, type SchoolState } from './school/decider.js';
export { SCHOOL_PHASES, SCHOOL_SETTINGS, SchoolCalendarPublished, SchoolRegistered, schoolEventDefinitions, schoolRegistry, schoolStreamId, type SchoolEvent, type SchoolPhase, type SchoolSetting } from './school/events.js';
export type { RegisterTrainee, TraineeCommand } from './trainee/commands.js';
export { initialTraineeState, traineeDecider, type TraineeState } from './trainee/decider.js';
export { PROGRAMMES, STUDY_MODES, TRAINEE_PHASES, TraineeRegistered, routeSchema, traineeEventDefinitions, traineeRegistry, traineeStreamId, type Programme, type Route, type StudyMode, type TraineeEvent, type TraineePhase } from './trainee/events.js';
export type {
  ArrangePlacement,
  ArrangementContext,
  ChangePlacementMentor,
  CompletePlacement,
  CorrectMentoringRecord,
  EndPlacementEarly,
  ExtendPlacement,
  MentoringRecordCommand,
  OtherPlacement,
  PausePlacement,
  PlacementCommand,
  PlacementLifecycleCommand,
  RecordMentorMeeting,
  RecordMentoringContact,
  ResumePlacement,
  WithdrawMentoringRecord,
} from './placement/commands.js';
export { createPlacementDecider, placementDecider, type PlacementDecider } from './placement/decider.js';
export { placementsDomainDefinitions, type PlacementsDomainEvent } from './placement/domain.js';
export {
  placementCommands,
  type ArrangePlacementInput,
  type ExtendPlacementInput,
  type PlacementCommands,
  type PlacementCommandsDeps,
  type StreamPlacementCommand,
} from './placement/placementCommands.js';
export {
  currentMentors,
  initialPlacementState,
  mentorsOn,
  placementHandlers,
  recordsOf,
  type MentorSpell,
  type MentoringRecord,
  type Pause,
  type Placement,
  type PlacementState,
  type PlacementStatus,
  type RecordChange,
} from './placement/state.js';
export {
  ATTENDEE_ROLES,
  CONTACT_KINDS,
  EARLY_END_REASONS,
  MENTOR_CHANGE_REASONS,
  MentorMeetingRecorded,
  MentoringContactRecorded,
  MentoringRecordCorrected,
  MentoringRecordWithdrawn,
  PAUSE_REASONS,
  PlacementArranged,
  PlacementCompleted,
  PlacementEndedEarly,
  PlacementExtended,
  PlacementMentorChanged,
  PlacementPaused,
  PlacementResumed,
  placementEventDefinitions,
  placementRegistry,
  placementStreamId,
  recordMinutesSchema,
  type AttendeeRole,
  type ContactKind,
  type EarlyEndReason,
  type MentorChangeReason,
  type MentoringRecordEvent,
  type PauseReason,
  type PlacementEvent,
  type PlacementLifecycleEvent,
} from './placement/events.js';
export { formatBehindTable, formatEntitlementTable } from './entitlement/format.js';
export { textTable } from './text/textTable.js';
export {
  entitlementAsOf,
  entitlementProjections,
  entitlementReadModel,
  placementsProjection,
  replayEntitlement,
  schoolsProjection,
  traineesProjection,
  type EntitlementReadModel,
  type SchoolEntry,
  type TraineeEntry,
} from './entitlement/projections.js';
export { behindThisWeek, placementEntitlement, traineeEntitlement, type BehindRow, type EntitlementQuery, type PlacementEntitlement, type TraineeEntitlement } from './entitlement/queries.js';
export { combineWeeks, summarise, type EntitlementFlag, type EntitlementRow, type EntitlementSummary } from './entitlement/summary.js';
export { entitledMinutes, placementWeeks, weekStatus, type EntitlementRoute, type EntitlementWeek, type ExemptReason, type PlacementWeeksInput, type WeekStatus } from './entitlement/weeks.js';

// --- review points, targets, lead-mentor QA and Individual Recovery Plans (docs/domain/progress.md)
export {
  MISSED_REASONS,
  REVIEW_OUTCOMES,
  ReviewPointHeld,
  ReviewPointMissed,
  ReviewPointOutcomeCorrected,
  ReviewPointRescheduled,
  ReviewPointScheduled,
  reviewPointEventDefinitions,
  reviewPointRegistry,
  reviewPointStreamId,
  stageSchema,
  type MissedReason,
  type ReviewOutcome,
  type ReviewPointEvent,
} from './reviewPoint/events.js';
export type { CorrectReviewPointOutcome, HoldReviewPoint, RecordReviewPointMissed, RescheduleReviewPoint, ReviewPointCommand, ScheduleReviewPoint } from './reviewPoint/commands.js';
export { initialReviewPointState, reviewPointDecider, type ReviewPointState, type ReviewPointStatus } from './reviewPoint/decider.js';
export { loadReviewPointFacts, reviewPointFacts, type ReviewPointFacts } from './reviewPoint/facts.js';
export { createReviewPolicy, defaultReviewPolicy, type ReviewPolicy } from './reviewPoint/policy.js';
export {
  TARGET_VERDICTS,
  TargetReviewed,
  TargetSet,
  TargetWithdrawn,
  settles,
  targetEventDefinitions,
  targetRegistry,
  targetReviewSchema,
  targetSpecSchema,
  targetStreamId,
  type TargetEvent,
  type TargetReview,
  type TargetSpec,
  type TargetVerdict,
} from './target/events.js';
export type { ReviewTarget, SetTarget, TargetCommand, WithdrawTarget } from './target/commands.js';
export { createTargetDecider, initialTargetState, targetDecider, type TargetState, type TargetStatus } from './target/decider.js';
export { checkTargetReview, checkTargetSpec, longestTermDays } from './target/rules.js';
export {
  JointObservationRecorded,
  JointObservationWithdrawn,
  LeadMentorQaFormAmended,
  LeadMentorQaFormCompleted,
  QA_ANSWERS,
  QA_QUESTIONS,
  leadMentorQaEventDefinitions,
  leadMentorQaRegistry,
  leadMentorQaStreamId,
  qaAnswersSchema,
  type LeadMentorQaEvent,
  type QaAnswer,
  type QaAnswers,
  type QaQuestion,
} from './leadMentorQa/events.js';
export type { AmendLeadMentorQaForm, CompleteLeadMentorQaForm, LeadMentorQaCommand, RecordJointObservation, WithdrawJointObservation } from './leadMentorQa/commands.js';
export { initialLeadMentorQaState, leadMentorQaDecider, type LeadMentorQaState } from './leadMentorQa/decider.js';
export {
  CLOSING_OUTCOMES,
  ESCALATIONS,
  IndividualRecoveryPlanClosed,
  IndividualRecoveryPlanExtended,
  IndividualRecoveryPlanOpened,
  IndividualRecoveryPlanReviewed,
  irpEventDefinitions,
  irpRegistry,
  irpStreamId,
  supportActionSchema,
  type ClosingOutcome,
  type Escalation,
  type IrpEvent,
  type SupportAction,
} from './irp/events.js';
export type { CloseIndividualRecoveryPlan, ExtendIndividualRecoveryPlan, IrpCommand, OpenIndividualRecoveryPlan, ReviewIndividualRecoveryPlan } from './irp/commands.js';
export { createIrpDecider, irpDecider } from './irp/decider.js';
export { initialIrpState, type IrpState, type IrpPlan, type IrpTarget } from './irp/state.js';
export { nextReviewDue, reviewOverdue, type ReviewSchedule } from './irp/schedule.js';
export { WelfareConcernClosed, WelfareConcernRecorded, welfareEventDefinitions, welfareRegistry, welfareStreamId, type WelfareEvent } from './welfare/events.js';
export type { CloseWelfareConcern, RecordWelfareConcern, WelfareCommand } from './welfare/commands.js';
export { initialWelfareState, welfareDecider, type WelfareState } from './welfare/decider.js';
export { progressEventDefinitions, progressRegistry, type ProgressEvent, type ProgressEventOf, type ProgressReadEvent } from './progress/events.js';
export { LIMITS as PROGRESS_LIMITS } from './progress/limits.js';
export { COMMANDS_TAKING_REVIEW_POINT, createProgressService, type ByReviewPointId, type ProgressService, type ProgressServiceDeps } from './progress/service.js';
export { REPORTS, REPORT_AUDIENCES, SPECIAL_CATEGORY_AUDIENCES, reportKind, type ReportAudience, type ReportKind } from './progress/audience.js';
export type { PlanRecord, PlanTargetRecord, Plans, VerdictRecord } from './progress/planRecords.js';
export { traineeProgress, type ObservationRecord, type ReviewPointRecord, type TargetRecord, type TraineeProgress, type TraineeProgressEvent } from './progress/traineeProgress.js';
export { ERASED_TEXT, reviewPointStatus, traineeTimeline, type TimelineEntry, type TraineeTimeline } from './progress/timeline.js';
export { endOfDay, progressReadModels, traineeTimelineAsOf, traineeTimelineOn, type ProgressReadModels } from './progress/asOf.js';
export { formatTraineeTimeline } from './progress/format.js';
export { progressSchools, type SchoolDirectory, type SchoolFacts } from './progress/schools.js';
export { irpRecords, irpRegister, type IrpRegister, type IrpRegisterRow, type OutcomeCounts, type PhaseOrUnknown } from './progress/irpRegister.js';
export { observationsByReviewPoint, schoolProgress, schoolProgressOf, schoolTraineeKey, type SchoolObservation, type SchoolProgress, type SchoolProgressEvent, type SchoolReviewPoint, type SchoolTarget } from './progress/schoolReviewPoints.js';
export { reviewPointCompliance, timeliness, type ComplianceRow, type ComplianceTotals, type ReviewPointCompliance, type Timeliness } from './progress/compliance.js';
export { schoolSummaryReport, type SchoolSummaryReport, type SchoolSummaryTotals, type SchoolSummaryTrainee } from './progress/schoolSummary.js';
export { welfareConcerns, welfareLog, type WelfareConcernRecord, type WelfareLog } from './progress/welfareLog.js';

// --- mentors, training, Mentor Development Review, lead mentors and funding (docs/domain/mentors.md)
// mentors (docs/domain/mentors.md)
export { MentorDetailsCorrected, MentorMovedSchool, MentorRegistered, mentorEmailSchema, mentorEventDefinitions, mentorNameSchema, mentorRegistry, mentorStreamId, teacherReferenceNumberSchema, type MentorEvent } from './mentor/events.js';
export {
  MentorPriorLearningRecognised,
  MentorPriorLearningWithdrawn,
  MentorTrainingSessionCompleted,
  MentorTrainingSessionCorrected,
  MentorTrainingSessionWithdrawn,
  PRIOR_LEARNING_KINDS,
  TRAINING_MODES,
  TRAINING_PURPOSES,
  mentorTrainingEventDefinitions,
  mentorTrainingRegistry,
  mentorTrainingStreamId,
  sessionAcademicYear,
  trainingMinutesSchema,
  type MentorTrainingEvent,
  type PriorLearningKind,
  type TrainingMode,
  type TrainingPurpose,
} from './mentorTraining/events.js';
export { ProviderTrainingRequirementSet, providerTrainingRequirementEventDefinitions, providerTrainingRequirementRegistry, providerTrainingRequirementStreamId, type ProviderTrainingRequirementEvent } from './mentorTraining/requirementEvents.js';
export type { CorrectMentorDetails, MentorCommand, MoveMentorToSchool, RegisterMentor } from './mentor/commands.js';
export { mentorCommandSchema } from './mentor/commandSchema.js';
export { mentorDecider, type MentorDetails, type MentorState } from './mentor/decider.js';
export { mentorsDomainDefinitions, type MentorsDomainEvent } from './mentor/domain.js';
export { mentorCommands, type MentorCommands, type MentorCommandsDeps } from './mentor/mentorCommands.js';
export type { CorrectMentorTrainingSession, MentorTrainingCommand, RecognisePriorLearning, RecordMentorTrainingSession, WithdrawMentorTrainingSession, WithdrawPriorLearning } from './mentorTraining/commands.js';
export { mentorTrainingCommandSchema, providerTrainingRequirementCommandSchema } from './mentorTraining/commandSchema.js';
export { mentorTrainingDecider, purposeOf, trainedEarlierWith, type MentorTrainingState, type PriorLearningRecord, type SessionRecord } from './mentorTraining/decider.js';
export { providerTrainingRequirementDecider, type ProviderTrainingRequirement, type ProviderTrainingRequirementCommand, type ProviderTrainingRequirementState, type SetProviderTrainingRequirement } from './mentorTraining/requirementDecider.js';
export { trainingComplianceProjection, type PriorLearningEntry, type RequirementData, type TrainingComplianceEvent, type TrainingComplianceState, type TrainingTrack } from './mentorTraining/complianceProjection.js';
export { notYetCompliant, providerRequirementOn, trainingCompliance, type DfeMinimum, type TrainingComplianceQuery, type TrainingComplianceRow } from './mentorTraining/compliance.js';
export {
  ACTION_ORIGINS,
  MDR_STAGES,
  MentorDevelopmentActionAdded,
  MentorDevelopmentActionCompleted,
  MentorDevelopmentPriorityAreaChosen,
  MentorDevelopmentReflectionRecorded,
  MentorDevelopmentReviewCompleted,
  MentorDevelopmentReviewStarted,
  MentorDevelopmentSelfRated,
  mdrFrameworkSchema,
  mentorDevelopmentReviewEventDefinitions,
  mentorDevelopmentReviewRegistry,
  mentorDevelopmentReviewStreamId,
  type ActionOrigin,
  type MdrFramework,
  type MdrStage,
  type MentorDevelopmentReviewEvent,
} from './mentorDevelopmentReview/events.js';
export type {
  AddDevelopmentAction,
  ChoosePriorityArea,
  CompleteDevelopmentAction,
  CompleteMentorDevelopmentReview,
  MentorDevelopmentReviewCommand,
  RecordDevelopmentReflection,
  RecordSelfRatings,
  StartMentorDevelopmentReview,
} from './mentorDevelopmentReview/commands.js';
export { mentorDevelopmentReviewCommandSchema } from './mentorDevelopmentReview/commandSchema.js';
export { mentorDevelopmentReviewDecider, type MentorDevelopmentReviewState, type StartedReview } from './mentorDevelopmentReview/decider.js';
export { areaMeans, suggestedPriorityArea } from './mentorDevelopmentReview/framework.js';
export {
  CHECK_IN_MODES,
  CHECK_IN_SUBJECTS,
  LeadMentorAppointed,
  LeadMentorAppointmentEnded,
  LeadMentorCheckInRecorded,
  LeadMentorCheckInWithdrawn,
  LeadMentorSchoolAssigned,
  LeadMentorSchoolReleased,
  LeadMentorSupervisionRecorded,
  SUPERVISION_KINDS,
  leadMentorEventDefinitions,
  leadMentorRegistry,
  leadMentorStreamId,
  type CheckInMode,
  type CheckInSubject,
  type LeadMentorEvent,
  type SupervisionKind,
} from './leadMentor/events.js';
export type { AppointLeadMentor, AssignSchoolToLeadMentor, EndLeadMentorAppointment, LeadMentorCommand, RecordCheckIn, RecordSupervision, ReleaseSchoolFromLeadMentor, WithdrawCheckIn } from './leadMentor/commands.js';
export { leadMentorCommandSchema } from './leadMentor/commandSchema.js';
export { inCaseloadOn, leadMentorDecider, type LeadMentorAppointment, type LeadMentorState, type SchoolPeriod } from './leadMentor/decider.js';
export { leadMentorCaseloadProjection, type CaseloadEvent, type CaseloadState } from './leadMentor/caseloadProjection.js';
export { leadMentorCaseload, type CaseloadMentor, type CaseloadQuery, type CaseloadSchool, type CaseloadTrainee, type CheckInStatus, type LeadMentorCaseload, type OverdueCheckIn } from './leadMentor/caseload.js';
export { MentorProtectedTimeAllocated, MentorProtectedTimeUseRecorded, MentorRecognitionAwarded, MentorRecognitionRevoked, RECOGNITION_KINDS, mentorSupportEventDefinitions, mentorSupportRegistry, mentorSupportStreamId, type MentorSupportEvent, type RecognitionKind } from './mentorSupport/events.js';
export type { AllocateProtectedTime, AwardRecognition, MentorSupportCommand, RecordProtectedTimeUse, RevokeRecognition } from './mentorSupport/commands.js';
export { mentorSupportCommandSchema } from './mentorSupport/commandSchema.js';
export { mentorSupportDecider, type MentorSupportState } from './mentorSupport/decider.js';
export { mentorSupportProjection, mentorSupportSummary, type Allocation, type MentorSupportReadEvent, type MentorSupportReadState, type MentorSupportSummary, type Recognition } from './mentorSupport/supportProjection.js';
export { mentorPortfolioProjection, type PortfolioEvent, type PortfolioState } from './mentorReports/portfolioProjection.js';
export { mentorPortfolio, type AreaOverTime, type MentorPortfolio, type PortfolioYearView, type ReviewView } from './mentorReports/portfolio.js';
export { describeDfeMinimum, formatHours, formatLeadMentorCaseload, formatMentorPortfolio, formatTrainingCompliance } from './mentorReports/format.js';
// end of mentors

// --- funding: claims, rule corrections and the claims register (docs/domain/funding.md)
export {
  claimableAmount,
  hoursRemaining,
  isEligible,
  mentorAllowance,
  trainedTime,
  type ClaimableAmount,
  type ClaimableInput,
  type MentorAllowance,
  type TrainingSession,
} from './funding/claimableAmount.js';
export type {
  AddMentorToClaim,
  ApproveClawback,
  AssureClaim,
  ClaimCommand,
  CompleteClawback,
  DraftClaim,
  MarkClaimMentorNotAssured,
  MarkClaimPaid,
  RecordSchoolNotApproval,
  RejectClaimPayment,
  RejectClawback,
  RemoveMentorFromClaim,
  RequestClaimPaymentInformation,
  RequestClawback,
  SampleClaimForAssurance,
  SendClaimPaymentInformation,
  StartClaimPayment,
  SubmitClaim,
} from './funding/claim/commands.js';
export { claimCommandSchema } from './funding/claim/commandSchema.js';
export { claimDecider } from './funding/claim/decider.js';
export {
  CLAIMANTS,
  FundingClaimAssured,
  FundingClaimDrafted,
  FundingClaimMentorAdded,
  FundingClaimMentorNotAssured,
  FundingClaimMentorRemoved,
  FundingClaimNotApprovedBySchool,
  FundingClaimPaid,
  FundingClaimPaymentInformationRequested,
  FundingClaimPaymentInformationSent,
  FundingClaimPaymentNotApproved,
  FundingClaimPaymentStarted,
  FundingClaimSampled,
  FundingClaimSubmitted,
  FundingClawbackApproved,
  FundingClawbackCompleted,
  FundingClawbackRejected,
  FundingClawbackRequested,
  claimEventDefinitions,
  claimStreamId,
  mentorAllowanceSchema,
  type ClaimEvent,
  type Claimant,
} from './funding/claim/events.js';
export { CLAIM_STATUSES, claimHours, initialClaimState, type ClaimLine, type ClaimState, type ClaimStatus, type PendingClawback } from './funding/claim/state.js';
export { createClaimService, type ClaimService, type ClaimServiceDeps } from './funding/claimService.js';
export {
  applyCorrections,
  correctedRuleBook,
  correctionApplies,
  isCorrected,
  ruleValueKind,
  sourcedAt,
  type CorrectedSourced,
  type RuleCorrection,
} from './funding/effectiveRules.js';
export { changeMentor, fundsMentor, placementFunding, type PlacementFunding } from './funding/eligibility.js';
export { fundingEventDefinitions, fundingRegistry, type FundingEvent } from './funding/events.js';
export { formatClaimsRegister, formatPence, formatPenceDifference } from './funding/format.js';
export { eligiblePlacementsFor, employedDuring, fundingInputs, trainingSessionsFor, type FundingInputEvent, type FundingInputsState } from './funding/fundingInputs.js';
export {
  createClaimsRegister,
  providerYearKey,
  type AmountChange,
  type ClaimsRegisterEvent,
  type ClaimsRegisterState,
  type RegisterClaim,
  type RegisterLine,
  type RegisterRate,
} from './funding/register.js';
export {
  hoursClaimedWithProvider,
  isRefresherMentor,
  providerClaimsRegister,
  schoolClaimsRegister,
  type RegisterLineView,
  type RegisterTotals,
  type RegisterView,
} from './funding/registerViews.js';
export type { CorrectRuleValue, RuleCorrectionCommand } from './funding/ruleCorrection/commands.js';
export { ruleCorrectionCommandSchema } from './funding/ruleCorrection/commandSchema.js';
export { createRuleCorrectionDecider, type RuleCorrectionsState } from './funding/ruleCorrection/decider.js';
export { RuleValueCorrected, ruleCorrectionEventDefinitions, ruleCorrectionsStreamId, ruleValueSchema, type RuleCorrectionEvent, type RuleValue, type RuleValueCorrectedData } from './funding/ruleCorrection/events.js';
// end of funding

// --- the whole domain in one registry
export { createIttLedgerRegistry, ittLedgerEventDefinitions, type IttLedgerEvent, type IttLedgerEventType } from './domain.js';

// --- every read model of the domain, for one projection runner
export { createIttLedgerProjections, ittLedgerClaimsRegister, ittLedgerProjections, type IttLedgerProjections } from './projections.js';
// Command schemas: untrusted input is parsed with these before anything is read (issue 9, part A).
export { schoolCommandSchema } from './school/commandSchema.js';
export { streamKeySchema } from './school/events.js';
export { traineeCommandSchema } from './trainee/commandSchema.js';
export { arrangePlacementInputSchema, extendPlacementInputSchema, placementCommandSchema, streamPlacementCommandSchema } from './placement/commandSchema.js';
export { reviewPointCommandSchema, reviewPointFactsSchema } from './reviewPoint/commandSchema.js';
export { targetCommandSchema, targetInputSchema } from './target/commandSchema.js';
export { leadMentorQaCommandSchema, leadMentorQaInputSchema } from './leadMentorQa/commandSchema.js';
export { irpCommandSchema, irpInputSchema } from './irp/commandSchema.js';
export { welfareCommandSchema } from './welfare/commandSchema.js';
