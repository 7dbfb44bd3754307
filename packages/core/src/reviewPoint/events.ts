import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';

export const REVIEW_OUTCOMES = ['on_track', 'not_on_track'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const MISSED_REASONS = ['trainee_absent', 'mentor_unavailable', 'placement_ended', 'other'] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

/** A stage's name, as the provider configures its stages (domain.md: "make it configurable"). */
export const stageSchema = z.string().min(1).max(60);
const areas = z.array(z.string().min(1).max(LIMITS.area)).max(LIMITS.areas);
const reasonText = z.string().min(1).max(LIMITS.reason);

/**
 * A key review point of a trainee's placement, due on `dueDate`, at one of the provider's stages. Where the
 * provider requires it at this stage, the lead mentor must join (`leadMentorRequired`).
 */
export const reviewPointScheduledSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  providerId: idSchema,
  academicYear: academicYearSchema,
  stage: stageSchema,
  dueDate: localDateSchema,
  mentorId: idSchema,
  leadMentorId: idSchema.optional(),
  leadMentorRequired: z.boolean(),
});
export const ReviewPointScheduled = defineEvent('ReviewPointScheduled', reviewPointScheduledSchema);

export const reviewPointRescheduledSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  schoolId: idSchema,
  previousDueDate: localDateSchema,
  dueDate: localDateSchema,
  reason: reasonText,
});
export const ReviewPointRescheduled = defineEvent('ReviewPointRescheduled', reviewPointRescheduledSchema);

/**
 * Held on `heldOn` by the school-based mentor (`heldBy`), with the lead mentor when one joined. The outcome
 * for the trainee, and the areas of concern (at least one when not on track).
 */
export const reviewPointHeldSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  heldOn: localDateSchema,
  heldBy: idSchema,
  leadMentorId: idSchema.optional(),
  outcome: z.enum(REVIEW_OUTCOMES),
  areasOfConcern: areas,
});
export const ReviewPointHeld = defineEvent('ReviewPointHeld', reviewPointHeldSchema);

/** The outcome as it should have been recorded; the original stays in the stream. */
export const reviewPointOutcomeCorrectedSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  schoolId: idSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
  areasOfConcern: areas,
  reason: reasonText,
});
export const ReviewPointOutcomeCorrected = defineEvent('ReviewPointOutcomeCorrected', reviewPointOutcomeCorrectedSchema);

/** It did not take place and will not; recorded on `recordedOn`. */
export const reviewPointMissedSchema = z.object({ reviewPointId: idSchema, traineeId: idSchema, schoolId: idSchema, recordedOn: localDateSchema, reason: z.enum(MISSED_REASONS) });
export const ReviewPointMissed = defineEvent('ReviewPointMissed', reviewPointMissedSchema);

export const reviewPointEventDefinitions = [
  ReviewPointScheduled,
  ReviewPointRescheduled,
  ReviewPointHeld,
  ReviewPointOutcomeCorrected,
  ReviewPointMissed,
] as const;
export const reviewPointRegistry = createEventRegistry(reviewPointEventDefinitions);
export type ReviewPointEvent = EventsOf<typeof reviewPointEventDefinitions>;

export const reviewPointStreamId = (reviewPointId: string): string => `reviewPoint-${reviewPointId}`;
