import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import type { MentorTrainingCommand } from './commands.js';
import {
  TRAINING_PURPOSES,
  mentorPriorLearningRecognisedSchema,
  mentorPriorLearningWithdrawnSchema,
  mentorTrainingSessionCompletedSchema,
  mentorTrainingSessionCorrectedSchema,
  mentorTrainingSessionWithdrawnSchema,
  priorLearningDescriptionSchema,
  sessionTitleSchema,
} from './events.js';
import type { ProviderTrainingRequirementCommand } from './requirementDecider.js';
import { providerTrainingRequirementSetSchema, requirementNoteSchema } from './requirementEvents.js';

// Mentor training commands are the events they become (minutes of a session, lengths of texts, real dates
// and academic years), less the mentor a stream already names: bad input is refused before anything is
// read. An optional field is restated as exactly optional: a command leaves it out, never sends undefined.
const ofMentor = { mentorId: true } as const;

export const recordMentorTrainingSessionSchema = mentorTrainingSessionCompletedSchema.extend({
  type: z.literal('RecordMentorTrainingSession'),
  purpose: z.enum(TRAINING_PURPOSES).exactOptional(),
  academicYear: academicYearSchema.exactOptional(),
  title: sessionTitleSchema.exactOptional(),
});

export const correctMentorTrainingSessionSchema = mentorTrainingSessionCorrectedSchema.omit(ofMentor).extend({ type: z.literal('CorrectMentorTrainingSession') });

export const withdrawMentorTrainingSessionSchema = mentorTrainingSessionWithdrawnSchema.omit(ofMentor).extend({ type: z.literal('WithdrawMentorTrainingSession') });

export const recognisePriorLearningSchema = mentorPriorLearningRecognisedSchema.extend({
  type: z.literal('RecognisePriorLearning'),
  description: priorLearningDescriptionSchema.exactOptional(),
});

export const withdrawPriorLearningSchema = mentorPriorLearningWithdrawnSchema.omit(ofMentor).extend({ type: z.literal('WithdrawPriorLearning') });

export const mentorTrainingCommandSchema = z.discriminatedUnion('type', [
  recordMentorTrainingSessionSchema,
  correctMentorTrainingSessionSchema,
  withdrawMentorTrainingSessionSchema,
  recognisePriorLearningSchema,
  withdrawPriorLearningSchema,
]) satisfies z.ZodType<MentorTrainingCommand>;

export const setProviderTrainingRequirementSchema = providerTrainingRequirementSetSchema.extend({
  type: z.literal('SetProviderTrainingRequirement'),
  completeBy: localDateSchema.exactOptional(),
  note: requirementNoteSchema.exactOptional(),
});

export const providerTrainingRequirementCommandSchema = z.discriminatedUnion('type', [setProviderTrainingRequirementSchema]) satisfies z.ZodType<ProviderTrainingRequirementCommand>;
