import {
  InvalidArgumentError,
  claimDecider,
  createClaimService,
  createCommandHandler,
  createProgressService,
  createProjectionRunner,
  fundingInputs,
  ittLedgerEventDefinitions,
  mentorCommands,
  placementCommands,
  standardRuleBook,
  withInlineProjections,
  type ClaimEvent,
  type DomainEvent,
  type EventStore,
  type LocalDate,
  type ManualClock,
  type RuleBook,
} from '@itt-ledger/core';
import { PROVIDER_YEAR } from './cast.js';
import { scheduleFunding } from './fundingYear.js';
import { scheduleMentors } from './mentorsYear.js';
import { schedulePlacements } from './placementsYear.js';
import { scheduleProgress } from './progressYear.js';
import { providerYearProjections, type ProviderYearProjections, type ReadModels } from './readModels.js';
import { createSchedule } from './schedule.js';

export interface ProviderYearDeps<SE extends DomainEvent> {
  /** An empty store (or an empty prefix of one) whose registry is `createIttLedgerRegistry()`. */
  readonly store: EventStore<SE>;
  /** The store's clock: each step sets it to the instant the step was recorded. */
  readonly clock: ManualClock;
  readonly ruleBook?: RuleBook;
}

export interface ProviderYearResult {
  /** The day the year is reported on. */
  readonly today: LocalDate;
  /** Commands the rules refused on the way, as `date what: reason (field)`. */
  readonly refusals: readonly string[];
  readonly projections: ProviderYearProjections;
  /** The read models as maintained inline during the run (each caught up after every append). */
  readonly readModels: ReadModels;
}

/** The actor recorded in every event's metadata. */
export const PROVIDER_YEAR_ACTOR = 'demo:provider-year';

/**
 * One provider's 2024/25 year on any store whose registry knows the whole domain: three schools, six
 * trainees and their placements with a term of weekly meetings, review points and one recovery plan,
 * mentors' training and one Mentor Development Review, and a funding claim paid. Every step goes through
 * the areas' command services, so the rules apply as in production, and runs at the instant it was
 * recorded on `clock`; with the store's ids from `seededIds(PROVIDER_YEAR.seed)`, a run writes the same
 * events every time.
 */
export const runProviderYear = async <SE extends DomainEvent>(deps: ProviderYearDeps<SE>): Promise<ProviderYearResult> => {
  const known = new Set<string>(deps.store.registry.types);
  const missing = ittLedgerEventDefinitions.map((definition) => definition.type).filter((type) => !known.has(type));
  if (missing.length > 0) throw new InvalidArgumentError('store.registry', `the store does not know ${missing.join(', ')}: build it with createIttLedgerRegistry()`);
  if ((await deps.store.readAll({ maxCount: 1 })).length > 0) throw new InvalidArgumentError('store', 'the provider year is written to an empty store, and this one holds events');

  const { clock } = deps;
  const ruleBook = deps.ruleBook ?? standardRuleBook;
  const projections = providerYearProjections(ruleBook);
  const runner = createProjectionRunner({ store: deps.store, projections: projections.all });
  // Read models are current after every append: the claim service reads them to price each line.
  const store = withInlineProjections(deps.store, runner);

  const schedule = createSchedule();
  schedulePlacements(schedule, placementCommands({ store, clock, ruleBook }));
  scheduleProgress(schedule, createProgressService({ store, clock, ruleBook }), ruleBook);
  scheduleMentors(schedule, mentorCommands({ store, clock }));
  // Checked above: the registry knows the claim events.
  const handle = createCommandHandler({ store: store as unknown as EventStore<ClaimEvent>, decider: claimDecider, clock });
  const claims = createClaimService({ handle, inputs: () => runner.state(fundingInputs), register: () => runner.state(projections.claimsRegister), ruleBook });
  scheduleFunding(schedule, claims);

  const refusals = await schedule.run(clock, PROVIDER_YEAR_ACTOR);
  return { today: PROVIDER_YEAR.today, refusals, projections, readModels: runner };
};
