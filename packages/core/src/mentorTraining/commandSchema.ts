import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { idSchema } from '../school/events.js';
import type { MentorTrainingCommand } from './commands.js';
import {
  PRIOR_LEARNING_KINDS,
  TRAINING_MODES,
  TRAINING_PURPOSES,
  priorLearningDescriptionSchema,
  priorLearningMinutesSchema,
  sessionTitleSchema,
  trainingMinutesSchema,
  trainingReasonSchema,
} from './events.js';
import type { ProviderTrainingRequirementCommand } from './requirementDecider.js';
import { requiredMinutesSchema, requirementNoteSchema } from './requirementEvents.js';

// Mentor training commands with the limits of the events they become (minutes of a session, lengths of
// texts, real dates and academic years): bad input is refused before anything is read.

export const recordMentorTrainingSessionSchema = z.object({
  type: z.literal('RecordMentorTrainingSession'),
  sessionId: idSchema,
  mentorId: idSchema,
  providerId: idSchema,
  date: localDateSchema,
  minutes: trainingMinutesSchema,
  mode: z.enum(TRAINING_MODES),
  academicYear: academicYearSchema.exactOptional(),
  purpose: z.enum(TRAINING_PURPOSES).exactOptional(),
  title: sessionTitleSchema.exactOptional(),
});

export const correctMentorTrainingSessionSchema = z.object({
  type: z.literal('CorrectMentorTrainingSession'),
  sessionId: idSchema,
  date: localDateSchema,
  minutes: trainingMinutesSchema,
  mode: z.enum(TRAINING_MODES),
  reason: trainingReasonSchema,
});

export const withdrawMentorTrainingSessionSchema = z.object({ type: z.literal('WithdrawMentorTrainingSession'), sessionId: idSchema, reason: trainingReasonSchema });

export const recognisePriorLearningSchema = z.object({
  type: z.literal('RecognisePriorLearning'),
  recognitionId: idSchema,
  mentorId: idSchema,
  providerId: idSchema,
  academicYear: academicYearSchema,
  kind: z.enum(PRIOR_LEARNING_KINDS),
  description: priorLearningDescriptionSchema.exactOptional(),
  minutes: priorLearningMinutesSchema,
  recognisedBy: idSchema,
  recognisedOn: localDateSchema,
});

export const withdrawPriorLearningSchema = z.object({ type: z.literal('WithdrawPriorLearning'), recognitionId: idSchema, reason: trainingReasonSchema });

export const mentorTrainingCommandSchema = z.discriminatedUnion('type', [
  recordMentorTrainingSessionSchema,
  correctMentorTrainingSessionSchema,
  withdrawMentorTrainingSessionSchema,
  recognisePriorLearningSchema,
  withdrawPriorLearningSchema,
]) satisfies z.ZodType<MentorTrainingCommand>;

export const setProviderTrainingRequirementSchema = z.object({
  type: z.literal('SetProviderTrainingRequirement'),
  providerId: idSchema,
  academicYear: academicYearSchema,
  initialMinutes: requiredMinutesSchema,
  refresherMinutes: requiredMinutesSchema,
  effectiveFrom: localDateSchema,
  completeBy: localDateSchema.exactOptional(),
  note: requirementNoteSchema.exactOptional(),
});

export const providerTrainingRequirementCommandSchema = z.discriminatedUnion('type', [setProviderTrainingRequirementSchema]) satisfies z.ZodType<ProviderTrainingRequirementCommand>;
