import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { idSchema } from '../school/events.js';
import type { MentorDevelopmentReviewCommand } from './commands.js';
import {
  ACTION_ORIGINS,
  MDR_STAGES,
  mdrActionTextSchema,
  mdrDocumentRefSchema,
  mdrFrameworkSchema,
  mdrNextStepsSchema,
  mdrNoteSchema,
  mdrRatingsSchema,
  mdrReflectionSchema,
} from './events.js';

// Mentor Development Review commands with the limits of the events they become: bad input is refused
// before anything is read.

export const startMentorDevelopmentReviewSchema = z.object({
  type: z.literal('StartMentorDevelopmentReview'),
  mentorId: idSchema,
  academicYear: academicYearSchema,
  providerId: idSchema,
  startedOn: localDateSchema,
  framework: mdrFrameworkSchema,
});

export const recordSelfRatingsSchema = z.object({
  type: z.literal('RecordSelfRatings'),
  stage: z.enum(MDR_STAGES),
  ratedOn: localDateSchema,
  ratings: mdrRatingsSchema,
  note: mdrNoteSchema.exactOptional(),
});

export const choosePriorityAreaSchema = z.object({ type: z.literal('ChoosePriorityArea'), areaId: idSchema.exactOptional(), chosenOn: localDateSchema });

export const addDevelopmentActionSchema = z.object({
  type: z.literal('AddDevelopmentAction'),
  actionId: idSchema,
  areaId: idSchema.exactOptional(),
  origin: z.enum(ACTION_ORIGINS),
  suggestedActionId: idSchema.exactOptional(),
  text: mdrActionTextSchema.exactOptional(),
  addedOn: localDateSchema,
  dueBy: localDateSchema.exactOptional(),
});

export const completeDevelopmentActionSchema = z.object({
  type: z.literal('CompleteDevelopmentAction'),
  actionId: idSchema,
  completedOn: localDateSchema,
  note: mdrNoteSchema.exactOptional(),
});

export const recordDevelopmentReflectionSchema = z.object({
  type: z.literal('RecordDevelopmentReflection'),
  leadMentorId: idSchema,
  reflectedOn: localDateSchema,
  reflection: mdrReflectionSchema,
  nextSteps: mdrNextStepsSchema.exactOptional(),
});

export const completeMentorDevelopmentReviewSchema = z.object({
  type: z.literal('CompleteMentorDevelopmentReview'),
  completedOn: localDateSchema,
  documentRef: mdrDocumentRefSchema.exactOptional(),
});

export const mentorDevelopmentReviewCommandSchema = z.discriminatedUnion('type', [
  startMentorDevelopmentReviewSchema,
  recordSelfRatingsSchema,
  choosePriorityAreaSchema,
  addDevelopmentActionSchema,
  completeDevelopmentActionSchema,
  recordDevelopmentReflectionSchema,
  completeMentorDevelopmentReviewSchema,
]) satisfies z.ZodType<MentorDevelopmentReviewCommand>;
