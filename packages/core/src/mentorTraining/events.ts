import { z } from 'zod';
import { academicYearOf, academicYearSchema, type AcademicYear } from '../calendar/academicYear.js';
import { localDateSchema, type LocalDate } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

/** The modes of mentor training providers offer (seed 003). */
export const TRAINING_MODES = ['full_day_conference', 'asynchronous_self_paced', 'synchronous_online_twilight', 'placement_specific_support'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** Initial training toward the first requirement, or the annual top-up of a returning mentor (seed 003). */
export const TRAINING_PURPOSES = ['initial', 'refresher'] as const;
export type TrainingPurpose = (typeof TRAINING_PURPOSES)[number];

/** Prior learning a provider may recognise (seed 003: "e.g. ECF mentors"; domain.md: NPQLTD). */
export const PRIOR_LEARNING_KINDS = ['ecf_mentor_training', 'npqltd', 'other'] as const;
export type PriorLearningKind = (typeof PRIOR_LEARNING_KINDS)[number];

/** One session's length: whole minutes, no more than a day (the schema's bound, not a rule). */
export const trainingMinutesSchema = z.number().int().min(1).max(24 * 60);
export const trainingReasonSchema = z.string().min(1).max(500);
export const sessionTitleSchema = z.string().min(1).max(200);
export const priorLearningDescriptionSchema = z.string().min(1).max(500);
/** Prior learning recognised at once: whole minutes, below a thousand hours (the schema's bound, not a rule). */
export const priorLearningMinutesSchema = z.number().int().min(1).max(1000 * 60);

/**
 * A mentor completed a training session with a provider. `academicYear` is the year of mentoring the
 * training is for; when absent it is the year of `date` (training from 6 April counts for the next
 * year's window, so the decider always writes it: read it with {@link sessionAcademicYear}).
 */
export const mentorTrainingSessionCompletedSchema = z.object({
  sessionId: idSchema,
  mentorId: idSchema,
  providerId: idSchema,
  date: localDateSchema,
  minutes: trainingMinutesSchema,
  mode: z.enum(TRAINING_MODES),
  purpose: z.enum(TRAINING_PURPOSES),
  academicYear: academicYearSchema.optional(),
  title: sessionTitleSchema.optional(),
});
export const MentorTrainingSessionCompleted = defineEvent('MentorTrainingSessionCompleted', mentorTrainingSessionCompletedSchema);

/** A session's date, length and mode as they should have been (whole values, not differences). */
export const mentorTrainingSessionCorrectedSchema = z.object({
  sessionId: idSchema,
  mentorId: idSchema,
  date: localDateSchema,
  minutes: trainingMinutesSchema,
  mode: z.enum(TRAINING_MODES),
  reason: trainingReasonSchema,
});
export const MentorTrainingSessionCorrected = defineEvent('MentorTrainingSessionCorrected', mentorTrainingSessionCorrectedSchema);

/** The session no longer counts (never held, logged against the wrong mentor); it is not deleted. */
export const mentorTrainingSessionWithdrawnSchema = z.object({ sessionId: idSchema, mentorId: idSchema, reason: trainingReasonSchema });
export const MentorTrainingSessionWithdrawn = defineEvent('MentorTrainingSessionWithdrawn', mentorTrainingSessionWithdrawnSchema);

/**
 * A provider recognised a mentor's prior learning, reducing the initial training the mentor takes with it
 * in `academicYear` by `minutes`. Not training done, and never funded (domain.md, prior learning).
 */
export const mentorPriorLearningRecognisedSchema = z.object({
  recognitionId: idSchema,
  mentorId: idSchema,
  providerId: idSchema,
  academicYear: academicYearSchema,
  kind: z.enum(PRIOR_LEARNING_KINDS),
  description: priorLearningDescriptionSchema.optional(),
  minutes: priorLearningMinutesSchema,
  /** Who at the provider recognised it. */
  recognisedBy: idSchema,
  recognisedOn: localDateSchema,
});
export const MentorPriorLearningRecognised = defineEvent('MentorPriorLearningRecognised', mentorPriorLearningRecognisedSchema);

export const mentorPriorLearningWithdrawnSchema = z.object({ recognitionId: idSchema, mentorId: idSchema, reason: trainingReasonSchema });
export const MentorPriorLearningWithdrawn = defineEvent('MentorPriorLearningWithdrawn', mentorPriorLearningWithdrawnSchema);

export const mentorTrainingEventDefinitions = [
  MentorTrainingSessionCompleted,
  MentorTrainingSessionCorrected,
  MentorTrainingSessionWithdrawn,
  MentorPriorLearningRecognised,
  MentorPriorLearningWithdrawn,
] as const;
export const mentorTrainingRegistry = createEventRegistry(mentorTrainingEventDefinitions);
export type MentorTrainingEvent = EventsOf<typeof mentorTrainingEventDefinitions>;

/** Every session and recognition of one mentor, with every provider: the boundary for ids and purposes. */
export const mentorTrainingStreamId = (mentorId: string): string => `mentorTraining-${mentorId}`;

/** The academic year a session counts for. */
export const sessionAcademicYear = (session: { readonly date: LocalDate; readonly academicYear?: AcademicYear | undefined }): AcademicYear =>
  session.academicYear ?? academicYearOf(session.date);
