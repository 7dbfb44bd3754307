import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { asStoredEvents } from '../testing/arbitraries/mentors.js';
import { leadMentorCaseload } from './caseload.js';
import { leadMentorCaseloadProjection, type CaseloadEvent } from './caseloadProjection.js';

const placement = (placementId: string, traineeId: string, mentorId: string, schoolId = 's1', providerId = 'p1'): CaseloadEvent => ({
  type: 'PlacementArranged',
  data: { placementId, traineeId, schoolId, providerId, academicYear: '2024/25', mentorId, startDate: '2024-09-16', endDate: '2024-12-13' },
});
const checkIn = (checkInId: string, subject: 'mentor' | 'trainee', subjectId: string, date: string): CaseloadEvent => ({
  type: 'LeadMentorCheckInRecorded',
  data: { checkInId, leadMentorId: 'lm1', schoolId: 's1', subject, subjectId, date, mode: 'visit' },
});
const history: CaseloadEvent[] = [
  { type: 'SchoolRegistered', data: { schoolId: 's1', providerId: 'p1', name: 'Horton Grange Primary', phase: 'primary', region: 'rest_of_england' } },
  { type: 'MentorRegistered', data: { mentorId: 'm1', schoolId: 's1', name: 'Asha Patel' } },
  { type: 'MentorRegistered', data: { mentorId: 'm2', schoolId: 's1', name: 'Ben Okoro' } },
  { type: 'TraineeRegistered', data: { traineeId: 't1', providerId: 'p1', name: 'Cara Singh', academicYear: '2024/25', route: { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } } },
  { type: 'LeadMentorAppointed', data: { leadMentorId: 'lm1', providerId: 'p1', appointedOn: '2024-09-02' } },
  { type: 'LeadMentorSchoolAssigned', data: { leadMentorId: 'lm1', schoolId: 's1', from: '2024-09-02' } },
  placement('pl1', 't1', 'm1'),
  placement('pl2', 't2', 'm2'),
  placement('pl3', 't3', 'm3', 's1', 'other-provider'),
  placement('pl4', 't4', 'm4', 's2'),
  checkIn('c1', 'trainee', 't1', '2024-09-20'),
  checkIn('c2', 'mentor', 'm1', '2024-10-01'),
  checkIn('c3', 'trainee', 't2', '2024-10-02'),
  {
    type: 'JointObservationRecorded',
    data: { observationId: 'o1', traineeId: 't1', placementId: 'pl1', schoolId: 's1', leadMentorId: 'lm1', mentorId: 'm1', date: '2024-10-08', focus: 'behaviour', feedbackForTrainee: 'f', feedbackForMentor: 'g' },
  },
  { type: 'LeadMentorSupervisionRecorded', data: { supervisionId: 'v1', leadMentorId: 'lm1', kind: 'training', mentorIds: ['m1', 'm2'], date: '2024-09-25', minutes: 90, focus: 'coaching' } },
];
const fold = (events: readonly CaseloadEvent[]) => runProjection(leadMentorCaseloadProjection, asStoredEvents(events));

describe('lead mentor caseload', () => {
  it('lists the schools, mentors and trainees of the provider, with joint observations and supervision', () => {
    const caseload = leadMentorCaseload(fold(history), 'lm1', { today: '2024-10-10' })!;
    expect(caseload.checkInIntervalDays).toBe(14);
    const [school] = caseload.schools;
    expect(school).toMatchObject({ schoolId: 's1', name: 'Horton Grange Primary', since: '2024-09-02' });
    expect(school?.trainees.map((t) => t.traineeId)).toEqual(['t1', 't2']);
    expect(school?.mentors.map((m) => [m.mentorId, m.name, m.traineeIds, m.supervisions])).toEqual([
      ['m1', 'Asha Patel', ['t1'], 1],
      ['m2', 'Ben Okoro', ['t2'], 1],
    ]);
    expect(school?.trainees[0]).toMatchObject({ name: 'Cara Singh', jointObservations: 1, lastJointObservation: '2024-10-08', lastCheckIn: '2024-09-20', dueBy: '2024-10-04', overdue: true });
  });

  it('flags overdue check-ins against "today", from the start of the placement when there was none', () => {
    const { overdue } = leadMentorCaseload(fold(history), 'lm1', { today: '2024-10-10' })!;
    // m2 has had no check-in since the placement started on 16 Sept: due 30 Sept.
    expect(overdue.map((o) => [o.subject, o.id, o.dueBy, o.daysOverdue])).toEqual([
      ['mentor', 'm2', '2024-09-30', 10],
      ['trainee', 't1', '2024-10-04', 6],
    ]);
    const later = leadMentorCaseload(fold(history), 'lm1', { today: '2024-10-10', checkInIntervalDays: 28 })!;
    expect(later.overdue).toEqual([]);
  });

  it('does not count withdrawn check-ins, nor flag anyone after the placement ends', () => {
    const withdrawn: CaseloadEvent = { type: 'LeadMentorCheckInWithdrawn', data: { checkInId: 'c2', leadMentorId: 'lm1', reason: 'wrong mentor' } };
    const caseload = leadMentorCaseload(fold([...history, withdrawn]), 'lm1', { today: '2024-10-10' })!;
    expect(caseload.overdue.map((o) => o.id)).toEqual(['m1', 'm2', 't1']);
    const ended: CaseloadEvent = { type: 'PlacementEndedEarly', data: { placementId: 'pl2', lastDay: '2024-10-04', reason: 'trainee_withdrew' } };
    expect(leadMentorCaseload(fold([...history, ended]), 'lm1', { today: '2024-10-10' })!.overdue.map((o) => o.id)).toEqual(['t1']);
  });

  it('follows a change of mentor, a released school and the end of the appointment', () => {
    const changed: CaseloadEvent = { type: 'PlacementMentorChanged', data: { placementId: 'pl2', mentorId: 'm5', previousMentorId: 'm2', effectiveFrom: '2024-10-07', reason: 'mentor_withdrew' } };
    const school = leadMentorCaseload(fold([...history, changed]), 'lm1', { today: '2024-10-10' })!.schools[0];
    expect(school?.mentors.map((m) => m.mentorId)).toEqual(['m1', 'm5']);
    const released: CaseloadEvent = { type: 'LeadMentorSchoolReleased', data: { leadMentorId: 'lm1', schoolId: 's1', releasedOn: '2024-10-09' } };
    expect(leadMentorCaseload(fold([...history, released]), 'lm1', { today: '2024-10-10' })!.schools).toEqual([]);
    const ended: CaseloadEvent = { type: 'LeadMentorAppointmentEnded', data: { leadMentorId: 'lm1', endedOn: '2024-10-09', reason: 'r' } };
    expect(leadMentorCaseload(fold([...history, ended]), 'lm1', { today: '2024-10-10' })!.schools).toEqual([]);
    expect(leadMentorCaseload(fold(history), 'nobody', { today: '2024-10-10' })).toBeUndefined();
  });
});
