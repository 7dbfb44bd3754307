import { CommandRejectedError, evolveWith, type Decider } from '@itt-ledger/core';
import { match } from 'ts-pattern';
import { MINUTES, type MeetingEvent, type MeetingKind } from './events.js';

export type MeetingCommand =
  | {
      readonly type: 'RecordMentorMeeting';
      readonly traineeId: string;
      readonly traineeName: string;
      readonly kind: MeetingKind;
      readonly minutes: number;
    }
  | { readonly type: 'CorrectMentorMeeting'; readonly meetingNo: number; readonly minutes: number; readonly reason: string }
  | { readonly type: 'WithdrawMentorMeeting'; readonly meetingNo: number; readonly reason: string };

export interface MeetingSummary {
  readonly kind: MeetingKind;
  readonly minutes: number;
  readonly withdrawn: boolean;
}

/** One trainee's log: every meeting ever recorded, withdrawn ones included, so numbers are never reused. */
export interface MeetingLogState {
  readonly traineeId?: string;
  readonly meetings: ReadonlyMap<number, MeetingSummary>;
}

const initialState: MeetingLogState = { meetings: new Map() };

const checkMinutes = (minutes: number): void => {
  if (!Number.isInteger(minutes) || minutes < MINUTES.min || minutes > MINUTES.max) {
    throw new CommandRejectedError(
      'meeting.minutes-out-of-range',
      `a meeting lasts ${MINUTES.min}–${MINUTES.max} whole minutes, not ${minutes}`,
      'minutes',
    );
  }
};

const findMeeting = (state: MeetingLogState, meetingNo: number): MeetingSummary & { readonly traineeId: string } => {
  const meeting = state.meetings.get(meetingNo);
  if (meeting === undefined || state.traineeId === undefined) {
    throw new CommandRejectedError('meeting.not-found', `there is no meeting #${meetingNo} in this log`, 'meetingNo');
  }
  return { ...meeting, traineeId: state.traineeId };
};

const withMeeting = (state: MeetingLogState, meetingNo: number, change: (meeting: MeetingSummary) => MeetingSummary): MeetingLogState => {
  const meeting = state.meetings.get(meetingNo);
  if (meeting === undefined) return state;
  return { ...state, meetings: new Map(state.meetings).set(meetingNo, change(meeting)) };
};

export const meetingLogDecider: Decider<MeetingCommand, MeetingEvent, MeetingLogState> = {
  initialState,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RecordMentorMeeting' }, (c): MeetingEvent[] => {
        checkMinutes(c.minutes);
        if (state.traineeId !== undefined && state.traineeId !== c.traineeId) {
          throw new CommandRejectedError('meeting.wrong-trainee', `this log belongs to ${state.traineeId}`, 'traineeId');
        }
        // Numbered from the state read, so a writer that lost a race gets the next number on its retry.
        const meetingNo = state.meetings.size + 1;
        const { traineeId, traineeName, kind, minutes } = c;
        return [{ type: 'MentorMeetingRecorded', data: { traineeId, traineeName, meetingNo, kind, minutes } }];
      })
      .with({ type: 'CorrectMentorMeeting' }, (c): MeetingEvent[] => {
        const meeting = findMeeting(state, c.meetingNo);
        if (meeting.withdrawn) {
          throw new CommandRejectedError('meeting.withdrawn', `meeting #${c.meetingNo} was withdrawn; record a new one instead`, 'meetingNo');
        }
        checkMinutes(c.minutes);
        if (meeting.minutes === c.minutes) return [];
        const { meetingNo, minutes, reason } = c;
        return [{ type: 'MentorMeetingCorrected', data: { traineeId: meeting.traineeId, meetingNo, minutes, reason } }];
      })
      .with({ type: 'WithdrawMentorMeeting' }, (c): MeetingEvent[] => {
        const meeting = findMeeting(state, c.meetingNo);
        if (meeting.withdrawn) return [];
        return [{ type: 'MentorMeetingWithdrawn', data: { traineeId: meeting.traineeId, meetingNo: c.meetingNo, reason: c.reason } }];
      })
      .exhaustive(),
  evolve: evolveWith<MeetingEvent, MeetingLogState>({
    MentorMeetingRecorded: (state, { data }) => ({
      traineeId: data.traineeId,
      meetings: new Map(state.meetings).set(data.meetingNo, { kind: data.kind, minutes: data.minutes, withdrawn: false }),
    }),
    MentorMeetingCorrected: (state, { data }) => withMeeting(state, data.meetingNo, (m) => ({ ...m, minutes: data.minutes })),
    MentorMeetingWithdrawn: (state, { data }) => withMeeting(state, data.meetingNo, (m) => ({ ...m, withdrawn: true })),
  }),
};

/** Meetings that still count, and their minutes. */
export const activeMeetings = (state: MeetingLogState): { readonly numbers: readonly number[]; readonly minutes: number } => {
  const numbers: number[] = [];
  let minutes = 0;
  for (const [no, meeting] of state.meetings) {
    if (meeting.withdrawn) continue;
    numbers.push(no);
    minutes += meeting.minutes;
  }
  return { numbers: numbers.sort((a, b) => a - b), minutes };
};
