import { createReviewPolicy, type LocalDate, type ProgressService, type QaAnswers, type RuleBook } from '@itt-ledger/core';
import { PROVIDER_YEAR, TRAINEE_KEYS, type TraineeKey } from './cast.js';
import type { Schedule } from './schedule.js';

type Stage = 'introductory' | 'development' | 'consolidation';

const DUE: Readonly<Record<Stage, LocalDate>> = { introductory: '2024-10-11', development: '2024-11-22', consolidation: '2024-12-12' };

// When each trainee's review points were held. Fin's introductory one is held late, after its due date.
const HELD: Readonly<Record<TraineeKey, Readonly<Record<Stage, LocalDate>>>> = {
  ada: { introductory: '2024-10-08', development: '2024-11-19', consolidation: '2024-12-10' },
  ben: { introductory: '2024-10-10', development: '2024-11-21', consolidation: '2024-12-12' },
  cat: { introductory: '2024-10-08', development: '2024-11-19', consolidation: '2024-12-10' },
  dan: { introductory: '2024-10-10', development: '2024-11-21', consolidation: '2024-12-12' },
  eve: { introductory: '2024-10-09', development: '2024-11-20', consolidation: '2024-12-11' },
  fin: { introductory: '2024-10-15', development: '2024-11-21', consolidation: '2024-12-12' },
};

const ALL_YES: QaAnswers = { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'yes', entitlementReceived: 'yes', meetingRecordsKept: 'yes', targetsShortTermAndAchievable: 'yes' };

export const reviewPointId = (key: TraineeKey, stage: Stage): string => `rp-${key}-${stage}`;

/**
 * Review points at the provider's stages for every trainee, the lead mentor's QA forms and joint
 * observations, and Dan's year: small targets at the introductory review point, not on track at the
 * development one, an Individual Recovery Plan agreed with the ITT leadership team, reviewed with its
 * targets met and closed as succeeded, and on track again at consolidation. Sent through
 * `createProgressService`, so each command that names a review point is checked against it.
 */
export const scheduleProgress = (schedule: Schedule, progress: ProgressService, ruleBook: RuleBook): void => {
  const { providerId, academicYear, trainees, leadMentorId, leadershipId, irpId } = PROVIDER_YEAR;
  // The provider's stages are the rule set's; its lead mentor must join the development review point.
  const policy = createReviewPolicy(ruleBook.ruleSetFor(academicYear).reviewPoints.defaultStages.value, ['development']);

  for (const key of TRAINEE_KEYS) {
    const { traineeId, placementId, schoolId, mentorId } = trainees[key];
    const where = { traineeId, placementId, schoolId };
    for (const stage of ['introductory', 'development', 'consolidation'] as const) {
      const id = reviewPointId(key, stage);
      schedule.on('2024-09-09', (o) => progress.reviewPoint(id, { type: 'ScheduleReviewPoint', reviewPointId: id, ...where, providerId, academicYear, stage, dueDate: DUE[stage], mentorId, leadMentorId, policy }, o));
      const heldOn = HELD[key][stage];
      const notOnTrack = key === PROVIDER_YEAR.irpTraineeKey && stage === 'development';
      const outcome = notOnTrack ? { outcome: 'not_on_track' as const, areasOfConcern: ['behaviour management', 'clarity of explanations'] } : { outcome: 'on_track' as const, areasOfConcern: [] };
      const lead = stage === 'development' ? { leadMentorId } : {};
      schedule.on(heldOn, (o) => progress.reviewPoint(id, { type: 'HoldReviewPoint', heldOn, heldBy: mentorId, ...lead, ...outcome }, o));
    }
    // The lead mentor's short QA form at the development and consolidation review points; Eve's first is
    // entered six days late.
    for (const stage of ['development', 'consolidation'] as const) {
      const completedOn = HELD[key][stage];
      const answers: QaAnswers = key === 'cat' && stage === 'development' ? { ...ALL_YES, entitlementReceived: 'partly' } : ALL_YES;
      const form = { type: 'CompleteLeadMentorQaForm', reviewPointId: reviewPointId(key, stage), leadMentorId, completedOn, answers } as const;
      schedule.on(completedOn, (o) => progress.leadMentorQa(placementId, form, o), key === 'eve' && stage === 'development' ? '2024-11-26' : completedOn);
    }
  }

  const dan = trainees.dan;
  const where = { traineeId: dan.traineeId, placementId: dan.placementId, schoolId: dan.schoolId };
  const observe = (key: TraineeKey, date: LocalDate, stage: Stage, focus: string, feedbackForTrainee: string, feedbackForMentor: string) => {
    const { traineeId, placementId, schoolId, mentorId } = trainees[key];
    const observation = { observationId: `obs-${key}-${stage}`, traineeId, placementId, schoolId, leadMentorId, mentorId, date, focus, feedbackForTrainee, feedbackForMentor };
    schedule.on(date, (o) => progress.leadMentorQa(placementId, { type: 'RecordJointObservation', ...observation, reviewPointId: reviewPointId(key, stage) }, o));
  };
  observe('dan', '2024-11-19', 'development', 'Year 9 practical: routines and explanations', 'Clear safety briefing; the class drifted during the explanation. Next: check understanding before the practical.', 'Good precise target; agree one action, not three.');
  observe('eve', '2024-12-05', 'consolidation', 'Year 2 phonics', 'Brisk, well-paced session; model the blend before the children practise it.', 'Coaching conversation well focused.');

  const targets = [
    { targetId: 'target-dan-1', area: 'behaviour management', description: 'Use one agreed routine to start every practical', dueDate: '2024-11-08' },
    { targetId: 'target-dan-2', area: 'clarity of explanations', description: 'Script the key explanation of each lesson and check it with the mentor', dueDate: '2024-11-15' },
  ];
  for (const target of targets) {
    schedule.on('2024-10-10', (o) => progress.target(target.targetId, { type: 'SetTarget', ...target, ...where, setOn: '2024-10-10', setBy: dan.mentorId, reviewPointId: reviewPointId('dan', 'introductory') }, o));
  }
  const development = reviewPointId('dan', 'development');
  schedule.on('2024-11-21', (o) => progress.target('target-dan-1', { type: 'ReviewTarget', reviewedOn: '2024-11-21', reviewedBy: dan.mentorId, verdict: 'partly_met', nextDueDate: '2024-12-06', reviewPointId: development }, o));
  schedule.on('2024-11-21', (o) => progress.target('target-dan-2', { type: 'ReviewTarget', reviewedOn: '2024-11-21', reviewedBy: dan.mentorId, verdict: 'not_met', reviewPointId: development }, o));
  schedule.on('2024-12-06', (o) => progress.target('target-dan-1', { type: 'ReviewTarget', reviewedOn: '2024-12-06', reviewedBy: dan.mentorId, verdict: 'met' }, o));

  // The plan: agreed by the lead mentor with the ITT leadership team, owned by the lead mentor.
  const planTargets = [
    { targetId: `${irpId}-t1`, area: 'behaviour management', description: 'Rehearse the start-of-practical routine with the class each lesson', dueDate: '2024-12-06' },
    { targetId: `${irpId}-t2`, area: 'clarity of explanations', description: 'Check understanding with three hinge questions before pupils start work', dueDate: '2024-12-06' },
  ];
  const open = { type: 'OpenIndividualRecoveryPlan', irpId, ...where, providerId, leadMentorId, agreedWith: leadershipId, ownerId: leadMentorId, reviewPointId: development } as const;
  const support = [
    { description: 'Weekly instructional coaching on routines and explanations', providedBy: dan.mentorId },
    { description: 'Observe the head of science’s Year 9 practicals', providedBy: dan.schoolId },
  ];
  schedule.on('2024-11-25', (o) => progress.irp(dan.traineeId, { ...open, openedOn: '2024-11-25', concerns: ['behaviour management', 'clarity of explanations'], targets: planTargets, supportActions: support, reviewDates: ['2024-12-09'] }, o));
  schedule.refused('2024-11-26', `a second plan for ${dan.traineeId} while one is open`, (o) =>
    progress.irp(dan.traineeId, { ...open, irpId: `${irpId}-again`, openedOn: '2024-11-26', concerns: ['behaviour management'], targets: planTargets, supportActions: support }, o),
  );
  schedule.refused('2024-12-02', `closing ${irpId} before its targets were reviewed`, (o) => progress.irp(dan.traineeId, { type: 'CloseIndividualRecoveryPlan', irpId, closedOn: '2024-12-02', closedBy: leadershipId, outcome: 'succeeded' }, o));
  schedule.on('2024-12-09', (o) =>
    progress.irp(dan.traineeId, { type: 'ReviewIndividualRecoveryPlan', irpId, reviewedOn: '2024-12-09', reviewedBy: leadMentorId, targetReviews: planTargets.map((t) => ({ targetId: t.targetId, verdict: 'met' as const })) }, o),
  );
  schedule.on('2024-12-10', (o) => progress.irp(dan.traineeId, { type: 'CloseIndividualRecoveryPlan', irpId, closedOn: '2024-12-10', closedBy: leadershipId, outcome: 'succeeded' }, o));
};
