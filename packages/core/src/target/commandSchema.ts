import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { reviewPointFactsSchema } from '../reviewPoint/commandSchema.js';
import { idSchema, streamKeySchema } from '../school/events.js';
import type { TargetCommand } from './commands.js';
import { TARGET_VERDICTS, targetSpecSchema } from './events.js';

const setTarget = {
  ...targetSpecSchema.shape,
  type: z.literal('SetTarget'),
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  setOn: localDateSchema,
  setBy: idSchema,
};
const reviewTarget = {
  type: z.literal('ReviewTarget'),
  reviewedOn: localDateSchema,
  reviewedBy: idSchema,
  verdict: z.enum(TARGET_VERDICTS),
  nextDueDate: localDateSchema.exactOptional(),
  comment: z.string().min(1).max(LIMITS.comment).exactOptional(),
};
const withdrawTarget = z.object({ type: z.literal('WithdrawTarget'), withdrawnOn: localDateSchema, reason: z.string().min(1).max(LIMITS.reason) });

/** Every target command's shape, with the limits of the events it writes. */
export const targetCommandSchema: z.ZodType<TargetCommand> = z.discriminatedUnion('type', [
  z.object({ ...setTarget, reviewPoint: reviewPointFactsSchema.exactOptional() }),
  z.object({ ...reviewTarget, reviewPoint: reviewPointFactsSchema.exactOptional() }),
  withdrawTarget,
]);

/** Target commands as the progress service takes them: the review point named by id. */
export const targetInputSchema = z.discriminatedUnion('type', [
  z.object({ ...setTarget, reviewPointId: streamKeySchema.exactOptional() }),
  z.object({ ...reviewTarget, reviewPointId: streamKeySchema.exactOptional() }),
  withdrawTarget,
]);
