import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

export const CHECK_IN_SUBJECTS = ['mentor', 'trainee'] as const;
export type CheckInSubject = (typeof CHECK_IN_SUBJECTS)[number];

export const CHECK_IN_MODES = ['visit', 'phone', 'email', 'online_meeting'] as const;
export type CheckInMode = (typeof CHECK_IN_MODES)[number];

/** Supervising school-based mentors, or training them (seed 000: "their training and supervision"). */
export const SUPERVISION_KINDS = ['supervision', 'training'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const leadMentorReasonSchema = z.string().min(1).max(500);
export const checkInNoteSchema = z.string().min(1).max(2000);
export const supervisionMentorIdsSchema = z.array(idSchema).min(1).max(100);
export const supervisionMinutesSchema = z.number().int().min(1).max(24 * 60);
export const supervisionFocusSchema = z.string().min(1).max(300);

/**
 * A mentor took on the lead mentor role for a provider, which identifies and trains its lead mentors
 * (seed 000). `leadMentorId` is their mentor id: lead mentor is a role a mentor holds.
 */
export const LeadMentorAppointed = defineEvent('LeadMentorAppointed', z.object({ leadMentorId: idSchema, providerId: idSchema, appointedOn: localDateSchema }));

export const LeadMentorAppointmentEnded = defineEvent('LeadMentorAppointmentEnded', z.object({ leadMentorId: idSchema, endedOn: localDateSchema, reason: leadMentorReasonSchema }));

/** The lead mentor supports the school's mentors and trainees of their provider from `from`. */
export const LeadMentorSchoolAssigned = defineEvent('LeadMentorSchoolAssigned', z.object({ leadMentorId: idSchema, schoolId: idSchema, from: localDateSchema }));

export const LeadMentorSchoolReleased = defineEvent('LeadMentorSchoolReleased', z.object({ leadMentorId: idSchema, schoolId: idSchema, releasedOn: localDateSchema }));

/** A check-in with a mentor or a trainee (seed 004: "regular check-ins"). */
export const LeadMentorCheckInRecorded = defineEvent(
  'LeadMentorCheckInRecorded',
  z.object({
    checkInId: idSchema,
    leadMentorId: idSchema,
    schoolId: idSchema,
    subject: z.enum(CHECK_IN_SUBJECTS),
    /** The mentor's or trainee's id. */
    subjectId: idSchema,
    date: localDateSchema,
    mode: z.enum(CHECK_IN_MODES),
    note: personalData(checkInNoteSchema, { subjectField: 'subjectId' }).optional(),
  }),
);

/** The check-in should not count (e.g. recorded against the wrong person); it is not deleted. */
export const LeadMentorCheckInWithdrawn = defineEvent('LeadMentorCheckInWithdrawn', z.object({ checkInId: idSchema, leadMentorId: idSchema, reason: leadMentorReasonSchema }));

/**
 * The lead mentor supervised or trained school-based mentors. Support, not training toward a mentor's
 * hours: training that counts is recorded as `MentorTrainingSessionCompleted` by the provider.
 */
export const LeadMentorSupervisionRecorded = defineEvent(
  'LeadMentorSupervisionRecorded',
  z.object({
    supervisionId: idSchema,
    leadMentorId: idSchema,
    kind: z.enum(SUPERVISION_KINDS),
    mentorIds: supervisionMentorIdsSchema,
    schoolId: idSchema.optional(),
    date: localDateSchema,
    minutes: supervisionMinutesSchema,
    focus: supervisionFocusSchema,
  }),
);

export const leadMentorEventDefinitions = [
  LeadMentorAppointed,
  LeadMentorAppointmentEnded,
  LeadMentorSchoolAssigned,
  LeadMentorSchoolReleased,
  LeadMentorCheckInRecorded,
  LeadMentorCheckInWithdrawn,
  LeadMentorSupervisionRecorded,
] as const;
export const leadMentorRegistry = createEventRegistry(leadMentorEventDefinitions);
export type LeadMentorEvent = EventsOf<typeof leadMentorEventDefinitions>;

export const leadMentorStreamId = (mentorId: string): string => `leadMentor-${mentorId}`;
