import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { reviewPointFactsSchema } from '../reviewPoint/commandSchema.js';
import { idSchema, streamKeySchema } from '../school/events.js';
import { targetReviewSchema, targetSpecSchema } from '../target/events.js';
import type { IrpCommand } from './commands.js';
import { CLOSING_OUTCOMES, ESCALATIONS, supportActionSchema } from './events.js';

const reviewDates = z.array(localDateSchema).min(1).max(LIMITS.reviewDates);

const openPlan = {
  type: z.literal('OpenIndividualRecoveryPlan'),
  irpId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  providerId: idSchema,
  openedOn: localDateSchema,
  leadMentorId: idSchema,
  agreedWith: idSchema,
  ownerId: idSchema,
  concerns: z.array(z.string().min(1).max(LIMITS.area)).min(1).max(LIMITS.areas),
  targets: z.array(targetSpecSchema).min(1).max(LIMITS.areas),
  supportActions: z.array(supportActionSchema).min(1).max(LIMITS.supportActions),
  reviewDates: reviewDates.exactOptional(),
};
const otherCommands = [
  z.object({
    type: z.literal('ReviewIndividualRecoveryPlan'),
    irpId: idSchema,
    reviewedOn: localDateSchema,
    reviewedBy: idSchema,
    targetReviews: z.array(targetReviewSchema).max(LIMITS.areas),
    targetsAdded: z.array(targetSpecSchema).max(LIMITS.areas).exactOptional(),
    nextReviewOn: localDateSchema.exactOptional(),
  }),
  z.object({ type: z.literal('ExtendIndividualRecoveryPlan'), irpId: idSchema, extendedOn: localDateSchema, reviewDates, reason: z.string().min(1).max(LIMITS.reason) }),
  z.object({
    type: z.literal('CloseIndividualRecoveryPlan'),
    irpId: idSchema,
    closedOn: localDateSchema,
    closedBy: idSchema,
    outcome: z.enum(CLOSING_OUTCOMES),
    escalatedTo: z.enum(ESCALATIONS).exactOptional(),
  }),
] as const;

/** Every IRP command's shape, with the limits of the events it writes. */
export const irpCommandSchema: z.ZodType<IrpCommand> = z.discriminatedUnion('type', [
  z.object({ ...openPlan, reviewPoint: reviewPointFactsSchema.exactOptional() }),
  ...otherCommands,
]);

/** IRP commands as the progress service takes them: the review point named by id. */
export const irpInputSchema = z.discriminatedUnion('type', [z.object({ ...openPlan, reviewPointId: streamKeySchema.exactOptional() }), ...otherCommands]);
