import { CommandRejectedError } from '@itt-ledger/core';
import { deciderSpec } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { meetingLogDecider, type MeetingCommand } from './decider.js';
import { meetingRegistry, type MeetingEvent } from './events.js';
import { isoWeek } from './projection.js';
import { runKernelTour } from './tour.js';

const lineWith = (output: string, text: string): string => output.split('\n').find((line) => line.includes(text)) ?? '';

describe('kernel tour', () => {
  it('prints byte-identical output on every run', async () => {
    const first = await runKernelTour();
    const second = await runKernelTour();
    expect(second).toBe(first);
  });

  it('shows the outcomes the tour is for', async () => {
    const output = await runKernelTour();
    expect(output).toContain('rebuilt equals inline: yes');
    expect(output).toContain('refused meeting.minutes-out-of-range (minutes): a meeting lasts 1–240 whole minutes, not 300');
    expect(output).toContain('refused meeting.not-found (meetingNo): there is no meeting #9 in this log');
    expect(output).toContain('refused meeting.withdrawn (meetingNo)');
    expect(output).toContain('alreadyHandled=true');
    expect(lineWith(output, 'the same, resent after a timeout')).toContain('already handled: nothing appended');
    expect(lineWith(output, 'phone: coaching 25 min')).toContain('rev 5: MentorMeetingRecorded #5 (attempt 2)');
    expect(output).toContain("attempts=2, and it became meeting #5 beside the laptop's #4");
    expect(output).toContain("read back: schemaVersion 2, data fields traineeId, traineeName, meetingNo, minutes, kind; kind = 'weekly'");
    expect(lineWith(output, 'what was known then')).toMatch(/\b8\s+#1 #2 #3 #4 #5\s+210$/);
    expect(lineWith(output, 'what had happened then')).toMatch(/\b9\s+#1 #2 #3 #4 #5 #7\s+270$/);
    expect(output).toContain('they differ by #7 weekly, 60 min: occurred 2024-09-24 13:30, recorded 2024-09-30 08:00');
    // The correction is a new event and the original is kept.
    expect(output).toMatch(/2 {2}MentorMeetingRecorded .* #3 weekly, 45 min/);
    expect(output).toMatch(/3 {2}MentorMeetingCorrected .* #3 now 75 min/);
    expect(output.split('\n').length).toBeLessThan(120);
  });
});

describe('the illustrative model', () => {
  const spec = deciderSpec(meetingLogDecider);
  const recorded = (meetingNo: number, minutes: number): MeetingEvent => ({
    type: 'MentorMeetingRecorded',
    data: { traineeId: 't1', traineeName: 'Ada', meetingNo, minutes, kind: 'weekly' },
  });
  const record: MeetingCommand = { type: 'RecordMentorMeeting', traineeId: 't1', traineeName: 'Ada', kind: 'weekly', minutes: 45 };

  it('numbers meetings from the state and refuses what cannot be', () => {
    spec.given([recorded(1, 60)]).when(record).then([recorded(2, 45)]);
    spec.given().when({ ...record, minutes: 0 }).thenThrows(CommandRejectedError, { reason: 'meeting.minutes-out-of-range', field: 'minutes' });
    spec.given().when({ type: 'CorrectMentorMeeting', meetingNo: 1, minutes: 30, reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'meeting.not-found' });
    spec.given([recorded(1, 60)]).when({ type: 'CorrectMentorMeeting', meetingNo: 1, minutes: 60, reason: 'r' }).thenNothingHappens();
  });

  it('marks the trainee name as personal data in both schema versions', () => {
    for (const version of [1, 2]) {
      expect(meetingRegistry.personalData('MentorMeetingRecorded', version)).toEqual([
        { path: ['traineeName'], subjectField: 'traineeId', category: 'ordinary' },
      ]);
    }
  });

  it('puts instants in their ISO week', () => {
    expect(isoWeek('2024-09-09T00:00:00.000Z')).toBe('2024-W37');
    expect(isoWeek('2024-09-15T23:59:00.000Z')).toBe('2024-W37');
    expect(isoWeek('2024-12-30T12:00:00.000Z')).toBe('2025-W01');
    expect(isoWeek('2021-01-03T12:00:00.000Z')).toBe('2020-W53');
  });
});
