import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RecordMentorMeeting, RecordMentoringContact } from './commands.js';
import { placementDecider } from './decider.js';
import { placementRegistry, type PlacementEvent } from './events.js';
import { recordsOf } from './state.js';

const spec = deciderSpec(placementDecider);
const arranged: PlacementEvent = {
  type: 'PlacementArranged',
  data: { placementId: 'p1', traineeId: 't1', schoolId: 's1', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', jobShareMentorId: 'm2', startDate: '2024-09-09', endDate: '2024-11-29' },
};
const meeting: RecordMentorMeeting = {
  type: 'RecordMentorMeeting',
  placementId: 'p1',
  recordId: 'r1',
  mentorId: 'm1',
  date: '2024-09-12',
  minutes: 60,
  present: [{ role: 'trainee' }, { role: 'mentor', personId: 'm1' }],
  targetsDiscussed: ['questioning in maths'],
  reflection: 'I used cold calling and more pupils answered.',
};
const { type: _m, ...meetingData } = meeting;
const met = { type: 'MentorMeetingRecorded', data: { ...meetingData, traineeId: 't1' } } as PlacementEvent;
const contact: RecordMentoringContact = { type: 'RecordMentoringContact', placementId: 'p1', recordId: 'r2', mentorId: 'm2', date: '2024-09-13', minutes: 30, kind: 'instructional_coaching' };
const { type: _c, ...contactData } = contact;
const contacted: PlacementEvent = { type: 'MentoringContactRecorded', data: { ...contactData, traineeId: 't1' } };
const correct = { type: 'CorrectMentoringRecord', placementId: 'p1', recordId: 'r1', date: '2024-09-12', minutes: 90, reason: 'it ran on' } as const;
const corrected: PlacementEvent = { type: 'MentoringRecordCorrected', data: { placementId: 'p1', recordId: 'r1', traineeId: 't1', date: '2024-09-12', minutes: 90, reason: 'it ran on' } };
const withdraw = { type: 'WithdrawMentoringRecord', placementId: 'p1', recordId: 'r1', reason: 'logged twice' } as const;
const withdrawn: PlacementEvent = { type: 'MentoringRecordWithdrawn', data: { placementId: 'p1', recordId: 'r1', traineeId: 't1', reason: 'logged twice' } };
const refused = (reason: string, field: string) => [CommandRejectedError, { reason, field }] as const;

describe('mentoring records', () => {
  it('records a weekly meeting and other contact, taking the trainee from the placement', () => {
    const state = spec.given([arranged]).when(meeting).then([met]);
    expect(recordsOf(state).get('r1')).toEqual({ recordId: 'r1', kind: 'weekly_meeting', mentorId: 'm1', date: '2024-09-12', minutes: 60, withdrawn: false });
    spec.given([arranged, met]).when(contact).then([contacted]);
  });

  it('corrects and withdraws by new events, never editing', () => {
    const state = spec.given([arranged, met]).when(correct).then([corrected]);
    expect(recordsOf(state).get('r1')?.minutes).toBe(90);
    spec.given([arranged, met]).when({ ...correct, minutes: 60 }).thenNothingHappens();
    const gone = spec.given([arranged, met]).when(withdraw).then([withdrawn]);
    expect(recordsOf(gone).get('r1')?.withdrawn).toBe(true);
    spec.given([arranged, met, withdrawn]).when(withdraw).thenNothingHappens();
  });

  it('refuses a record outside the placement, of an absurd length, or by someone not mentoring then', () => {
    const given = spec.given([arranged]);
    spec.given().when(meeting).thenThrows(...refused('placement.not-arranged', 'placementId'));
    given.when({ ...meeting, date: '2024-09-08' }).thenThrows(...refused('record.outside-placement', 'date'));
    given.when({ ...meeting, date: '2024-11-30' }).thenThrows(...refused('record.outside-placement', 'date'));
    for (const minutes of [0, -30, 1.5, 481, Number.NaN]) given.when({ ...meeting, minutes }).thenThrows(...refused('record.minutes-out-of-range', 'minutes'));
    given.when({ ...meeting, mentorId: 'm9' }).thenThrows(...refused('record.mentor-not-on-placement', 'mentorId'));
    given.when({ ...meeting, present: [] }).thenThrows(...refused('record.invalid', 'present'));
    given.when({ ...contact, kind: 'gossip' as never }).thenThrows(...refused('record.invalid', 'kind'));
    spec.given([arranged, met]).when(meeting).thenThrows(...refused('record.duplicate-id', 'recordId'));
  });

  it('refuses a record on an ended placement', () => {
    const completed: PlacementEvent = { type: 'PlacementCompleted', data: { placementId: 'p1', completedOn: '2024-11-29' } };
    spec.given([arranged, completed]).when(meeting).thenThrows(...refused('placement.ended', 'placementId'));
    spec.given([arranged, met, completed]).when(correct).thenThrows(...refused('placement.ended', 'placementId'));
    spec.given([arranged, met, completed]).when(withdraw).thenThrows(...refused('placement.ended', 'placementId'));
  });

  it('refuses to correct or withdraw a record that is not there, or to correct a withdrawn one', () => {
    spec.given([arranged]).when(correct).thenThrows(...refused('record.not-found', 'recordId'));
    spec.given([arranged]).when(withdraw).thenThrows(...refused('record.not-found', 'recordId'));
    spec.given([arranged, met, withdrawn]).when(correct).thenThrows(...refused('record.withdrawn', 'recordId'));
    spec.given([arranged, met]).when({ ...correct, date: '2024-12-02' }).thenThrows(...refused('record.outside-placement', 'date'));
    spec.given([arranged, met]).when({ ...correct, minutes: 0 }).thenThrows(...refused('record.minutes-out-of-range', 'minutes'));
    spec.given([arranged, met]).when({ ...correct, reason: '' }).thenThrows(...refused('record.invalid', 'reason'));
  });

  it('accepts a record by the new mentor only from the day the change takes effect', () => {
    const changed: PlacementEvent = { type: 'PlacementMentorChanged', data: { placementId: 'p1', mentorId: 'm3', previousMentorId: 'm1', effectiveFrom: '2024-10-14', reason: 'reallocated' } };
    spec.given([arranged, changed]).when({ ...meeting, mentorId: 'm3', date: '2024-10-11' }).thenThrows(...refused('record.mentor-not-on-placement', 'mentorId'));
    spec.given([arranged, changed]).when({ ...meeting, mentorId: 'm1', date: '2024-10-14' }).thenThrows(...refused('record.mentor-not-on-placement', 'mentorId'));
    spec.given([arranged, changed]).when({ ...meeting, mentorId: 'm3', date: '2024-10-14' }).then([{ type: 'MentorMeetingRecorded', data: { ...met.data, mentorId: 'm3', date: '2024-10-14' } } as PlacementEvent]);
  });

  it('marks the trainee’s reflection, targets and notes as their personal data', () => {
    expect(placementRegistry.personalData('MentorMeetingRecorded').map((field) => field.path.join('.'))).toEqual(['targetsDiscussed.*', 'reflection']);
    expect(placementRegistry.personalData('MentoringContactRecorded').map((field) => field.path.join('.'))).toEqual(['note']);
  });
});
