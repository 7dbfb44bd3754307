import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

/** Recognition mentors asked for (seed 002): certificates, accredited hours, qualifications, titles, pay, public thanks. */
export const RECOGNITION_KINDS = ['training_certificate', 'accredited_hours', 'qualification', 'title', 'pay', 'public_acknowledgement'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

/** Minutes in a week: the schema's bound on time in one week, not a rule. */
export const weekMinutesSchema = z.number().int().min(0).max(7 * 24 * 60);
export const recognitionTitleSchema = z.string().min(1).max(300);
/** For accredited hours: the minutes accredited. */
export const accreditedMinutesSchema = z.number().int().min(1).max(1000 * 60);
export const revocationReasonSchema = z.string().min(1).max(500);

/** The school protects this much of the mentor's time each week for mentoring, from `effectiveFrom` (seed 002). */
export const mentorProtectedTimeAllocatedSchema = z.object({
  mentorId: idSchema,
  schoolId: idSchema,
  academicYear: academicYearSchema,
  minutesPerWeek: weekMinutesSchema,
  effectiveFrom: localDateSchema,
});
export const MentorProtectedTimeAllocated = defineEvent('MentorProtectedTimeAllocated', mentorProtectedTimeAllocatedSchema);

/**
 * How much protected time the mentor used in the week starting `weekOf` (a Monday), and how much mentoring
 * they did in their PPA time instead (seed 002: "mentors give up PPA time"). A later record of the same
 * week replaces it.
 */
export const mentorProtectedTimeUseRecordedSchema = z.object({
  mentorId: idSchema,
  weekOf: localDateSchema,
  minutesUsed: weekMinutesSchema,
  minutesFromPpa: weekMinutesSchema.optional(),
});
export const MentorProtectedTimeUseRecorded = defineEvent('MentorProtectedTimeUseRecorded', mentorProtectedTimeUseRecordedSchema);

/** Recognition given to the mentor, e.g. a certificate for completed training or accredited hours (seed 002, seed 003). */
export const mentorRecognitionAwardedSchema = z.object({
  recognitionId: idSchema,
  mentorId: idSchema,
  kind: z.enum(RECOGNITION_KINDS),
  title: recognitionTitleSchema,
  awardedOn: localDateSchema,
  awardedBy: idSchema,
  academicYear: academicYearSchema.optional(),
  accreditedMinutes: accreditedMinutesSchema.optional(),
});
export const MentorRecognitionAwarded = defineEvent('MentorRecognitionAwarded', mentorRecognitionAwardedSchema);

export const mentorRecognitionRevokedSchema = z.object({ recognitionId: idSchema, mentorId: idSchema, reason: revocationReasonSchema });
export const MentorRecognitionRevoked = defineEvent('MentorRecognitionRevoked', mentorRecognitionRevokedSchema);

export const mentorSupportEventDefinitions = [MentorProtectedTimeAllocated, MentorProtectedTimeUseRecorded, MentorRecognitionAwarded, MentorRecognitionRevoked] as const;
export const mentorSupportRegistry = createEventRegistry(mentorSupportEventDefinitions);
export type MentorSupportEvent = EventsOf<typeof mentorSupportEventDefinitions>;

export const mentorSupportStreamId = (mentorId: string): string => `mentorSupport-${mentorId}`;
