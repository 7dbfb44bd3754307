import type { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { createCommandHandler, type HandleOptions, type HandleResult, type RetryPolicy } from '../kernel/commandHandler.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { validateCommand } from '../kernel/commandValidation.js';
import { CommandValidationError, InvalidArgumentError } from '../kernel/errors.js';
import { toIssues } from '../kernel/zodIssues.js';
import type { EventStore } from '../kernel/store.js';
import type { IrpCommand } from '../irp/commands.js';
import { irpInputSchema } from '../irp/commandSchema.js';
import { createIrpDecider } from '../irp/decider.js';
import { irpStreamId, type IrpEvent } from '../irp/events.js';
import type { IrpState } from '../irp/state.js';
import type { LeadMentorQaCommand } from '../leadMentorQa/commands.js';
import { leadMentorQaInputSchema } from '../leadMentorQa/commandSchema.js';
import { leadMentorQaDecider, type LeadMentorQaState } from '../leadMentorQa/decider.js';
import { leadMentorQaStreamId, type LeadMentorQaEvent } from '../leadMentorQa/events.js';
import type { ReviewPointCommand } from '../reviewPoint/commands.js';
import { reviewPointCommandSchema } from '../reviewPoint/commandSchema.js';
import { reviewPointDecider, type ReviewPointState } from '../reviewPoint/decider.js';
import { reviewPointStreamId, type ReviewPointEvent } from '../reviewPoint/events.js';
import { loadReviewPointFacts, type ReviewPointFacts } from '../reviewPoint/facts.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import { streamKeySchema } from '../school/events.js';
import type { TargetCommand } from '../target/commands.js';
import { targetInputSchema } from '../target/commandSchema.js';
import { createTargetDecider, type TargetState } from '../target/decider.js';
import { targetStreamId, type TargetEvent } from '../target/events.js';
import type { WelfareCommand } from '../welfare/commands.js';
import { welfareCommandSchema } from '../welfare/commandSchema.js';
import { welfareDecider, type WelfareState } from '../welfare/decider.js';
import { welfareStreamId, type WelfareEvent } from '../welfare/events.js';
import { reject } from './commandChecks.js';
import { progressEventDefinitions, type ProgressEvent } from './events.js';

/** A command as a caller sends it: a review point named by id, where the decider takes its facts. */
export type ByReviewPointId<C> = C extends unknown
  ? 'reviewPoint' extends keyof C
    ? undefined extends C['reviewPoint' & keyof C]
      ? Omit<C, 'reviewPoint'> & { readonly reviewPointId?: string }
      : Omit<C, 'reviewPoint'> & { readonly reviewPointId: string }
    : C
  : never;

export interface ProgressServiceDeps<SE extends DomainEvent> {
  /** A store whose registry includes {@link progressEventDefinitions}. */
  readonly store: EventStore<SE>;
  readonly clock: Clock;
  readonly ruleBook?: RuleBook;
  readonly retry?: RetryPolicy;
}

export interface ProgressService {
  reviewPoint(reviewPointId: string, command: ReviewPointCommand, options?: HandleOptions): Promise<HandleResult<ReviewPointEvent, ReviewPointState>>;
  target(targetId: string, command: ByReviewPointId<TargetCommand>, options?: HandleOptions): Promise<HandleResult<TargetEvent, TargetState>>;
  leadMentorQa(placementId: string, command: ByReviewPointId<LeadMentorQaCommand>, options?: HandleOptions): Promise<HandleResult<LeadMentorQaEvent, LeadMentorQaState>>;
  irp(traineeId: string, command: ByReviewPointId<IrpCommand>, options?: HandleOptions): Promise<HandleResult<IrpEvent, IrpState>>;
  welfare(traineeId: string, command: WelfareCommand, options?: HandleOptions): Promise<HandleResult<WelfareEvent, WelfareState>>;
}

const targetInput: z.ZodType<ByReviewPointId<TargetCommand>> = targetInputSchema;
const leadMentorQaInput: z.ZodType<ByReviewPointId<LeadMentorQaCommand>> = leadMentorQaInputSchema;
const irpInput: z.ZodType<ByReviewPointId<IrpCommand>> = irpInputSchema;

/** The id that names the command's stream, checked like the ids inside it. */
const streamKey = (field: string, value: unknown, commandType: string): string => {
  const parsed = streamKeySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CommandValidationError(commandType, toIssues(parsed.error, [field]));
};

/** The command, then its stream's id: bad input never names a stream or reaches a read. */
const checked = <C extends { readonly type: string }>(schema: z.ZodType<C>, field: string, id: unknown, input: unknown): { id: string; command: C } => {
  const command = validateCommand(schema, input);
  return { id: streamKey(field, id, command.type), command };
};

// The commands whose decider checks a review point it does not own: the service reads it first.
export const COMMANDS_TAKING_REVIEW_POINT: ReadonlySet<string> = new Set(['SetTarget', 'ReviewTarget', 'RecordJointObservation', 'CompleteLeadMentorQaForm', 'OpenIndividualRecoveryPlan']);

/**
 * The application service of trainee progress: one command handler per aggregate, each on its own stream,
 * and the small cross-aggregate step the deciders need (reading a review point's facts into a command).
 */
export const createProgressService = <SE extends DomainEvent>(deps: ProgressServiceDeps<SE>): ProgressService => {
  const missing = progressEventDefinitions.map((d) => d.type).filter((type) => !(deps.store.registry.types as readonly string[]).includes(type));
  if (missing.length > 0) throw new InvalidArgumentError('store', `the store's registry lacks progress events: ${missing.join(', ')}`);
  const store = deps.store as unknown as EventStore<ProgressEvent>;
  const { clock, ruleBook = standardRuleBook, retry } = deps;
  const common = { store, clock, ...(retry === undefined ? {} : { retry }) };
  const reviewPoint = createCommandHandler({ ...common, decider: reviewPointDecider });
  const target = createCommandHandler({ ...common, decider: createTargetDecider(ruleBook) });
  const leadMentorQa = createCommandHandler({ ...common, decider: leadMentorQaDecider });
  const irp = createCommandHandler({ ...common, decider: createIrpDecider(ruleBook) });
  const welfare = createCommandHandler({ ...common, decider: welfareDecider });

  const withFacts = async <C extends { readonly type: string }>(command: ByReviewPointId<C>): Promise<C> => {
    const { reviewPointId, ...rest } = command as unknown as { readonly type: string; readonly reviewPointId?: string };
    if (!COMMANDS_TAKING_REVIEW_POINT.has(rest.type) || reviewPointId === undefined) return command as unknown as C;
    const facts: ReviewPointFacts | undefined = await loadReviewPointFacts(store, reviewPointId);
    if (facts === undefined) return reject('progress.unknown-review-point', `no review point ${reviewPointId} has been scheduled`, 'reviewPointId');
    return { ...rest, reviewPoint: facts } as unknown as C;
  };

  return {
    reviewPoint: async (key, input, options) => {
      const { id, command } = checked(reviewPointCommandSchema, 'reviewPointId', key, input);
      return reviewPoint(reviewPointStreamId(id), command, options);
    },
    target: async (key, input, options) => {
      const { id, command } = checked(targetInput, 'targetId', key, input);
      return target(targetStreamId(id), await withFacts<TargetCommand>(command), options);
    },
    leadMentorQa: async (key, input, options) => {
      const { id, command } = checked(leadMentorQaInput, 'placementId', key, input);
      return leadMentorQa(leadMentorQaStreamId(id), await withFacts<LeadMentorQaCommand>(command), options);
    },
    irp: async (key, input, options) => {
      const { id, command } = checked(irpInput, 'traineeId', key, input);
      return irp(irpStreamId(id), await withFacts<IrpCommand>(command), options);
    },
    welfare: async (key, input, options) => {
      const { id, command } = checked(welfareCommandSchema, 'traineeId', key, input);
      return welfare(welfareStreamId(id), command, options);
    },
  };
};
