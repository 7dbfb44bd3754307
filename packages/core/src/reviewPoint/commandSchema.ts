import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';
import type { ReviewPointCommand } from './commands.js';
import { MISSED_REASONS, REVIEW_OUTCOMES, stageSchema } from './events.js';
import type { ReviewPointFacts } from './facts.js';

const areas = z.array(z.string().min(1).max(LIMITS.area)).max(LIMITS.areas);
const reasonText = z.string().min(1).max(LIMITS.reason);
const outcome = z.enum(REVIEW_OUTCOMES);

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
  outcome: outcome.exactOptional(),
  mentorId: idSchema,
});

const reviewPolicySchema = z.object({ stages: z.array(stageSchema).min(1).max(LIMITS.stages), leadMentorRequiredAt: z.array(stageSchema).max(LIMITS.stages) });

/** Every review point command's shape, with the limits of the events it writes. */
export const reviewPointCommandSchema: z.ZodType<ReviewPointCommand> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ScheduleReviewPoint'),
    reviewPointId: idSchema,
    traineeId: idSchema,
    placementId: idSchema,
    schoolId: idSchema,
    providerId: idSchema,
    academicYear: academicYearSchema,
    stage: stageSchema,
    dueDate: localDateSchema,
    mentorId: idSchema,
    leadMentorId: idSchema.exactOptional(),
    policy: reviewPolicySchema,
  }),
  z.object({ type: z.literal('RescheduleReviewPoint'), dueDate: localDateSchema, reason: reasonText }),
  z.object({
    type: z.literal('HoldReviewPoint'),
    heldOn: localDateSchema,
    heldBy: idSchema,
    leadMentorId: idSchema.exactOptional(),
    outcome,
    areasOfConcern: areas,
  }),
  z.object({ type: z.literal('CorrectReviewPointOutcome'), outcome, areasOfConcern: areas, reason: reasonText }),
  z.object({ type: z.literal('RecordReviewPointMissed'), recordedOn: localDateSchema, reason: z.enum(MISSED_REASONS) }),
]);
