import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';

/** The short QA form's questions, each from a duty seed 004 gives the lead mentor. */
export const QA_QUESTIONS = [
  'assessmentsAccurate',
  'instructionalCoachingQuality',
  'entitlementReceived',
  'meetingRecordsKept',
  'targetsShortTermAndAchievable',
] as const;
export type QaQuestion = (typeof QA_QUESTIONS)[number];

export const QA_ANSWERS = ['yes', 'partly', 'no'] as const;
export type QaAnswer = (typeof QA_ANSWERS)[number];

const answer = z.enum(QA_ANSWERS);
export const qaAnswersSchema = z.object({
  assessmentsAccurate: answer,
  instructionalCoachingQuality: answer,
  entitlementReceived: answer,
  meetingRecordsKept: answer,
  targetsShortTermAndAchievable: answer,
});
export type QaAnswers = z.output<typeof qaAnswersSchema>;

// Feedback on someone's practice is their personal data: the trainee's, or the mentor's.
const forTrainee = (max: number) => personalData(z.string().min(1).max(max), { subjectField: 'traineeId' });
const forMentor = (max: number) => personalData(z.string().min(1).max(max), { subjectField: 'mentorId' });
const reasonText = z.string().min(1).max(LIMITS.reason);

/**
 * The lead mentor and the school-based mentor observed the trainee together (seed 004: "joint observations
 * with the CBM ... provides feedback to both ITT teachers and mentors"). `reviewPointId` names the review
 * point it was done for, when it was done for one.
 */
export const jointObservationRecordedSchema = z.object({
  observationId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  leadMentorId: idSchema,
  mentorId: idSchema,
  date: localDateSchema,
  focus: z.string().min(1).max(LIMITS.focus),
  feedbackForTrainee: forTrainee(LIMITS.note),
  feedbackForMentor: forMentor(LIMITS.note),
  reviewPointId: idSchema.optional(),
});
export const JointObservationRecorded = defineEvent('JointObservationRecorded', jointObservationRecordedSchema);

/** The observation should not count (e.g. recorded against the wrong placement); it is not deleted. */
export const jointObservationWithdrawnSchema = z.object({ observationId: idSchema, traineeId: idSchema, placementId: idSchema, schoolId: idSchema, reason: reasonText });
export const JointObservationWithdrawn = defineEvent('JointObservationWithdrawn', jointObservationWithdrawnSchema);

/** The lead mentor's short QA form for one held review point (seed 004: "short QA forms at each review point"). */
export const leadMentorQaFormCompletedSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  leadMentorId: idSchema,
  mentorId: idSchema,
  completedOn: localDateSchema,
  answers: qaAnswersSchema,
  nextStepsForMentor: forMentor(LIMITS.comment).optional(),
});
export const LeadMentorQaFormCompleted = defineEvent('LeadMentorQaFormCompleted', leadMentorQaFormCompletedSchema);

/** The form's answers as they should have been; the original stays in the stream. */
export const leadMentorQaFormAmendedSchema = z.object({
  reviewPointId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  mentorId: idSchema,
  amendedOn: localDateSchema,
  answers: qaAnswersSchema,
  nextStepsForMentor: forMentor(LIMITS.comment).optional(),
  reason: reasonText,
});
export const LeadMentorQaFormAmended = defineEvent('LeadMentorQaFormAmended', leadMentorQaFormAmendedSchema);

export const leadMentorQaEventDefinitions = [
  JointObservationRecorded,
  JointObservationWithdrawn,
  LeadMentorQaFormCompleted,
  LeadMentorQaFormAmended,
] as const;
export const leadMentorQaRegistry = createEventRegistry(leadMentorQaEventDefinitions);
export type LeadMentorQaEvent = EventsOf<typeof leadMentorQaEventDefinitions>;

/** The lead mentor's QA of one placement: its QA forms and joint observations. */
export const leadMentorQaStreamId = (placementId: string): string => `leadMentorQa-${placementId}`;
