import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { idSchema } from '../school/events.js';
import type { LeadMentorCommand } from './commands.js';
import {
  CHECK_IN_MODES,
  CHECK_IN_SUBJECTS,
  SUPERVISION_KINDS,
  checkInNoteSchema,
  leadMentorReasonSchema,
  supervisionFocusSchema,
  supervisionMentorIdsSchema,
  supervisionMinutesSchema,
} from './events.js';

// Lead mentor commands with the limits of the events they become: bad input is refused before anything
// is read.

export const appointLeadMentorSchema = z.object({ type: z.literal('AppointLeadMentor'), leadMentorId: idSchema, providerId: idSchema, appointedOn: localDateSchema });

export const endLeadMentorAppointmentSchema = z.object({ type: z.literal('EndLeadMentorAppointment'), endedOn: localDateSchema, reason: leadMentorReasonSchema });

export const assignSchoolToLeadMentorSchema = z.object({ type: z.literal('AssignSchoolToLeadMentor'), schoolId: idSchema, from: localDateSchema });

export const releaseSchoolFromLeadMentorSchema = z.object({ type: z.literal('ReleaseSchoolFromLeadMentor'), schoolId: idSchema, releasedOn: localDateSchema });

export const recordCheckInSchema = z.object({
  type: z.literal('RecordCheckIn'),
  checkInId: idSchema,
  schoolId: idSchema,
  subject: z.enum(CHECK_IN_SUBJECTS),
  subjectId: idSchema,
  date: localDateSchema,
  mode: z.enum(CHECK_IN_MODES),
  note: checkInNoteSchema.exactOptional(),
});

export const withdrawCheckInSchema = z.object({ type: z.literal('WithdrawCheckIn'), checkInId: idSchema, reason: leadMentorReasonSchema });

export const recordSupervisionSchema = z.object({
  type: z.literal('RecordSupervision'),
  supervisionId: idSchema,
  kind: z.enum(SUPERVISION_KINDS),
  mentorIds: supervisionMentorIdsSchema,
  schoolId: idSchema.exactOptional(),
  date: localDateSchema,
  minutes: supervisionMinutesSchema,
  focus: supervisionFocusSchema,
});

export const leadMentorCommandSchema = z.discriminatedUnion('type', [
  appointLeadMentorSchema,
  endLeadMentorAppointmentSchema,
  assignSchoolToLeadMentorSchema,
  releaseSchoolFromLeadMentorSchema,
  recordCheckInSchema,
  withdrawCheckInSchema,
  recordSupervisionSchema,
]) satisfies z.ZodType<LeadMentorCommand>;
