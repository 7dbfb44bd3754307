import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { createEventRegistry } from '../kernel/registry.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { termCalendarSchema } from '../school/calendar.js';
import { idSchema } from '../school/events.js';

export const MENTOR_CHANGE_REASONS = ['mentor_withdrew', 'job_share_added', 'reallocated'] as const;
export type MentorChangeReason = (typeof MENTOR_CHANGE_REASONS)[number];

export const PAUSE_REASONS = ['trainee_absence', 'school_closure', 'provider_decision'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const EARLY_END_REASONS = ['trainee_withdrew', 'trainee_deferred', 'school_withdrew', 'moved_placement', 'not_on_track', 'other'] as const;
export type EarlyEndReason = (typeof EARLY_END_REASONS)[number];

export const CONTACT_KINDS = ['instructional_coaching', 'joint_planning', 'observation_feedback', 'co_teaching', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const ATTENDEE_ROLES = ['trainee', 'mentor', 'job_share_mentor', 'lead_mentor', 'provider_tutor', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** The absolute bound on one record's length; the rule set's bound is checked by the decider. */
export const recordMinutesSchema = z.number().int().min(1).max(24 * 60);

/** Technical bound on the targets one meeting record lists. */
export const MAX_TARGETS_DISCUSSED = 20;

const reasonText = z.string().min(1).max(500);
const traineeText = (max: number) => personalData(z.string().min(1).max(max), { subjectField: 'traineeId' });

/** A trainee placed in a school with a school-based mentor, from `startDate` to `endDate` inclusive. */
export const placementArrangedSchema = z.object({
  placementId: idSchema,
  traineeId: idSchema,
  schoolId: idSchema,
  providerId: idSchema,
  academicYear: academicYearSchema,
  mentorId: idSchema,
  jobShareMentorId: idSchema.optional(),
  startDate: localDateSchema,
  endDate: localDateSchema,
  /** This placement's own terms and closures, overriding the school's calendar. */
  calendar: termCalendarSchema.optional(),
});
export const PlacementArranged = defineEvent('PlacementArranged', placementArrangedSchema);

/**
 * The placement's mentor changed from `effectiveFrom`. With `job_share_added`, `mentorId` joins as the
 * job-share mentor and `previousMentorId` (the current mentor) stays.
 */
export const placementMentorChangedSchema = z.object({
  placementId: idSchema,
  mentorId: idSchema,
  previousMentorId: idSchema,
  effectiveFrom: localDateSchema,
  reason: z.enum(MENTOR_CHANGE_REASONS),
});
export const PlacementMentorChanged = defineEvent('PlacementMentorChanged', placementMentorChangedSchema);

/** The placement now ends on `endDate`, later than `previousEndDate`. */
export const placementExtendedSchema = z.object({ placementId: idSchema, previousEndDate: localDateSchema, endDate: localDateSchema, reason: reasonText });
export const PlacementExtended = defineEvent('PlacementExtended', placementExtendedSchema);

/** From `pausedFrom` the trainee is not in the placement until it resumes; those days carry no entitlement. */
export const placementPausedSchema = z.object({ placementId: idSchema, pausedFrom: localDateSchema, reason: z.enum(PAUSE_REASONS) });
export const PlacementPaused = defineEvent('PlacementPaused', placementPausedSchema);

/** The trainee is back from `resumedOn`. */
export const placementResumedSchema = z.object({ placementId: idSchema, resumedOn: localDateSchema });
export const PlacementResumed = defineEvent('PlacementResumed', placementResumedSchema);

/** The placement ended before its end date; `lastDay` is its last day. */
export const placementEndedEarlySchema = z.object({ placementId: idSchema, lastDay: localDateSchema, reason: z.enum(EARLY_END_REASONS) });
export const PlacementEndedEarly = defineEvent('PlacementEndedEarly', placementEndedEarlySchema);

/** The placement ran to its end date and was signed off on `completedOn`. */
export const placementCompletedSchema = z.object({ placementId: idSchema, completedOn: localDateSchema });
export const PlacementCompleted = defineEvent('PlacementCompleted', placementCompletedSchema);

const attendee = z.object({ role: z.enum(ATTENDEE_ROLES), personId: idSchema.optional() });

/** The weekly mentor meeting, as the trainee records it (seed 004: "weekly mentor meeting records"). */
export const mentorMeetingRecordedSchema = z.object({
  placementId: idSchema,
  recordId: idSchema,
  traineeId: idSchema,
  mentorId: idSchema,
  date: localDateSchema,
  minutes: recordMinutesSchema,
  present: z.array(attendee).min(1).max(10),
  targetsDiscussed: z.array(traineeText(500)).max(MAX_TARGETS_DISCUSSED),
  reflection: traineeText(4000).optional(),
});
export const MentorMeetingRecorded = defineEvent('MentorMeetingRecorded', mentorMeetingRecordedSchema);

/** Other mentoring that counts toward the weekly entitlement, e.g. instructional coaching or joint planning. */
export const mentoringContactRecordedSchema = z.object({
  placementId: idSchema,
  recordId: idSchema,
  traineeId: idSchema,
  mentorId: idSchema,
  date: localDateSchema,
  minutes: recordMinutesSchema,
  kind: z.enum(CONTACT_KINDS),
  note: traineeText(2000).optional(),
});
export const MentoringContactRecorded = defineEvent('MentoringContactRecorded', mentoringContactRecordedSchema);

/** A record's date and length, as they should have been; the original event stays in the stream. */
export const mentoringRecordCorrectedSchema = z.object({
  placementId: idSchema,
  recordId: idSchema,
  traineeId: idSchema,
  date: localDateSchema,
  minutes: recordMinutesSchema,
  reason: reasonText,
});
export const MentoringRecordCorrected = defineEvent('MentoringRecordCorrected', mentoringRecordCorrectedSchema);

/** The record no longer counts (e.g. logged against the wrong placement); it is not deleted. */
export const mentoringRecordWithdrawnSchema = z.object({ placementId: idSchema, recordId: idSchema, traineeId: idSchema, reason: reasonText });
export const MentoringRecordWithdrawn = defineEvent('MentoringRecordWithdrawn', mentoringRecordWithdrawnSchema);

export const placementEventDefinitions = [
  PlacementArranged,
  PlacementMentorChanged,
  PlacementExtended,
  PlacementPaused,
  PlacementResumed,
  PlacementEndedEarly,
  PlacementCompleted,
  MentorMeetingRecorded,
  MentoringContactRecorded,
  MentoringRecordCorrected,
  MentoringRecordWithdrawn,
] as const;
export const placementRegistry = createEventRegistry(placementEventDefinitions);
export type PlacementEvent = EventsOf<typeof placementEventDefinitions>;

/** The placement lifecycle events, without the mentoring records. */
export type PlacementLifecycleEvent = Exclude<PlacementEvent, { type: `Mentor${string}` }>;
export type MentoringRecordEvent = Extract<PlacementEvent, { type: `Mentor${string}` }>;

export const placementStreamId = (placementId: string): string => `placement-${placementId}`;
