export { aggregateStream, readStreamIfExists, type AggregateResult } from './aggregate.js';
export { checkExpectedRevision, compileFilter, findIdempotentAppend } from './appendRules.js';
export { asOfPredicate, eventsAsOf, type AsOf, type EventPredicate } from './asOf.js';
export { fixedClock, manualClock, steppingClock, systemClock, type Clock, type ManualClock } from './clock.js';
export {
  createCommandHandler,
  defaultRetryPolicy,
  type CommandHandler,
  type CommandHandlerDeps,
  type HandleOptions,
  type HandleResult,
  type RetryPolicy,
} from './commandHandler.js';
export { evolveWith, fold, type Decider, type EventHandlers } from './decider.js';
export type { DomainEvent, EnvelopeFields, EventMetadata, NewEvent, StoredEvent } from './envelope.js';
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
} from './errors.js';
export {
  defineEvent,
  type AnyEventDefinition,
  type EventDefinition,
  type EventOf,
  type EventSchemaVersion,
  type EventsOf,
} from './eventDefinition.js';
export { deepFreeze } from './freeze.js';
export { deriveEventId, isUuid, randomIds, seededIds, type IdGenerator } from './ids.js';
export { isNormalInstant, parseInstant, toInstant, type Instant } from './instant.js';
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
} from './personalData.js';
export {
  definePartitionedProjection,
  defineProjection,
  runProjection,
  type AnyProjection,
  type Projection,
  type ProjectionHandlers,
  type ProjectionState,
} from './projection.js';
export {
  createInMemoryProjectionStateStore,
  createProjectionRunner,
  withInlineProjections,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionSnapshot,
  type ProjectionStateStore,
} from './projectionRunner.js';
export {
  createEventRegistry,
  toStoredEvent,
  type EventPlacement,
  type EventRegistry,
  type PreparedEvent,
  type RecordedEvent,
} from './registry.js';
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
} from './store.js';
export {
  checkExpectedRevisionOption,
  checkStreamId,
  planAllRead,
  planStreamRead,
  planSubscription,
  type ReadPlan,
} from './readOptions.js';
