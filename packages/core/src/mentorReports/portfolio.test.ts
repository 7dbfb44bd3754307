import { describe, expect, it } from 'vitest';
import { runProjection } from '../kernel/projection.js';
import { asStoredEvents, exampleMdrFramework as framework } from '../testing/arbitraries/mentors.js';
import { mentorPortfolio } from './portfolio.js';
import { mentorPortfolioProjection, type PortfolioEvent } from './portfolioProjection.js';

const cycle = (academicYear: '2024/25' | '2025/26') => ({ mentorId: 'm1', academicYear }) as const;
const history: PortfolioEvent[] = [
  { type: 'MentorRegistered', data: { mentorId: 'm1', schoolId: 's1', name: 'Asha Patel' } },
  { type: 'MentorDevelopmentReviewStarted', data: { ...cycle('2024/25'), providerId: 'p1', startedOn: '2024-09-20', framework } },
  {
    type: 'MentorDevelopmentSelfRated',
    data: { ...cycle('2024/25'), stage: 'induction', ratedOn: '2024-09-27', ratings: [{ statementId: 'k1', level: 2 }, { statementId: 'k2', level: 1 }, { statementId: 'c1', level: 3 }, { statementId: 'c2', level: 3 }] },
  },
  { type: 'MentorDevelopmentPriorityAreaChosen', data: { ...cycle('2024/25'), areaId: 'knowledge', chosenOn: '2024-09-27' } },
  { type: 'MentorDevelopmentActionAdded', data: { ...cycle('2024/25'), actionId: 'x1', areaId: 'knowledge', origin: 'own', text: 'Attend a centre session', addedOn: '2024-09-27' } },
  { type: 'MentorDevelopmentActionCompleted', data: { ...cycle('2024/25'), actionId: 'x1', completedOn: '2024-11-05' } },
  { type: 'MentorDevelopmentSelfRated', data: { ...cycle('2024/25'), stage: 'revisit', ratedOn: '2025-01-15', ratings: [{ statementId: 'k2', level: 3 }] } },
  { type: 'MentorDevelopmentReflectionRecorded', data: { ...cycle('2024/25'), leadMentorId: 'lm1', reflectedOn: '2025-06-16', reflection: 'Sharper targets.' } },
  { type: 'MentorDevelopmentReviewCompleted', data: { ...cycle('2024/25'), completedOn: '2025-06-20' } },
  { type: 'MentorTrainingSessionCompleted', data: { sessionId: 's1', mentorId: 'm1', providerId: 'p1', date: '2024-10-05', minutes: 360, mode: 'full_day_conference', purpose: 'initial', academicYear: '2024/25' } },
  { type: 'MentorTrainingSessionCompleted', data: { sessionId: 's2', mentorId: 'm1', providerId: 'p1', date: '2024-10-12', minutes: 60, mode: 'synchronous_online_twilight', purpose: 'initial' } },
  { type: 'MentorTrainingSessionCorrected', data: { sessionId: 's2', mentorId: 'm1', date: '2024-10-12', minutes: 90, mode: 'synchronous_online_twilight', reason: 'ran over' } },
  { type: 'MentorTrainingSessionCompleted', data: { sessionId: 's3', mentorId: 'm1', providerId: 'p1', date: '2025-10-01', minutes: 360, mode: 'full_day_conference', purpose: 'refresher', academicYear: '2025/26' } },
  { type: 'MentorTrainingSessionWithdrawn', data: { sessionId: 's3', mentorId: 'm1', reason: 'not held' } },
  {
    type: 'MentorPriorLearningRecognised',
    data: { recognitionId: 'r1', mentorId: 'm1', providerId: 'p1', academicYear: '2024/25', kind: 'ecf_mentor_training', minutes: 300, recognisedBy: 'tutor', recognisedOn: '2024-09-20' },
  },
  { type: 'PlacementArranged', data: { placementId: 'pl1', traineeId: 't1', schoolId: 's1', providerId: 'p1', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-16', endDate: '2024-12-13' } },
  { type: 'PlacementArranged', data: { placementId: 'pl2', traineeId: 't2', schoolId: 's1', providerId: 'p1', academicYear: '2025/26', mentorId: 'm9', startDate: '2025-09-15', endDate: '2025-12-12' } },
  { type: 'PlacementMentorChanged', data: { placementId: 'pl2', mentorId: 'm1', previousMentorId: 'm9', effectiveFrom: '2025-10-01', reason: 'job_share_added' } },
];

describe('mentor portfolio', () => {
  const portfolio = mentorPortfolio(runProjection(mentorPortfolioProjection, asStoredEvents(history)), 'm1')!;

  it('keeps each year: the review, training and trainees', () => {
    expect(portfolio.name).toBe('Asha Patel');
    expect(portfolio.years.map((year) => year.academicYear)).toEqual(['2024/25', '2025/26']);
    const [first, second] = portfolio.years;
    expect(first?.training).toMatchObject({ trainedMinutes: 450, minutesByMode: { full_day_conference: 360, synchronous_online_twilight: 90 } });
    expect(first?.training.priorLearning.map((p) => p.minutes)).toEqual([300]);
    expect(first?.trainees.map((t) => t.traineeId)).toEqual(['t1']);
    expect(second?.training.sessions).toEqual([]);
    expect(second?.trainees.map((t) => t.traineeId)).toEqual(['t2']);
  });

  it('shows MDR ratings over time per area, the priority area, actions and the reflection', () => {
    const review = portfolio.years[0]?.review;
    expect(review).toMatchObject({ status: 'completed', priorityArea: { areaId: 'knowledge', title: 'Professional Knowledge' }, reflection: { leadMentorId: 'lm1' } });
    expect(review?.areas.map((area) => [area.areaId, area.means.map((m) => [m.stage, m.mean])])).toEqual([
      ['knowledge', [['induction', 1.5], ['revisit', 2.5]]],
      ['coaching', [['induction', 3], ['revisit', 3]]],
    ]);
    expect(review?.actions).toEqual([{ actionId: 'x1', areaId: 'knowledge', origin: 'own', text: 'Attend a centre session', addedOn: '2024-09-27', completedOn: '2024-11-05' }]);
  });

  it('is undefined for a mentor it has never seen', () => {
    expect(mentorPortfolio(runProjection(mentorPortfolioProjection, asStoredEvents(history)), 'nobody')).toBeUndefined();
  });
});
