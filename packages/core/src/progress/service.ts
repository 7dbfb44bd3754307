import type { Clock } from '../kernel/clock.js';
import { createCommandHandler, type HandleOptions, type HandleResult, type RetryPolicy } from '../kernel/commandHandler.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/store.js';
import type { IrpCommand } from '../irp/commands.js';
import { createIrpDecider } from '../irp/decider.js';
import { irpStreamId, type IrpEvent } from '../irp/events.js';
import type { IrpState } from '../irp/state.js';
import type { LeadMentorQaCommand } from '../leadMentorQa/commands.js';
import { leadMentorQaDecider, type LeadMentorQaState } from '../leadMentorQa/decider.js';
import { leadMentorQaStreamId, type LeadMentorQaEvent } from '../leadMentorQa/events.js';
import type { ReviewPointCommand } from '../reviewPoint/commands.js';
import { reviewPointDecider, type ReviewPointState } from '../reviewPoint/decider.js';
import { reviewPointStreamId, type ReviewPointEvent } from '../reviewPoint/events.js';
import { loadReviewPointFacts, type ReviewPointFacts } from '../reviewPoint/facts.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { TargetCommand } from '../target/commands.js';
import { createTargetDecider, type TargetState } from '../target/decider.js';
import { targetStreamId, type TargetEvent } from '../target/events.js';
import type { WelfareCommand } from '../welfare/commands.js';
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
    reviewPoint: (id, command, options) => reviewPoint(reviewPointStreamId(id), command, options),
    target: async (id, command, options) => target(targetStreamId(id), await withFacts<TargetCommand>(command), options),
    leadMentorQa: async (id, command, options) => leadMentorQa(leadMentorQaStreamId(id), await withFacts<LeadMentorQaCommand>(command), options),
    irp: async (id, command, options) => irp(irpStreamId(id), await withFacts<IrpCommand>(command), options),
    welfare: (id, command, options) => welfare(welfareStreamId(id), command, options),
  };
};
