/**
 * An illustration, not the ITT domain: a trainee's log of mentor meetings ("trainees keep weekly mentor
 * meeting records", domain.md). The real model (placements, entitlement, dated rule sets) comes later.
 */
import { createEventRegistry, defineEvent, personalData, type EventsOf } from '@itt-ledger/core';
import { z } from 'zod';

/** Bounds for this illustration only; no source sets them. */
export const MINUTES = Object.freeze({ min: 1, max: 240 });

const traineeId = z.string().min(1);
const traineeName = personalData(z.string().min(1), { subjectField: 'traineeId' });
const meetingNo = z.number().int().min(1);
const minutes = z.number().int().min(MINUTES.min).max(MINUTES.max);

export const meetingKinds = ['weekly', 'instructional-coaching'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** Version 1, as older writers (here, a spreadsheet import) still send it: no `kind`. */
export const mentorMeetingRecordedV1 = z.object({ traineeId, traineeName, meetingNo, minutes });

export const MentorMeetingRecorded = defineEvent('MentorMeetingRecorded', mentorMeetingRecordedV1).upcastTo(
  z.object({ traineeId, traineeName, meetingNo, minutes, kind: z.enum(meetingKinds) }),
  // Before v2 the log only held the weekly meeting, so that is what a v1 event was.
  (v1) => ({ ...v1, kind: 'weekly' as const }),
);

/** A later, better figure for a meeting's length; the original event stays in the stream. */
export const MentorMeetingCorrected = defineEvent(
  'MentorMeetingCorrected',
  z.object({ traineeId, meetingNo, minutes, reason: z.string().min(1) }),
);

/** The meeting should not count (e.g. logged against the wrong trainee); it is not deleted. */
export const MentorMeetingWithdrawn = defineEvent(
  'MentorMeetingWithdrawn',
  z.object({ traineeId, meetingNo, reason: z.string().min(1) }),
);

export const meetingEventDefinitions = [MentorMeetingRecorded, MentorMeetingCorrected, MentorMeetingWithdrawn] as const;
export const meetingRegistry = createEventRegistry(meetingEventDefinitions);

export type MeetingEvent = EventsOf<typeof meetingEventDefinitions>;
export type MentorMeetingRecordedV1 = z.input<typeof mentorMeetingRecordedV1>;

/** One stream per trainee: the consistency boundary for numbering their meetings. */
export const meetingStreamId = (traineeId: string): string => `mentor-meetings-${traineeId}`;
