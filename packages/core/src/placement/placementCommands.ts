import type { z } from 'zod';
import { aggregateStream } from '../kernel/aggregate.js';
import type { Clock } from '../kernel/clock.js';
import { createCommandHandler, type HandleOptions, type HandleResult, type RetryPolicy } from '../kernel/commandHandler.js';
import { validateCommand } from '../kernel/commandValidation.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/store.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { SchoolCommand } from '../school/commands.js';
import { schoolCommandSchema } from '../school/commandSchema.js';
import { schoolDecider, type SchoolState } from '../school/decider.js';
import { schoolStreamId, type SchoolEvent } from '../school/events.js';
import type { TraineeCommand } from '../trainee/commands.js';
import { traineeCommandSchema } from '../trainee/commandSchema.js';
import { traineeDecider, type TraineeState } from '../trainee/decider.js';
import { traineeStreamId, type TraineeEvent } from '../trainee/events.js';
import type { ArrangePlacement, ExtendPlacement, OtherPlacement, PlacementCommand } from './commands.js';
import { arrangePlacementInputSchema, extendPlacementInputSchema, streamPlacementCommandSchema } from './commandSchema.js';
import { createPlacementDecider } from './decider.js';
import { placementsDomainDefinitions, type PlacementsDomainEvent } from './domain.js';
import { PlacementArranged, placementStreamId, type PlacementEvent } from './events.js';
import type { PlacementState } from './state.js';

export interface PlacementCommandsDeps<SE extends DomainEvent> {
  /** A store whose registry knows every event of `placementsDomainDefinitions` (and maybe more). */
  readonly store: EventStore<SE>;
  readonly clock: Clock;
  readonly ruleBook?: RuleBook;
  readonly retry?: RetryPolicy;
}

export type ArrangePlacementInput = Omit<ArrangePlacement, 'type' | 'context'>;
export type ExtendPlacementInput = Omit<ExtendPlacement, 'type' | 'context'>;
const arrangeInputSchema: z.ZodType<ArrangePlacementInput> = arrangePlacementInputSchema;
const extendInputSchema: z.ZodType<ExtendPlacementInput> = extendPlacementInputSchema;

/** The placement commands that need nothing beyond their own stream. */
export type StreamPlacementCommand = Exclude<PlacementCommand, ArrangePlacement | ExtendPlacement>;

export interface PlacementCommands {
  school(command: SchoolCommand, options?: HandleOptions): Promise<HandleResult<SchoolEvent, SchoolState>>;
  trainee(command: TraineeCommand, options?: HandleOptions): Promise<HandleResult<TraineeEvent, TraineeState>>;
  /** Reads the trainee, the school and the trainee's other placements, then arranges. */
  arrange(input: ArrangePlacementInput, options?: HandleOptions): Promise<HandleResult<PlacementEvent, PlacementState>>;
  /** Reads the trainee's other placements, then extends. */
  extend(input: ExtendPlacementInput, options?: HandleOptions): Promise<HandleResult<PlacementEvent, PlacementState>>;
  placement(command: StreamPlacementCommand, options?: HandleOptions): Promise<HandleResult<PlacementEvent, PlacementState>>;
  /** The trainee's placements as their streams stand now. */
  traineePlacements(traineeId: string): Promise<OtherPlacement[]>;
}

/**
 * The application service for schools, trainees and placements. Checks across aggregates (the trainee is
 * registered with the provider, the school is registered, no overlapping placement) read the other streams
 * with `aggregateStream` and pass what they found in the command; the deciders stay pure. Two arrangements
 * for one trainee made at the same instant are not serialised against each other.
 */
export const placementCommands = <SE extends DomainEvent>(deps: PlacementCommandsDeps<SE>): PlacementCommands => {
  const known = new Set<string>(deps.store.registry.types);
  const missing = placementsDomainDefinitions.map((definition) => definition.type).filter((type) => !known.has(type));
  if (missing.length > 0) throw new InvalidArgumentError('store.registry', `the store does not know ${missing.join(', ')}`);
  // Checked above: the store knows every event these deciders write.
  const store = deps.store as unknown as EventStore<PlacementsDomainEvent>;
  const { clock, ruleBook = standardRuleBook } = deps;
  const retry = deps.retry ? { retry: deps.retry } : {};
  const placementDecider = createPlacementDecider(ruleBook);
  const handleSchool = createCommandHandler({ store, decider: schoolDecider, clock, ...retry });
  const handleTrainee = createCommandHandler({ store, decider: traineeDecider, clock, ...retry });
  const handlePlacement = createCommandHandler({ store, decider: placementDecider, clock, ...retry });

  const traineePlacements = async (traineeId: string): Promise<OtherPlacement[]> => {
    const arranged = await store.readAll({ filter: { eventTypes: [PlacementArranged.type], streamPrefixes: [placementStreamId('')] } });
    const found: OtherPlacement[] = [];
    for (const event of arranged) {
      if (event.type !== 'PlacementArranged' || event.data.traineeId !== traineeId) continue;
      const { state } = await aggregateStream(store, event.streamId, placementDecider);
      if (state.placement) found.push({ placementId: state.placement.placementId, startDate: state.placement.startDate, lastDay: state.placement.lastDay });
    }
    return found;
  };

  const placementOf = async (placementId: string) => (await aggregateStream(store, placementStreamId(placementId), placementDecider)).state.placement;

  // Input is checked before its ids name a stream: bad input never reaches a read.
  return {
    school: async (input, options) => {
      const command = validateCommand(schoolCommandSchema, input);
      return handleSchool(schoolStreamId(command.schoolId), command, options);
    },
    trainee: async (input, options) => {
      const command = validateCommand(traineeCommandSchema, input);
      return handleTrainee(traineeStreamId(command.traineeId), command, options);
    },
    arrange: async (unchecked, options) => {
      const input = validateCommand(arrangeInputSchema, unchecked, 'ArrangePlacement');
      const trainee = (await aggregateStream(store, traineeStreamId(input.traineeId), traineeDecider)).state;
      const school = (await aggregateStream(store, schoolStreamId(input.schoolId), schoolDecider)).state;
      const context = {
        trainee: trainee.providerId === undefined ? null : { providerId: trainee.providerId },
        schoolRegistered: school.schoolId !== undefined,
        traineePlacements: await traineePlacements(input.traineeId),
      };
      return handlePlacement(placementStreamId(input.placementId), { ...input, type: 'ArrangePlacement', context }, options);
    },
    extend: async (unchecked, options) => {
      const input = validateCommand(extendInputSchema, unchecked, 'ExtendPlacement');
      const placement = await placementOf(input.placementId);
      const traineePlacementsNow = placement ? await traineePlacements(placement.traineeId) : [];
      const command = { ...input, type: 'ExtendPlacement' as const, context: { traineePlacements: traineePlacementsNow } };
      return handlePlacement(placementStreamId(input.placementId), command, options);
    },
    placement: async (input, options) => {
      const command = validateCommand(streamPlacementCommandSchema, input);
      return handlePlacement(placementStreamId(command.placementId), command, options);
    },
    traineePlacements,
  };
};
