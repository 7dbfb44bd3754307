export { aggregateStream, readStreamIfExists, type AggregateResult } from './kernel/aggregate.js';
export { checkExpectedRevision, compileFilter, findIdempotentAppend } from './kernel/appendRules.js';
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
export { evolveWith, fold, type Decider, type EventHandlers } from './kernel/decider.js';
export type { DomainEvent, EnvelopeFields, EventMetadata, NewEvent, StoredEvent } from './kernel/envelope.js';
export {
  CommandRejectedError,
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
  checkExpectedRevisionOption,
  checkStreamId,
  planAllRead,
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

// --- review points, targets, lead-mentor QA and Individual Recovery Plans (docs/domain/progress.md)

// --- mentors, training, Mentor Development Review, lead mentors and funding (docs/domain/mentors.md)
