import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { reviewPointFactsSchema } from '../reviewPoint/commandSchema.js';
import { idSchema, streamKeySchema } from '../school/events.js';
import type { LeadMentorQaCommand } from './commands.js';
import { qaAnswersSchema } from './events.js';

const reasonText = z.string().min(1).max(LIMITS.reason);
const nextStepsForMentor = z.string().min(1).max(LIMITS.comment).exactOptional();

const recordJointObservation = {
  type: z.literal('RecordJointObservation'),
  observationId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  leadMentorId: idSchema,
  mentorId: idSchema,
  date: localDateSchema,
  focus: z.string().min(1).max(LIMITS.focus),
  feedbackForTrainee: z.string().min(1).max(LIMITS.note),
  feedbackForMentor: z.string().min(1).max(LIMITS.note),
};
const completeForm = { type: z.literal('CompleteLeadMentorQaForm'), leadMentorId: idSchema, completedOn: localDateSchema, answers: qaAnswersSchema, nextStepsForMentor };
const withdrawJointObservation = z.object({ type: z.literal('WithdrawJointObservation'), observationId: idSchema, reason: reasonText });
const amendForm = z.object({
  type: z.literal('AmendLeadMentorQaForm'),
  reviewPointId: idSchema,
  amendedOn: localDateSchema,
  answers: qaAnswersSchema,
  nextStepsForMentor,
  reason: reasonText,
});

/** Every lead mentor QA command's shape, with the limits of the events it writes. */
export const leadMentorQaCommandSchema: z.ZodType<LeadMentorQaCommand> = z.discriminatedUnion('type', [
  z.object({ ...recordJointObservation, reviewPoint: reviewPointFactsSchema.exactOptional() }),
  withdrawJointObservation,
  z.object({ ...completeForm, reviewPoint: reviewPointFactsSchema }),
  amendForm,
]);

/** Lead mentor QA commands as the progress service takes them: the review point named by id. */
export const leadMentorQaInputSchema = z.discriminatedUnion('type', [
  z.object({ ...recordJointObservation, reviewPointId: streamKeySchema.exactOptional() }),
  withdrawJointObservation,
  z.object({ ...completeForm, reviewPointId: streamKeySchema }),
  amendForm,
]);
