import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';
import type { ReviewPointCommand } from './commands.js';
import {
  REVIEW_OUTCOMES,
  reviewPointHeldSchema,
  reviewPointMissedSchema,
  reviewPointOutcomeCorrectedSchema,
  reviewPointRescheduledSchema,
  reviewPointScheduledSchema,
  stageSchema,
} from './events.js';
import type { ReviewPointFacts } from './facts.js';

/** A review point's facts as another aggregate's command carries them. */
export const reviewPointFactsSchema: z.ZodType<ReviewPointFacts> = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  stage: stageSchema,
  status: z.enum(['scheduled', 'held', 'missed']),
  dueDate: localDateSchema,
  heldOn: localDateSchema.exactOptional(),
  outcome: z.enum(REVIEW_OUTCOMES).exactOptional(),
  mentorId: idSchema,
});

const reviewPolicySchema = z.object({ stages: z.array(stageSchema).min(1).max(LIMITS.stages), leadMentorRequiredAt: z.array(stageSchema).max(LIMITS.stages) });

// Each command is the event it writes less what the decider fills in: the stream's review point, trainee
// and school. `leadMentorId` is restated as exactly optional: a command leaves it out, never sends undefined.
const ofStream = { reviewPointId: true, traineeId: true, schoolId: true } as const;
const leadMentorId = idSchema.exactOptional();

/** Every review point command's shape, with the limits of the events it writes. */
export const reviewPointCommandSchema: z.ZodType<ReviewPointCommand> = z.discriminatedUnion('type', [
  reviewPointScheduledSchema.omit({ leadMentorRequired: true }).extend({ type: z.literal('ScheduleReviewPoint'), leadMentorId, policy: reviewPolicySchema }),
  reviewPointRescheduledSchema.omit({ ...ofStream, previousDueDate: true }).extend({ type: z.literal('RescheduleReviewPoint') }),
  reviewPointHeldSchema.omit({ ...ofStream, placementId: true }).extend({ type: z.literal('HoldReviewPoint'), leadMentorId }),
  reviewPointOutcomeCorrectedSchema.omit(ofStream).extend({ type: z.literal('CorrectReviewPointOutcome') }),
  reviewPointMissedSchema.omit(ofStream).extend({ type: z.literal('RecordReviewPointMissed') }),
]);
