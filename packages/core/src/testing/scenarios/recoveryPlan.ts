import type { LocalDate } from '../../calendar/localDate.js';
import type { ManualClock } from '../../kernel/clock.js';
import type { HandleOptions } from '../../kernel/commandHandler.js';
import type { DomainEvent } from '../../kernel/envelope.js';
import { CommandRejectedError } from '../../kernel/errors.js';
import type { Instant } from '../../kernel/instant.js';
import type { EventStore } from '../../kernel/store.js';
import { createProgressService } from '../../progress/service.js';
import { defaultReviewPolicy } from '../../reviewPoint/policy.js';
import { standardRuleBook, type RuleBook } from '../../rules/ruleBook.js';

export { progressEventDefinitions as recoveryPlanEventDefinitions } from '../../progress/events.js';

/** Who is in the scenario. Ids are fixed so that output is byte-identical run after run; pass your own to fit another scenario. */
export const RECOVERY_PLAN = Object.freeze({
  providerId: 'provider-northants',
  academicYear: '2024/25',
  traineeId: 'trainee-ada',
  placementId: 'placement-ada-oak',
  schoolId: 'school-oak',
  mentorId: 'mentor-olu',
  leadMentorId: 'lead-mentor-natalie',
  /** The member of the provider's ITT leadership team the plan is agreed with. */
  leadershipId: 'itt-lead-jo',
  /** The date the scenario is read on: the last day of the placement. */
  today: '2024-12-13',
} as const);

export type RecoveryPlanIds = Omit<typeof RECOVERY_PLAN, 'academicYear' | 'today'>;

export interface RecoveryPlanResult {
  readonly ids: RecoveryPlanIds;
  readonly today: LocalDate;
  readonly reviewPointIds: { readonly introductory: string; readonly development: string; readonly consolidation: string };
  readonly irpId: string;
  /** Commands refused on the way (the scenario tries two the rules forbid), as `reason (field)`. */
  readonly refusals: readonly string[];
}

const at = (day: LocalDate, time: string): Instant => `${day}T${time}:00.000Z`;

/**
 * One trainee's autumn on any store whose registry knows `recoveryPlanEventDefinitions` (the school,
 * trainee and placement events are not needed): on track at the introductory review point, with two small
 * targets; not on track at the development review point (behaviour management, adaptive teaching), where
 * the lead mentor joins, completes the QA form and observes jointly with the mentor; a welfare concern is
 * noted; an Individual Recovery Plan is agreed with the ITT leadership team, reviewed after two weeks with
 * its targets met, and closed as succeeded; on track again at consolidation. Each step runs at its own time
 * on `clock` (the store's clock): recorded at 17:00 on the day it happened at 15:30.
 */
export const runRecoveryPlan = async <SE extends DomainEvent>(deps: {
  readonly store: EventStore<SE>;
  readonly clock: ManualClock;
  readonly ruleBook?: RuleBook;
  readonly ids?: Partial<RecoveryPlanIds>;
}): Promise<RecoveryPlanResult> => {
  const ruleBook = deps.ruleBook ?? standardRuleBook;
  const service = createProgressService({ store: deps.store, clock: deps.clock, ruleBook });
  const ids: RecoveryPlanIds = { ...RECOVERY_PLAN, ...deps.ids };
  const { academicYear, today } = RECOVERY_PLAN;
  const { traineeId, placementId, schoolId, providerId, mentorId, leadMentorId, leadershipId } = ids;
  const policy = defaultReviewPolicy(ruleBook.ruleSetFor(academicYear));
  const rp = { introductory: `${traineeId}-introductory`, development: `${traineeId}-development`, consolidation: `${traineeId}-consolidation` };
  const irpId = `${traineeId}-irp-1`;
  const refusals: string[] = [];

  const on = async (day: LocalDate, run: (options: HandleOptions) => Promise<unknown>, expectRefusal = false) => {
    deps.clock.set(at(day, '17:00'));
    try {
      await run({ occurredAt: at(day, '15:30'), metadata: { actor: 'scenario:recovery-plan' } });
    } catch (error) {
      if (!expectRefusal || !(error instanceof CommandRejectedError)) throw error;
      refusals.push(`${error.reason} (${error.field ?? '-'})`);
    }
  };
  const where = { traineeId, placementId, schoolId };

  for (const [stage, dueDate] of [['introductory', '2024-10-11'], ['development', '2024-11-22'], ['consolidation', '2024-12-12']] as const) {
    await on('2024-09-09', (o) => service.reviewPoint(rp[stage], { type: 'ScheduleReviewPoint', reviewPointId: rp[stage], ...where, providerId, academicYear, stage, dueDate, mentorId, leadMentorId, policy }, o));
  }

  // Introductory: on track; two small, short-term targets (seed 004: "Take small steps").
  await on('2024-10-10', (o) => service.reviewPoint(rp.introductory, { type: 'HoldReviewPoint', heldOn: '2024-10-10', heldBy: mentorId, leadMentorId, outcome: 'on_track', areasOfConcern: [] }, o));
  const firstTargets = [
    { targetId: `${traineeId}-t1`, area: 'behaviour management', description: 'Use one agreed signal for attention in every lesson', dueDate: '2024-11-08' },
    { targetId: `${traineeId}-t2`, area: 'adaptive teaching', description: 'Plan one adapted task for the focus group each day', dueDate: '2024-11-15' },
  ];
  for (const target of firstTargets) {
    await on('2024-10-10', (o) => service.target(target.targetId, { type: 'SetTarget', ...target, ...where, setOn: '2024-10-10', setBy: mentorId, reviewPointId: rp.introductory }, o));
  }

  // Development: the joint observation comes first; then the review point finds the trainee not on track.
  await on('2024-11-19', (o) =>
    service.leadMentorQa(placementId, {
      type: 'RecordJointObservation',
      observationId: `${traineeId}-obs-1`,
      ...where,
      leadMentorId,
      mentorId,
      date: '2024-11-19',
      focus: 'behaviour for learning in the carpet session',
      feedbackForTrainee: 'Signal used well at the start; transitions lost the class. Next step: rehearse the routine.',
      feedbackForMentor: 'Coaching focused on the right step; agree one action, not three.',
      reviewPointId: rp.development,
    }, o),
  );
  await on('2024-11-21', (o) =>
    service.reviewPoint(rp.development, { type: 'HoldReviewPoint', heldOn: '2024-11-21', heldBy: mentorId, leadMentorId, outcome: 'not_on_track', areasOfConcern: ['behaviour management', 'adaptive teaching'] }, o),
  );
  await on('2024-11-21', (o) => service.target(firstTargets[0]!.targetId, { type: 'ReviewTarget', reviewedOn: '2024-11-21', reviewedBy: mentorId, verdict: 'partly_met', nextDueDate: '2024-12-06', reviewPointId: rp.development }, o));
  await on('2024-11-21', (o) => service.target(firstTargets[1]!.targetId, { type: 'ReviewTarget', reviewedOn: '2024-11-21', reviewedBy: mentorId, verdict: 'not_met', reviewPointId: rp.development }, o));
  await on('2024-11-21', (o) =>
    service.welfare(traineeId, { type: 'RecordWelfareConcern', concernId: `${traineeId}-welfare-1`, traineeId, notedOn: '2024-11-21', notedBy: leadMentorId, note: 'Trainee mentioned sleeping badly while caring for a relative; referred to the wellbeing service.' }, o),
  );
  await on('2024-11-22', (o) =>
    service.leadMentorQa(placementId, {
      type: 'CompleteLeadMentorQaForm',
      reviewPointId: rp.development,
      leadMentorId,
      completedOn: '2024-11-22',
      answers: { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'partly', entitlementReceived: 'yes', meetingRecordsKept: 'yes', targetsShortTermAndAchievable: 'partly' },
      nextStepsForMentor: 'Break targets into weekly steps.',
    }, o),
  );

  // The plan: agreed with the ITT leadership team, first review after the rule set's two weeks.
  const planTargets = [
    { targetId: `${irpId}-t1`, area: 'behaviour management', description: 'Rehearse the carpet-to-table routine with the class each morning', dueDate: '2024-12-06' },
    { targetId: `${irpId}-t2`, area: 'adaptive teaching', description: 'Use the mentor’s scaffold sheet in two maths lessons a week', dueDate: '2024-12-06' },
  ];
  const open = { type: 'OpenIndividualRecoveryPlan', irpId, ...where, providerId, leadMentorId, agreedWith: leadershipId, ownerId: leadMentorId, reviewPointId: rp.development } as const;
  await on('2024-11-25', (o) =>
    service.irp(traineeId, {
      ...open,
      openedOn: '2024-11-25',
      concerns: ['behaviour management', 'adaptive teaching'],
      targets: planTargets,
      supportActions: [
        { description: 'Weekly instructional coaching on routines', providedBy: mentorId },
        { description: 'Observe a colleague’s Year 2 transitions', providedBy: schoolId },
      ],
    }, o),
  );
  await on('2024-11-26', (o) => service.irp(traineeId, { ...open, irpId: `${irpId}-again`, openedOn: '2024-11-26', concerns: ['x'], targets: planTargets, supportActions: [{ description: 'x', providedBy: mentorId }] }, o), true);
  await on('2024-12-02', (o) => service.irp(traineeId, { type: 'CloseIndividualRecoveryPlan', irpId, closedOn: '2024-12-02', closedBy: leadershipId, outcome: 'succeeded' }, o), true);
  await on('2024-12-06', (o) => service.target(firstTargets[0]!.targetId, { type: 'ReviewTarget', reviewedOn: '2024-12-06', reviewedBy: mentorId, verdict: 'met' }, o));
  await on('2024-12-09', (o) =>
    service.irp(traineeId, { type: 'ReviewIndividualRecoveryPlan', irpId, reviewedOn: '2024-12-09', reviewedBy: leadMentorId, targetReviews: planTargets.map((t) => ({ targetId: t.targetId, verdict: 'met' as const })) }, o),
  );
  await on('2024-12-10', (o) => service.irp(traineeId, { type: 'CloseIndividualRecoveryPlan', irpId, closedOn: '2024-12-10', closedBy: leadershipId, outcome: 'succeeded' }, o));
  await on('2024-12-11', (o) => service.welfare(traineeId, { type: 'CloseWelfareConcern', concernId: `${traineeId}-welfare-1`, closedOn: '2024-12-11', closedBy: leadMentorId }, o));

  await on('2024-12-12', (o) => service.reviewPoint(rp.consolidation, { type: 'HoldReviewPoint', heldOn: '2024-12-12', heldBy: mentorId, leadMentorId, outcome: 'on_track', areasOfConcern: [] }, o));
  await on('2024-12-12', (o) =>
    service.leadMentorQa(placementId, {
      type: 'CompleteLeadMentorQaForm',
      reviewPointId: rp.consolidation,
      leadMentorId,
      completedOn: '2024-12-12',
      answers: { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'yes', entitlementReceived: 'yes', meetingRecordsKept: 'yes', targetsShortTermAndAchievable: 'yes' },
    }, o),
  );
  return { ids, today, reviewPointIds: rp, irpId, refusals };
};
