import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';

/**
 * How a review judged a target. `met` and `not_met` settle it; `partly_met` and `carried_forward` keep it
 * open with a new due date (seed 004: "reviews and sets targets").
 */
export const TARGET_VERDICTS = ['met', 'partly_met', 'not_met', 'carried_forward'] as const;
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];

export const settles = (verdict: TargetVerdict): boolean => verdict === 'met' || verdict === 'not_met';

/** A target as it is set: what to do, the area of practice it develops, and when it is due. */
export const targetSpecSchema = z.object({
  targetId: idSchema,
  description: z.string().min(1).max(LIMITS.description),
  area: z.string().min(1).max(LIMITS.area),
  dueDate: localDateSchema,
});
export type TargetSpec = z.output<typeof targetSpecSchema>;

/** One target's verdict at a review; `nextDueDate` when the target stays open. */
export const targetReviewSchema = z.object({
  targetId: idSchema,
  verdict: z.enum(TARGET_VERDICTS),
  nextDueDate: localDateSchema.optional(),
});
export type TargetReview = z.output<typeof targetReviewSchema>;

const reasonText = z.string().min(1).max(LIMITS.reason);
const where = { traineeId: idSchema, placementId: idSchema, schoolId: idSchema };

/** A short-term target set for a trainee, usually at a review point (`reviewPointId`). */
export const TargetSet = defineEvent(
  'TargetSet',
  z.object({ ...targetSpecSchema.shape, ...where, setOn: localDateSchema, setBy: idSchema, reviewPointId: idSchema.optional() }),
);

/** A review of the target: at a review point (`reviewPointId`) or between them. */
export const TargetReviewed = defineEvent(
  'TargetReviewed',
  z.object({
    ...targetReviewSchema.shape,
    ...where,
    reviewedOn: localDateSchema,
    reviewedBy: idSchema,
    reviewPointId: idSchema.optional(),
    // A judgement of the trainee's practice is their personal data.
    comment: personalData(z.string().min(1).max(LIMITS.comment), { subjectField: 'traineeId' }).optional(),
  }),
);

/** The target should not have been set (e.g. for the wrong trainee); it is kept, and no longer counts. */
export const TargetWithdrawn = defineEvent('TargetWithdrawn', z.object({ targetId: idSchema, ...where, withdrawnOn: localDateSchema, reason: reasonText }));

export const targetEventDefinitions = [TargetSet, TargetReviewed, TargetWithdrawn] as const;
export const targetRegistry = createEventRegistry(targetEventDefinitions);
export type TargetEvent = EventsOf<typeof targetEventDefinitions>;

export const targetStreamId = (targetId: string): string => `target-${targetId}`;
