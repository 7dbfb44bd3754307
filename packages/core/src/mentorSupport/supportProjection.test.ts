import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { asStoredEvents } from '../testing/arbitraries/mentors.js';
import { mentorSupportProjection, mentorSupportSummary, type MentorSupportReadEvent } from './supportProjection.js';

const placed = (placementId: string, traineeId: string, mentorId: string, academicYear: '2024/25' | '2025/26' = '2024/25'): MentorSupportReadEvent => ({
  type: 'PlacementArranged',
  data: { placementId, traineeId, schoolId: 's1', providerId: 'p1', academicYear, mentorId, startDate: '2024-09-16', endDate: '2024-12-13' },
});
const used = (weekOf: string, minutesUsed: number, minutesFromPpa?: number): MentorSupportReadEvent => ({
  type: 'MentorProtectedTimeUseRecorded',
  data: { mentorId: 'm1', weekOf, minutesUsed, ...(minutesFromPpa === undefined ? {} : { minutesFromPpa }) },
});
const history: MentorSupportReadEvent[] = [
  { type: 'MentorProtectedTimeAllocated', data: { mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 60, effectiveFrom: '2024-09-02' } },
  { type: 'MentorProtectedTimeAllocated', data: { mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 90, effectiveFrom: '2024-09-16' } },
  used('2024-09-09', 60),
  used('2024-09-16', 45, 30),
  used('2024-09-23', 90),
  used('2024-09-23', 100),
  used('2025-09-01', 10),
  placed('pl1', 't1', 'm1'),
  placed('pl2', 't2', 'm2'),
  { type: 'PlacementMentorChanged', data: { placementId: 'pl2', mentorId: 'm1', previousMentorId: 'm2', effectiveFrom: '2024-11-01', reason: 'mentor_withdrew' } },
  placed('pl3', 't3', 'm1', '2025/26'),
  { type: 'MentorRecognitionAwarded', data: { recognitionId: 'r1', mentorId: 'm1', kind: 'training_certificate', title: 'Initial mentor training', awardedOn: '2025-01-10', awardedBy: 'p1', academicYear: '2024/25' } },
  { type: 'MentorRecognitionAwarded', data: { recognitionId: 'r2', mentorId: 'm1', kind: 'accredited_hours', title: 'Mentoring module', awardedOn: '2025-02-10', awardedBy: 'uni', accreditedMinutes: 600 } },
  { type: 'MentorRecognitionAwarded', data: { recognitionId: 'r3', mentorId: 'm1', kind: 'title', title: 'Senior mentor', awardedOn: '2025-03-10', awardedBy: 's1' } },
  { type: 'MentorRecognitionRevoked', data: { recognitionId: 'r3', mentorId: 'm1', reason: 'issued in error' } },
];

describe('mentor support', () => {
  it('sets protected time allocated against used, week by week, with mentoring done in PPA time', () => {
    const summary = mentorSupportSummary(runProjection(mentorSupportProjection, asStoredEvents(history)), 'm1', '2024/25');
    expect(summary).toMatchObject({ allocatedMinutesPerWeek: 90, weeksRecorded: 3, allocatedMinutes: 60 + 90 + 90, usedMinutes: 60 + 45 + 100, minutesFromPpa: 30, weeksShort: 1 });
  });

  it('counts the trainees a mentor mentored in the year, and recognition not revoked', () => {
    const state = runProjection(mentorSupportProjection, asStoredEvents(history));
    const summary = mentorSupportSummary(state, 'm1', '2024/25');
    expect(summary.traineeCount).toBe(2);
    expect(summary.recognitions.map((r) => r.recognitionId)).toEqual(['r1', 'r2']);
    expect(summary.accreditedMinutes).toBe(600);
    expect(mentorSupportSummary(state, 'm2', '2024/25').traineeCount).toBe(1);
    expect(mentorSupportSummary(state, 'nobody', '2024/25')).toMatchObject({ weeksRecorded: 0, traineeCount: 0, recognitions: [] });
  });
});
