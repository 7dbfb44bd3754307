import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { idSchema } from '../school/events.js';
import type { MentorCommand } from './commands.js';
import { mentorEmailSchema, mentorNameSchema, teacherReferenceNumberSchema } from './events.js';

// The shapes of the mentor's commands, with the limits of the events they become: input from outside the
// process is refused with a CommandValidationError naming the field before anything is read.

export const registerMentorSchema = z.object({
  type: z.literal('RegisterMentor'),
  mentorId: idSchema,
  schoolId: idSchema,
  providerId: idSchema.exactOptional(),
  name: mentorNameSchema,
  email: mentorEmailSchema.exactOptional(),
  trn: teacherReferenceNumberSchema.exactOptional(),
});

export const correctMentorDetailsSchema = z.object({
  type: z.literal('CorrectMentorDetails'),
  name: mentorNameSchema.exactOptional(),
  email: mentorEmailSchema.exactOptional(),
  trn: teacherReferenceNumberSchema.exactOptional(),
});

export const moveMentorToSchoolSchema = z.object({ type: z.literal('MoveMentorToSchool'), schoolId: idSchema, effectiveFrom: localDateSchema });

export const mentorCommandSchema = z.discriminatedUnion('type', [registerMentorSchema, correctMentorDetailsSchema, moveMentorToSchoolSchema]) satisfies z.ZodType<MentorCommand>;
