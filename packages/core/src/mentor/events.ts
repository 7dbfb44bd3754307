import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

const mentorData = <S extends z.ZodType>(schema: S) => personalData(schema, { subjectField: 'mentorId' });

export const mentorNameSchema = z.string().min(1).max(200);
export const mentorEmailSchema = z.email().max(254);
/** The seven-digit teacher reference number the DfE's services key mentors by. */
export const teacherReferenceNumberSchema = z.string().regex(/^\d{7}$/, 'a TRN is seven digits');

/**
 * A school-based mentor joined the records, employed by `schoolId`. `providerId` is the accredited provider
 * that registered them, when one did (a school may register its own mentors).
 */
export const MentorRegistered = defineEvent(
  'MentorRegistered',
  z.object({
    mentorId: idSchema,
    schoolId: idSchema,
    providerId: idSchema.optional(),
    name: mentorData(mentorNameSchema),
    email: mentorData(mentorEmailSchema).optional(),
    trn: mentorData(teacherReferenceNumberSchema).optional(),
  }),
);

/** A mentor's name, email or TRN as it should have been; fields left out stay as they were. */
export const MentorDetailsCorrected = defineEvent(
  'MentorDetailsCorrected',
  z.object({
    mentorId: idSchema,
    name: mentorData(mentorNameSchema).optional(),
    email: mentorData(mentorEmailSchema).optional(),
    trn: mentorData(teacherReferenceNumberSchema).optional(),
  }),
);

/** The mentor is employed by another school from `effectiveFrom`. */
export const MentorMovedSchool = defineEvent(
  'MentorMovedSchool',
  z.object({ mentorId: idSchema, schoolId: idSchema, previousSchoolId: idSchema, effectiveFrom: localDateSchema }),
);

export const mentorEventDefinitions = [MentorRegistered, MentorDetailsCorrected, MentorMovedSchool] as const;
export const mentorRegistry = createEventRegistry(mentorEventDefinitions);
export type MentorEvent = EventsOf<typeof mentorEventDefinitions>;

export const mentorStreamId = (mentorId: string): string => `mentor-${mentorId}`;
