import {
  ATTENDEE_ROLES,
  CONTACT_KINDS,
  REGIONS,
  REVIEW_OUTCOMES,
  SCHOOL_PHASES,
  SCHOOL_SETTINGS,
  academicYearSchema,
  closureSchema,
  localDateSchema,
  routeSchema,
  termCalendarSchema,
  termSchema,
} from '@itt-ledger/core';
import { z } from 'zod';

// The wire format: JSON types and the domain's own value schemas (dates, years, enums). Lengths, ranges
// and rules are the domain's to check: its refusals name the field too.
const id = z.string().min(1);
const text = z.string();
const date = localDateSchema;
/** When it happened in the school (an ISO instant); the kernel defaults it to the clock's now. */
const when = { occurredAt: z.string().optional() };

export const registerSchoolBody = z.object({
  schoolId: id,
  providerId: id,
  name: text,
  urn: text.optional(),
  phase: z.enum(SCHOOL_PHASES),
  region: z.enum(REGIONS),
  setting: z.enum(SCHOOL_SETTINGS).optional(),
  ...when,
});

export const publishCalendarBody = z.object({ academicYear: academicYearSchema, terms: z.array(termSchema), closures: z.array(closureSchema).default([]), ...when });

export const registerTraineeBody = z.object({ traineeId: id, providerId: id, name: text, academicYear: academicYearSchema, route: routeSchema, ...when });

export const arrangePlacementBody = z.object({
  placementId: id,
  traineeId: id,
  schoolId: id,
  providerId: id,
  academicYear: academicYearSchema,
  mentorId: id,
  jobShareMentorId: id.optional(),
  startDate: date,
  endDate: date,
  calendar: termCalendarSchema.optional(),
  ...when,
});

export const recordMeetingBody = z.object({
  recordId: id,
  mentorId: id,
  date,
  minutes: z.number(),
  present: z.array(z.object({ role: z.enum(ATTENDEE_ROLES), personId: id.optional() })),
  targetsDiscussed: z.array(text).default([]),
  reflection: text.optional(),
  ...when,
});

export const recordContactBody = z.object({ recordId: id, mentorId: id, date, minutes: z.number(), kind: z.enum(CONTACT_KINDS), note: text.optional(), ...when });

export const correctRecordBody = z.object({ date, minutes: z.number(), reason: text, ...when });

export const withdrawRecordBody = z.object({ reason: text, ...when });

export const scheduleReviewPointBody = z.object({
  reviewPointId: id,
  traineeId: id,
  placementId: id,
  schoolId: id,
  providerId: id,
  academicYear: academicYearSchema,
  stage: text,
  dueDate: date,
  mentorId: id,
  leadMentorId: id.optional(),
  ...when,
});

export const holdReviewPointBody = z.object({
  heldOn: date,
  heldBy: id,
  leadMentorId: id.optional(),
  outcome: z.enum(REVIEW_OUTCOMES),
  areasOfConcern: z.array(text).default([]),
  ...when,
});

/** `?today=YYYY-MM-DD`: the date a projection is asked on (default: the service clock's date). */
export const todayQuery = z.object({ today: date.optional() });

export const behindQuery = z.object({ today: date.optional(), by: z.enum(['school', 'mentor']).default('school') });
