import { z } from 'zod';
import { academicYearSchema, type AcademicYear } from '../calendar/academicYear.js';
import { aggregateStream } from '../kernel/aggregate.js';
import type { Clock } from '../kernel/clock.js';
import { createCommandHandler, type HandleOptions, type HandleResult, type RetryPolicy } from '../kernel/commandHandler.js';
import { validateCommand } from '../kernel/commandValidation.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { CommandRejectedError, InvalidArgumentError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/store.js';
import { leadMentorCommandSchema } from '../leadMentor/commandSchema.js';
import type { LeadMentorCommand } from '../leadMentor/commands.js';
import { leadMentorDecider, type LeadMentorState } from '../leadMentor/decider.js';
import { leadMentorStreamId, type LeadMentorEvent } from '../leadMentor/events.js';
import { mentorDevelopmentReviewCommandSchema } from '../mentorDevelopmentReview/commandSchema.js';
import type { MentorDevelopmentReviewCommand } from '../mentorDevelopmentReview/commands.js';
import { mentorDevelopmentReviewDecider, type MentorDevelopmentReviewState } from '../mentorDevelopmentReview/decider.js';
import { mentorDevelopmentReviewStreamId, type MentorDevelopmentReviewEvent } from '../mentorDevelopmentReview/events.js';
import { mentorSupportCommandSchema } from '../mentorSupport/commandSchema.js';
import type { MentorSupportCommand } from '../mentorSupport/commands.js';
import { mentorSupportDecider, type MentorSupportState } from '../mentorSupport/decider.js';
import { mentorSupportStreamId, type MentorSupportEvent } from '../mentorSupport/events.js';
import { mentorTrainingCommandSchema, providerTrainingRequirementCommandSchema } from '../mentorTraining/commandSchema.js';
import type { MentorTrainingCommand } from '../mentorTraining/commands.js';
import { mentorTrainingDecider, type MentorTrainingState } from '../mentorTraining/decider.js';
import { mentorTrainingStreamId, type MentorTrainingEvent } from '../mentorTraining/events.js';
import { providerTrainingRequirementDecider, type ProviderTrainingRequirementCommand, type ProviderTrainingRequirementState } from '../mentorTraining/requirementDecider.js';
import { providerTrainingRequirementStreamId, type ProviderTrainingRequirementEvent } from '../mentorTraining/requirementEvents.js';
import { idSchema } from '../school/events.js';
import { mentorCommandSchema } from './commandSchema.js';
import type { MentorCommand } from './commands.js';
import { mentorDecider, type MentorState } from './decider.js';
import { mentorsDomainDefinitions, type MentorsDomainEvent } from './domain.js';
import { mentorStreamId, type MentorEvent } from './events.js';

export interface MentorCommandsDeps<SE extends DomainEvent> {
  /** A store whose registry knows every event of `mentorsDomainDefinitions` (and maybe more). */
  readonly store: EventStore<SE>;
  readonly clock: Clock;
  readonly retry?: RetryPolicy;
}

type Handled<E extends DomainEvent, S> = Promise<HandleResult<E, S>>;

const mentorArguments = z.object({ mentorId: idSchema });
const reviewArguments = z.object({ mentorId: idSchema, academicYear: academicYearSchema });

/**
 * Input from outside the process, checked before anything is read: the command against its schema, then
 * the arguments beside it, so an id that is not one (`undefined`, a number, 100k characters) never names
 * a stream. Refusals are `CommandValidationError`s naming the field.
 */
const parseInput = <C extends { readonly type: string }>(schema: z.ZodType<C>, command: unknown, args: z.ZodType, values: object): C => {
  const parsed = validateCommand(schema, command);
  validateCommand(args, { type: parsed.type, ...values });
  return parsed;
};

export interface MentorCommands {
  mentor(mentorId: string, command: MentorCommand, options?: HandleOptions): Handled<MentorEvent, MentorState>;
  training(mentorId: string, command: MentorTrainingCommand, options?: HandleOptions): Handled<MentorTrainingEvent, MentorTrainingState>;
  requirement(command: ProviderTrainingRequirementCommand, options?: HandleOptions): Handled<ProviderTrainingRequirementEvent, ProviderTrainingRequirementState>;
  review(mentorId: string, academicYear: AcademicYear, command: MentorDevelopmentReviewCommand, options?: HandleOptions): Handled<MentorDevelopmentReviewEvent, MentorDevelopmentReviewState>;
  leadMentor(mentorId: string, command: LeadMentorCommand, options?: HandleOptions): Handled<LeadMentorEvent, LeadMentorState>;
  support(mentorId: string, command: MentorSupportCommand, options?: HandleOptions): Handled<MentorSupportEvent, MentorSupportState>;
}

/**
 * The application service for mentors. Every command about a mentor's training, review, lead-mentor role or
 * support first reads the mentor's stream and is refused (`mentor.not-registered`) for a mentor never
 * registered: the deciders stay pure and see one stream each.
 */
export const mentorCommands = <SE extends DomainEvent>(deps: MentorCommandsDeps<SE>): MentorCommands => {
  const known = new Set<string>(deps.store.registry.types);
  const missing = mentorsDomainDefinitions.map((definition) => definition.type).filter((type) => !known.has(type));
  if (missing.length > 0) throw new InvalidArgumentError('store.registry', `the store does not know ${missing.join(', ')}`);
  // Checked above: the store knows every event these deciders write.
  const store = deps.store as unknown as EventStore<MentorsDomainEvent>;
  const common = { store, clock: deps.clock, ...(deps.retry ? { retry: deps.retry } : {}) };
  const handleMentor = createCommandHandler({ ...common, decider: mentorDecider });
  const handleTraining = createCommandHandler({ ...common, decider: mentorTrainingDecider });
  const handleRequirement = createCommandHandler({ ...common, decider: providerTrainingRequirementDecider });
  const handleReview = createCommandHandler({ ...common, decider: mentorDevelopmentReviewDecider });
  const handleLeadMentor = createCommandHandler({ ...common, decider: leadMentorDecider });
  const handleSupport = createCommandHandler({ ...common, decider: mentorSupportDecider });

  const registered = async (mentorId: string): Promise<void> => {
    const { state } = await aggregateStream(store, mentorStreamId(mentorId), mentorDecider);
    if (state.status !== 'registered') throw new CommandRejectedError('mentor.not-registered', `mentor ${mentorId} is not registered`, 'mentorId');
  };
  /** A command naming a mentor must name the one whose stream it goes to. */
  const sameMentor = (mentorId: string, command: object, field: 'mentorId' | 'leadMentorId' = 'mentorId'): void => {
    const named = (command as Partial<Record<typeof field, unknown>>)[field];
    if (named !== undefined && named !== mentorId) throw new InvalidArgumentError(field, `the command is for ${JSON.stringify(named)}, not ${mentorId}`);
  };
  const forMentor =
    <C extends { readonly type: string }, E extends DomainEvent, S>(
      schema: z.ZodType<C>,
      handle: (streamId: string, command: C, options?: HandleOptions) => Handled<E, S>,
      streamId: (mentorId: string) => string,
      field: 'mentorId' | 'leadMentorId' = 'mentorId',
    ) =>
    async (mentorId: string, input: C, options?: HandleOptions): Handled<E, S> => {
      const command = parseInput(schema, input, mentorArguments, { mentorId });
      sameMentor(mentorId, command, field);
      await registered(mentorId);
      return handle(streamId(mentorId), command, options);
    };

  return {
    mentor: async (mentorId, input, options) => {
      const command = parseInput(mentorCommandSchema, input, mentorArguments, { mentorId });
      sameMentor(mentorId, command);
      return handleMentor(mentorStreamId(mentorId), command, options);
    },
    training: forMentor(mentorTrainingCommandSchema, handleTraining, mentorTrainingStreamId),
    requirement: async (input, options) => {
      const command = validateCommand(providerTrainingRequirementCommandSchema, input);
      return handleRequirement(providerTrainingRequirementStreamId(command.providerId), command, options);
    },
    review: async (mentorId, academicYear, input, options) => {
      const command = parseInput(mentorDevelopmentReviewCommandSchema, input, reviewArguments, { mentorId, academicYear });
      sameMentor(mentorId, command);
      if (command.type === 'StartMentorDevelopmentReview' && command.academicYear !== academicYear) {
        throw new InvalidArgumentError('academicYear', `the command starts the ${command.academicYear} review, not ${academicYear}`);
      }
      await registered(mentorId);
      return handleReview(mentorDevelopmentReviewStreamId(mentorId, academicYear), command, options);
    },
    leadMentor: forMentor(leadMentorCommandSchema, handleLeadMentor, leadMentorStreamId, 'leadMentorId'),
    support: forMentor(mentorSupportCommandSchema, handleSupport, mentorSupportStreamId),
  };
};
