import { definePartitionedProjection, type Erased, type Instant } from '@itt-ledger/core';
import type { MeetingEvent } from './events.js';

/**
 * The ISO 8601 week of an instant, e.g. `2024-W37`, taken in UTC: close enough for meetings held in
 * school hours (UK time is UTC or UTC+1).
 */
export const isoWeek = (instant: Instant): string => {
  const date = new Date(instant);
  const weekday = date.getUTCDay() || 7;
  // The ISO week belongs to the year of its Thursday.
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - weekday);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export interface WeekTotal {
  readonly meetings: number;
  readonly minutes: number;
}

export interface TraineeWeeks {
  readonly traineeName?: string | Erased;
  /** Meetings that count, by number: a correction or withdrawal must find the week it belongs to. */
  readonly meetings: Readonly<Record<number, { readonly week: string; readonly minutes: number }>>;
  readonly weeks: Readonly<Record<string, WeekTotal>>;
}

const addToWeek = (weeks: TraineeWeeks['weeks'], week: string, meetings: number, minutes: number): TraineeWeeks['weeks'] => {
  const before = weeks[week] ?? { meetings: 0, minutes: 0 };
  return { ...weeks, [week]: { meetings: before.meetings + meetings, minutes: before.minutes + minutes } };
};

/** Minutes of mentor meetings per trainee per ISO week of the meeting (its occurredAt). */
export const weeklyMentorMinutes = definePartitionedProjection<MeetingEvent, TraineeWeeks>({
  name: 'weekly-mentor-minutes',
  partitionBy: (event) => event.data.traineeId,
  initialState: () => ({ meetings: {}, weeks: {} }),
  handlers: {
    MentorMeetingRecorded: (state, event) => {
      const week = isoWeek(event.occurredAt);
      const { meetingNo, minutes, traineeName } = event.data;
      return {
        traineeName,
        meetings: { ...state.meetings, [meetingNo]: { week, minutes } },
        weeks: addToWeek(state.weeks, week, 1, minutes),
      };
    },
    MentorMeetingCorrected: (state, { data }) => {
      const meeting = state.meetings[data.meetingNo];
      if (meeting === undefined) return state;
      return {
        ...state,
        meetings: { ...state.meetings, [data.meetingNo]: { ...meeting, minutes: data.minutes } },
        weeks: addToWeek(state.weeks, meeting.week, 0, data.minutes - meeting.minutes),
      };
    },
    MentorMeetingWithdrawn: (state, { data }) => {
      const meeting = state.meetings[data.meetingNo];
      if (meeting === undefined) return state;
      const { [data.meetingNo]: _withdrawn, ...meetings } = state.meetings;
      return { ...state, meetings, weeks: addToWeek(state.weeks, meeting.week, -1, -meeting.minutes) };
    },
  },
});
