import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import type { MentorSupportCommand } from './commands.js';
import {
  accreditedMinutesSchema,
  mentorProtectedTimeAllocatedSchema,
  mentorProtectedTimeUseRecordedSchema,
  mentorRecognitionAwardedSchema,
  mentorRecognitionRevokedSchema,
  weekMinutesSchema,
} from './events.js';

// Protected time and recognition commands are the events they become, so bad input is refused with the
// events' limits before anything is read. An optional field is restated as exactly optional: a command
// leaves it out, never sends it as undefined.

export const allocateProtectedTimeSchema = mentorProtectedTimeAllocatedSchema.extend({ type: z.literal('AllocateProtectedTime') });

export const recordProtectedTimeUseSchema = mentorProtectedTimeUseRecordedSchema.extend({
  type: z.literal('RecordProtectedTimeUse'),
  minutesFromPpa: weekMinutesSchema.exactOptional(),
});

export const awardRecognitionSchema = mentorRecognitionAwardedSchema.extend({
  type: z.literal('AwardRecognition'),
  academicYear: academicYearSchema.exactOptional(),
  accreditedMinutes: accreditedMinutesSchema.exactOptional(),
});

/** The mentor is the stream's. */
export const revokeRecognitionSchema = mentorRecognitionRevokedSchema.omit({ mentorId: true }).extend({ type: z.literal('RevokeRecognition') });

export const mentorSupportCommandSchema = z.discriminatedUnion('type', [
  allocateProtectedTimeSchema,
  recordProtectedTimeUseSchema,
  awardRecognitionSchema,
  revokeRecognitionSchema,
]) satisfies z.ZodType<MentorSupportCommand>;
