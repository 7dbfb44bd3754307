import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../kernel/errors.js';
import { runProjection } from '../kernel/projection.js';
import { asStoredEvents } from '../testing/arbitraries/mentors.js';
import { notYetCompliant, trainingCompliance } from './compliance.js';
import { trainingComplianceProjection, type TrainingComplianceEvent } from './complianceProjection.js';
import type { TrainingMode } from './events.js';

let n = 0;
const session = (mentorId: string, minutes: number, mode: TrainingMode = 'full_day_conference', extra: Record<string, unknown> = {}): TrainingComplianceEvent =>
  ({
    type: 'MentorTrainingSessionCompleted',
    data: { sessionId: `s${++n}`, mentorId, providerId: 'p1', date: '2024-10-05', minutes, mode, purpose: 'initial', academicYear: '2024/25', ...extra },
  });
const registered = (mentorId: string, name: string): TrainingComplianceEvent => ({ type: 'MentorRegistered', data: { mentorId, schoolId: 'school-1', name } });
const placed = (placementId: string, mentorId: string): TrainingComplianceEvent => ({
  type: 'PlacementArranged',
  data: { placementId, traineeId: `t-${placementId}`, schoolId: 'school-1', providerId: 'p1', academicYear: '2024/25', mentorId, startDate: '2024-09-16', endDate: '2024-12-13' },
});
const fold = (events: readonly TrainingComplianceEvent[]) => runProjection(trainingComplianceProjection, asStoredEvents(events));

describe('training compliance', () => {
  const history = [
    registered('m1', 'Asha Patel'),
    registered('m2', 'Ben Okoro'),
    placed('pl1', 'm1'),
    placed('pl2', 'm2'),
    session('m1', 6 * 60, 'full_day_conference'),
    session('m1', 6 * 60, 'full_day_conference'),
    session('m1', 4 * 60, 'asynchronous_self_paced'),
    session('m1', 2 * 60, 'synchronous_online_twilight'),
    session('m1', 2 * 60, 'placement_specific_support'),
    session('m2', 6 * 60, 'full_day_conference'),
    session('m2', 4 * 60, 'synchronous_online_twilight'),
  ];

  it('measures hours against the DfE minimum while it stood (20 h until 12 Nov 2024)', () => {
    const [m1, m2] = trainingCompliance(fold(history), { today: '2024-11-01' });
    expect(m1).toMatchObject({ mentorId: 'm1', mentorName: 'Asha Patel', trainedMinutes: 1200, sessionCount: 5, status: 'compliant', remainingMinutes: 0, placementsMentored: 1 });
    expect(m1?.minutesByMode).toEqual({ full_day_conference: 720, asynchronous_self_paced: 240, synchronous_online_twilight: 120, placement_specific_support: 120 });
    expect(m1?.requiredMinutes).toEqual({ minutes: 1200, basis: 'dfe' });
    expect(m2).toMatchObject({ mentorId: 'm2', trainedMinutes: 600, remainingMinutes: 600, status: 'in_progress', deadline: { date: '2025-05-31', basis: 'dfe_training_window' } });
    expect(m2?.dfeMinimum).toMatchObject({ minutes: 1200, quote: '20 hours' });
  });

  it('says honestly that there is no DfE minimum from 13 Nov 2024, and what it was', () => {
    const [, m2] = trainingCompliance(fold(history), { today: '2024-11-13' });
    expect(m2?.dfeMinimum).toMatchObject({ minutes: null, ruleSetValidFrom: '2024-11-13', previously: { minutes: 1200, until: '2024-11-12' } });
    expect(m2?.dfeMinimum.quote).toContain('removed with immediate effect on 13 Nov 2024');
    expect(m2?.status).toBe('no_requirement');
    expect(m2).not.toHaveProperty('requiredMinutes');
  });

  it("applies the provider's own requirement and deadline when it set one, beside the DfE minimum", () => {
    const requirement: TrainingComplianceEvent = {
      type: 'ProviderTrainingRequirementSet',
      data: { providerId: 'p1', academicYear: '2024/25', initialMinutes: 12 * 60, refresherMinutes: 3 * 60, effectiveFrom: '2024-11-13', completeBy: '2025-01-31' },
    };
    const state = fold([...history, requirement]);
    const before = trainingCompliance(state, { today: '2024-11-12', mentorId: 'm2' })[0];
    expect(before?.requiredMinutes).toEqual({ minutes: 1200, basis: 'dfe' });
    const [m2] = trainingCompliance(state, { today: '2024-12-01', mentorId: 'm2' });
    expect(m2).toMatchObject({ requiredMinutes: { minutes: 720, basis: 'provider' }, remainingMinutes: 120, status: 'in_progress', deadline: { date: '2025-01-31', basis: 'provider' } });
    expect(m2?.dfeMinimum.minutes).toBeNull();
    const [late] = trainingCompliance(state, { today: '2025-02-01', mentorId: 'm2' });
    expect(late?.status).toBe('overdue');
    expect(notYetCompliant(trainingCompliance(state, { today: '2025-02-01' })).map((row) => row.mentorId)).toEqual(['m2']);
  });

  it('shows prior learning apart: it reduces the requirement, never the minutes trained', () => {
    const prior: TrainingComplianceEvent = {
      type: 'MentorPriorLearningRecognised',
      data: { recognitionId: 'r1', mentorId: 'm2', providerId: 'p1', academicYear: '2024/25', kind: 'ecf_mentor_training', minutes: 600, recognisedBy: 'tutor-9', recognisedOn: '2024-09-20' },
    };
    const [m2] = trainingCompliance(fold([...history, prior]), { today: '2024-11-01', mentorId: 'm2' });
    expect(m2).toMatchObject({ trainedMinutes: 600, priorLearningMinutes: 600, remainingMinutes: 0, status: 'compliant' });
    expect(m2?.priorLearning).toEqual([{ recognitionId: 'r1', kind: 'ecf_mentor_training', minutes: 600, recognisedBy: 'tutor-9', recognisedOn: '2024-09-20' }]);
    const withdrawn: TrainingComplianceEvent = { type: 'MentorPriorLearningWithdrawn', data: { recognitionId: 'r1', mentorId: 'm2', reason: 'no certificate' } };
    expect(trainingCompliance(fold([...history, prior, withdrawn]), { today: '2024-11-01', mentorId: 'm2' })[0]?.priorLearningMinutes).toBe(0);
  });

  it('applies corrections and withdrawals', () => {
    // m1's sessions are s1 to s5, in the order of the history.
    const state = fold([
      ...history,
      { type: 'MentorTrainingSessionCorrected', data: { sessionId: 's1', mentorId: 'm1', date: '2024-10-05', minutes: 300, mode: 'asynchronous_self_paced', reason: 'left early' } },
      { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's2', mentorId: 'm1', reason: 'never held' } },
    ]);
    const [m1] = trainingCompliance(state, { today: '2024-11-01', mentorId: 'm1' });
    expect(m1).toMatchObject({ trainedMinutes: 1200 - 360 - 60, sessionCount: 4, status: 'in_progress' });
    expect(m1?.minutesByMode).toMatchObject({ full_day_conference: 0, asynchronous_self_paced: 540 });
  });

  it('lists mentors on placements who have not trained, and treats earlier-year trainees as refresher mentors', () => {
    const earlier = session('m2', 60, 'full_day_conference', { academicYear: '2023/24', date: '2023-10-01' });
    const state = fold([registered('m2', 'Ben'), earlier, placed('pl9', 'm2')]);
    const [row] = trainingCompliance(state, { today: '2024-10-01', academicYear: '2024/25' });
    expect(row).toMatchObject({ mentorId: 'm2', purpose: 'refresher', trainedMinutes: 0, requiredMinutes: { minutes: 360, basis: 'dfe' }, placementsMentored: 1 });
  });

  it('refuses a day that is not a date', () => {
    expect(() => trainingCompliance(fold(history), { today: '1 Nov' })).toThrow(InvalidArgumentError);
  });
});
