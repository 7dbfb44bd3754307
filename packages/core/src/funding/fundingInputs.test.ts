import { describe, expect, it } from 'vitest';
import { createEventRegistry } from '../kernel/registry.js';
import { runProjection } from '../kernel/projection.js';
import { mentorEventDefinitions } from '../mentor/events.js';
import { mentorTrainingEventDefinitions } from '../mentorTraining/events.js';
import { placementEventDefinitions } from '../placement/events.js';
import { schoolEventDefinitions } from '../school/events.js';
import { validatedStoredEvents } from '../testing/arbitraries/funding.js';
import { eligiblePlacementsFor, employedDuring, fundingInputs, trainingSessionsFor, type FundingInputEvent } from './fundingInputs.js';

const registry = createEventRegistry([...schoolEventDefinitions, ...mentorEventDefinitions, ...placementEventDefinitions, ...mentorTrainingEventDefinitions]);
const arranged = (placementId: string, mentorId: string, extra: { jobShareMentorId?: string; providerId?: string } = {}): FundingInputEvent => ({
  type: 'PlacementArranged',
  data: { placementId, traineeId: `t-${placementId}`, schoolId: 'school-1', providerId: extra.providerId ?? 'provider-1', academicYear: '2024/25', mentorId, startDate: '2024-09-09', endDate: '2025-02-07', ...(extra.jobShareMentorId ? { jobShareMentorId: extra.jobShareMentorId } : {}) },
});
const changed = (placementId: string, mentorId: string, previousMentorId: string, reason: 'mentor_withdrew' | 'job_share_added' | 'reallocated'): FundingInputEvent => ({
  type: 'PlacementMentorChanged',
  data: { placementId, mentorId, previousMentorId, effectiveFrom: '2024-11-04', reason },
});
const session = (sessionId: string, date: string, minutes: number, providerId = 'provider-1', academicYear?: '2024/25' | '2025/26'): FundingInputEvent => ({
  type: 'MentorTrainingSessionCompleted',
  data: { sessionId, mentorId: 'm-a', providerId, date, minutes, mode: 'full_day_conference', purpose: 'initial', ...(academicYear ? { academicYear } : {}) },
});

const events: FundingInputEvent[] = [
  { type: 'SchoolRegistered', data: { schoolId: 'school-1', providerId: 'provider-1', name: 'Oak Primary', phase: 'primary', region: 'fringe' } },
  { type: 'MentorRegistered', data: { mentorId: 'm-a', schoolId: 'school-1', name: 'Ada' } },
  { type: 'MentorRegistered', data: { mentorId: 'm-b', schoolId: 'school-1', name: 'Ben' } },
  { type: 'MentorMovedSchool', data: { mentorId: 'm-b', schoolId: 'school-2', previousSchoolId: 'school-1', effectiveFrom: '2025-09-01' } },
  arranged('p-1', 'm-a'),
  arranged('p-2', 'm-b', { jobShareMentorId: 'm-c' }),
  arranged('p-3', 'm-d'),
  changed('p-3', 'm-e', 'm-d', 'reallocated'),
  arranged('p-4', 'm-f'),
  changed('p-4', 'm-g', 'm-f', 'mentor_withdrew'),
  arranged('p-5', 'm-a', { providerId: 'provider-2' }),
  changed('p-2', 'm-h', 'm-b', 'job_share_added'),
  session('s-1', '2024-10-01', 300),
  session('s-2', '2024-06-10', 120, 'provider-1', '2024/25'),
  session('s-3', '2024-11-01', 60, 'provider-2'),
  session('s-4', '2025-06-10', 600, 'provider-1', '2025/26'),
  session('s-5', '2024-12-01', 90),
  { type: 'MentorTrainingSessionCorrected', data: { sessionId: 's-1', mentorId: 'm-a', date: '2024-10-02', minutes: 240, mode: 'full_day_conference', reason: 'left early' } },
  { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's-5', mentorId: 'm-a', reason: 'never held' } },
];
const state = runProjection(fundingInputs, validatedStoredEvents(registry, events.map((event) => ({ ...event, recordedAt: '2024-12-02T09:00:00.000Z' }))));

describe('funding inputs', () => {
  it("keeps a school's region", () => {
    expect(state.schools.get('school-1')).toEqual({ providerId: 'provider-1', region: 'fringe', name: 'Oak Primary' });
  });

  it('funds one mentor per trainee, unless the mentor withdrew or a job-share', () => {
    const eligible = (mentorId: string, providerId = 'provider-1') => eligiblePlacementsFor(state, mentorId, providerId, '2024/25');
    expect(eligible('m-a')).toEqual(['p-1']);
    expect(eligible('m-a', 'provider-2')).toEqual(['p-5']);
    expect([eligible('m-b'), eligible('m-c'), eligible('m-h')]).toEqual([['p-2'], ['p-2'], ['p-2']]);
    expect([eligible('m-d'), eligible('m-e')]).toEqual([[], ['p-3']]);
    expect([eligible('m-f'), eligible('m-g')]).toEqual([['p-4'], ['p-4']]);
    expect(eligiblePlacementsFor(state, 'm-a', 'provider-1', '2025/26')).toEqual([]);
  });

  it("takes a mentor's sessions with the provider for the year they count for, as corrected, withdrawn ones left out", () => {
    expect(trainingSessionsFor(state, 'm-a', 'provider-1', '2024/25')).toEqual([
      { date: '2024-10-02', minutes: 240 },
      { date: '2024-06-10', minutes: 120 },
    ]);
    expect(trainingSessionsFor(state, 'm-a', 'provider-1', '2025/26')).toEqual([{ date: '2025-06-10', minutes: 600 }]);
    expect(trainingSessionsFor(state, 'm-a', 'provider-2', '2024/25')).toEqual([{ date: '2024-11-01', minutes: 60 }]);
  });

  it('knows which school employed a mentor in a year', () => {
    expect(employedDuring(state, 'm-b', 'school-1', '2024/25')).toBe(true);
    expect(employedDuring(state, 'm-b', 'school-1', '2025/26')).toBe(false);
    expect(employedDuring(state, 'm-b', 'school-2', '2025/26')).toBe(true);
    expect(employedDuring(state, 'm-b', 'school-2', '2024/25')).toBe(false);
    expect(employedDuring(state, 'm-z', 'school-1', '2024/25')).toBe(false);
  });
});
