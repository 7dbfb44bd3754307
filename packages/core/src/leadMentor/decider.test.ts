import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RecordCheckIn, RecordSupervision } from './commands.js';
import { inCaseloadOn, leadMentorDecider } from './decider.js';
import type { LeadMentorEvent as Event } from './events.js';

const spec = deciderSpec(leadMentorDecider);
const appointed: Event = { type: 'LeadMentorAppointed', data: { leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2024-09-02' } };
const assigned: Event = { type: 'LeadMentorSchoolAssigned', data: { leadMentorId: 'lm1', schoolId: 's1', from: '2024-09-02' } };
const released: Event = { type: 'LeadMentorSchoolReleased', data: { leadMentorId: 'lm1', schoolId: 's1', releasedOn: '2024-12-20' } };
const ended: Event = { type: 'LeadMentorAppointmentEnded', data: { leadMentorId: 'lm1', endedOn: '2025-07-18', reason: 'promoted' } };
const checkIn: RecordCheckIn = { type: 'RecordCheckIn', checkInId: 'c1', schoolId: 's1', subject: 'trainee', subjectId: 't1', date: '2024-10-01', mode: 'visit', note: 'settling in well' };
const checkedIn: Event = {
  type: 'LeadMentorCheckInRecorded',
  data: { checkInId: 'c1', schoolId: 's1', subject: 'trainee', subjectId: 't1', date: '2024-10-01', mode: 'visit', note: 'settling in well', leadMentorId: 'lm1' },
};
const supervise: RecordSupervision = { type: 'RecordSupervision', supervisionId: 'v1', kind: 'training', mentorIds: ['m1', 'm2'], schoolId: 's1', date: '2024-10-10', minutes: 90, focus: 'Instructional coaching' };

describe('lead mentor decider', () => {
  it('appoints a mentor to the role, ends it, and may appoint again later', () => {
    spec.given().when({ type: 'AppointLeadMentor', leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2024-09-02' }).then([appointed]);
    spec.given([appointed]).when({ type: 'AppointLeadMentor', leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2024-09-03' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.already-appointed' });
    spec.given([appointed]).when({ type: 'EndLeadMentorAppointment', endedOn: '2025-07-18', reason: 'promoted' }).then([ended]);
    spec.given([appointed]).when({ type: 'EndLeadMentorAppointment', endedOn: '2024-08-01', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order', field: 'endedOn' });
    spec.given().when({ type: 'EndLeadMentorAppointment', endedOn: '2025-07-18', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.not-appointed' });
    spec
      .given([appointed, ended])
      .when({ type: 'AppointLeadMentor', leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2025-09-01' })
      .then([{ type: 'LeadMentorAppointed', data: { leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2025-09-01' } }]);
    spec.given([appointed, ended]).when({ type: 'AppointLeadMentor', leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2025-01-01' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order' });
    spec.given([appointed, ended]).when({ type: 'AppointLeadMentor', leadMentorId: 'x', providerId: 'p1', appointedOn: '2025-09-01' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.wrong-mentor' });
    spec.given().when({ type: 'AppointLeadMentor', leadMentorId: '', providerId: 'p1', appointedOn: '2024-09-02' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.invalid', field: 'leadMentorId' });
  });

  it('assigns and releases schools', () => {
    spec.given([appointed]).when({ type: 'AssignSchoolToLeadMentor', schoolId: 's1', from: '2024-09-02' }).then([assigned]);
    spec.given([appointed, assigned]).when({ type: 'AssignSchoolToLeadMentor', schoolId: 's1', from: '2024-09-09' }).thenNothingHappens();
    spec.given([appointed]).when({ type: 'AssignSchoolToLeadMentor', schoolId: 's1', from: '2024-08-01' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order', field: 'from' });
    spec.given([appointed, assigned]).when({ type: 'ReleaseSchoolFromLeadMentor', schoolId: 's1', releasedOn: '2024-12-20' }).then([released]);
    spec.given([appointed]).when({ type: 'ReleaseSchoolFromLeadMentor', schoolId: 's1', releasedOn: '2024-12-20' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.school-not-in-caseload' });
    spec.given([appointed, assigned]).when({ type: 'ReleaseSchoolFromLeadMentor', schoolId: 's1', releasedOn: '2024-08-20' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order' });
    spec.given([appointed, assigned, released]).when({ type: 'AssignSchoolToLeadMentor', schoolId: 's1', from: '2024-12-01' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order' });
    const state = spec.given([appointed, assigned, released]).when({ type: 'AssignSchoolToLeadMentor', schoolId: 's1', from: '2025-01-06' }).then([
      { type: 'LeadMentorSchoolAssigned', data: { leadMentorId: 'lm1', schoolId: 's1', from: '2025-01-06' } },
    ]);
    const periods = state.status === 'not_appointed' ? undefined : state.schools.get('s1');
    expect([inCaseloadOn(periods, '2024-10-01'), inCaseloadOn(periods, '2024-12-25'), inCaseloadOn(periods, '2025-02-01')]).toEqual([true, false, true]);
  });

  it('records check-ins at schools in the caseload on the day, and withdraws them', () => {
    spec.given([appointed, assigned]).when(checkIn).then([checkedIn]);
    spec.given([appointed, assigned, checkedIn]).when(checkIn).thenThrows(CommandRejectedError, { reason: 'leadMentor.duplicate-check-in', field: 'checkInId' });
    spec.given([appointed]).when(checkIn).thenThrows(CommandRejectedError, { reason: 'leadMentor.school-not-in-caseload', field: 'schoolId' });
    spec.given([appointed, assigned, released]).when({ ...checkIn, date: '2025-01-10' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.school-not-in-caseload' });
    spec.given([appointed, assigned, ended]).when(checkIn).thenThrows(CommandRejectedError, { reason: 'leadMentor.appointment-ended' });
    spec.given([appointed, assigned]).when({ ...checkIn, mode: 'carrier pigeon' as never }).thenThrows(CommandRejectedError, { reason: 'leadMentor.invalid', field: 'mode' });
    const withdrawn: Event = { type: 'LeadMentorCheckInWithdrawn', data: { checkInId: 'c1', leadMentorId: 'lm1', reason: 'wrong trainee' } };
    spec.given([appointed, assigned, checkedIn]).when({ type: 'WithdrawCheckIn', checkInId: 'c1', reason: 'wrong trainee' }).then([withdrawn]);
    spec.given([appointed, assigned, checkedIn, withdrawn]).when({ type: 'WithdrawCheckIn', checkInId: 'c1', reason: 'again' }).thenNothingHappens();
    spec.given([appointed]).when({ type: 'WithdrawCheckIn', checkInId: 'c1', reason: 'r' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.check-in-not-found' });
  });

  it('records supervision and training of school-based mentors', () => {
    const { type: _type, ...data } = supervise;
    const supervised: Event = { type: 'LeadMentorSupervisionRecorded', data: { ...data, mentorIds: ['m1', 'm2'], leadMentorId: 'lm1' } };
    spec.given([appointed, assigned]).when(supervise).then([supervised]);
    spec.given([appointed, assigned, supervised]).when(supervise).thenThrows(CommandRejectedError, { reason: 'leadMentor.duplicate-supervision', field: 'supervisionId' });
    spec.given([appointed, assigned]).when({ ...supervise, mentorIds: ['m1', 'm1'] }).thenThrows(CommandRejectedError, { reason: 'leadMentor.duplicate-mentor', field: 'mentorIds' });
    spec.given([appointed, assigned]).when({ ...supervise, mentorIds: [] }).thenThrows(CommandRejectedError, { reason: 'leadMentor.invalid', field: 'mentorIds' });
    spec.given([appointed]).when(supervise).thenThrows(CommandRejectedError, { reason: 'leadMentor.school-not-in-caseload' });
    spec.given([appointed]).when({ type: 'RecordSupervision', supervisionId: 'v1', kind: 'supervision', mentorIds: ['m1'], date: '2024-08-10', minutes: 30, focus: 'f' }).thenThrows(CommandRejectedError, { reason: 'leadMentor.date-out-of-order' });
  });
});
