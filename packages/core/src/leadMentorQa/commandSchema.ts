import { z } from 'zod';
import { personalValue } from '../kernel/personalData.js';
import { reviewPointFactsSchema } from '../reviewPoint/commandSchema.js';
import { streamKeySchema } from '../school/events.js';
import type { LeadMentorQaCommand } from './commands.js';
import {
  jointObservationRecordedSchema,
  jointObservationWithdrawnSchema,
  leadMentorQaFormAmendedSchema,
  leadMentorQaFormCompletedSchema,
} from './events.js';

// Each command is the event it writes less what the decider fills in from the placement or the review
// point. Personal fields take their plain value (a caller never sends an erased one), and are exactly
// optional where the event's are optional: a command leaves them out, never sends undefined.
const observed = jointObservationRecordedSchema.shape;
const nextStepsForMentor = personalValue(leadMentorQaFormAmendedSchema.shape.nextStepsForMentor.unwrap()).exactOptional();

const recordJointObservation = jointObservationRecordedSchema.omit({ reviewPointId: true }).extend({
  type: z.literal('RecordJointObservation'),
  feedbackForTrainee: personalValue(observed.feedbackForTrainee),
  feedbackForMentor: personalValue(observed.feedbackForMentor),
});
const completeForm = leadMentorQaFormCompletedSchema
  .pick({ leadMentorId: true, completedOn: true, answers: true })
  .extend({ type: z.literal('CompleteLeadMentorQaForm'), nextStepsForMentor });
const withdrawJointObservation = jointObservationWithdrawnSchema.pick({ observationId: true, reason: true }).extend({ type: z.literal('WithdrawJointObservation') });
const amendForm = leadMentorQaFormAmendedSchema
  .omit({ traineeId: true, placementId: true, schoolId: true, mentorId: true })
  .extend({ type: z.literal('AmendLeadMentorQaForm'), nextStepsForMentor });

/** Every lead mentor QA command's shape, with the limits of the events it writes. */
export const leadMentorQaCommandSchema: z.ZodType<LeadMentorQaCommand> = z.discriminatedUnion('type', [
  recordJointObservation.extend({ reviewPoint: reviewPointFactsSchema.exactOptional() }),
  withdrawJointObservation,
  completeForm.extend({ reviewPoint: reviewPointFactsSchema }),
  amendForm,
]);

/** Lead mentor QA commands as the progress service takes them: the review point named by id. */
export const leadMentorQaInputSchema = z.discriminatedUnion('type', [
  recordJointObservation.extend({ reviewPointId: streamKeySchema.exactOptional() }),
  withdrawJointObservation,
  completeForm.extend({ reviewPointId: streamKeySchema }),
  amendForm,
]);
