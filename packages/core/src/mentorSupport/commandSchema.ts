import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { idSchema } from '../school/events.js';
import type { MentorSupportCommand } from './commands.js';
import { RECOGNITION_KINDS, accreditedMinutesSchema, recognitionTitleSchema, revocationReasonSchema, weekMinutesSchema } from './events.js';

// Protected time and recognition commands with the limits of the events they become: bad input is refused
// before anything is read.

export const allocateProtectedTimeSchema = z.object({
  type: z.literal('AllocateProtectedTime'),
  mentorId: idSchema,
  schoolId: idSchema,
  academicYear: academicYearSchema,
  minutesPerWeek: weekMinutesSchema,
  effectiveFrom: localDateSchema,
});

export const recordProtectedTimeUseSchema = z.object({
  type: z.literal('RecordProtectedTimeUse'),
  mentorId: idSchema,
  weekOf: localDateSchema,
  minutesUsed: weekMinutesSchema,
  minutesFromPpa: weekMinutesSchema.exactOptional(),
});

export const awardRecognitionSchema = z.object({
  type: z.literal('AwardRecognition'),
  recognitionId: idSchema,
  mentorId: idSchema,
  kind: z.enum(RECOGNITION_KINDS),
  title: recognitionTitleSchema,
  awardedOn: localDateSchema,
  awardedBy: idSchema,
  academicYear: academicYearSchema.exactOptional(),
  accreditedMinutes: accreditedMinutesSchema.exactOptional(),
});

export const revokeRecognitionSchema = z.object({ type: z.literal('RevokeRecognition'), recognitionId: idSchema, reason: revocationReasonSchema });

export const mentorSupportCommandSchema = z.discriminatedUnion('type', [
  allocateProtectedTimeSchema,
  recordProtectedTimeUseSchema,
  awardRecognitionSchema,
  revokeRecognitionSchema,
]) satisfies z.ZodType<MentorSupportCommand>;
