import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import { applyProgressSteps, storedProgressHistory } from '../testing/arbitraries/progressHistory.js';
import { PROGRESS_WORLD, WORLD_POLICY, type DatedStep, type ProgressStep } from '../testing/arbitraries/progressWorld.js';
import { endOfDay, progressReadModels, traineeTimelineOn } from './asOf.js';
import { reviewPointCompliance } from './compliance.js';
import type { ProgressReadEvent } from './events.js';
import { formatTraineeTimeline } from './format.js';
import { irpRegister } from './irpRegister.js';
import { schoolSummaryReport } from './schoolSummary.js';
import { traineeTimeline } from './timeline.js';
import { welfareLog } from './welfareLog.js';

const [t0, t1, t2, t3] = PROGRESS_WORLD.trainees as [typeof PROGRESS_WORLD.trainees[0], typeof PROGRESS_WORLD.trainees[0], typeof PROGRESS_WORLD.trainees[0], typeof PROGRESS_WORLD.trainees[0]];
const lead = PROGRESS_WORLD.leadMentorId;
const on = (day: LocalDate, step: ProgressStep): DatedStep => ({ day, recordedLate: 0, step });
const rp = (t: typeof t0, k: number) => `${t.traineeId}-rp-${k}`;
const schedule = (t: typeof t0, k: number, stage: string, dueDate: LocalDate): ProgressStep => ({
  kind: 'reviewPoint', id: rp(t, k),
  command: { type: 'ScheduleReviewPoint', reviewPointId: rp(t, k), traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, providerId: t.providerId, academicYear: '2024/25', stage, dueDate, mentorId: t.mentorId, policy: WORLD_POLICY },
});
const target = (id: string, description: string, dueDate: LocalDate, reviewPointId: string): ProgressStep => ({
  kind: 'target', id,
  command: { type: 'SetTarget', targetId: id, traineeId: t0.traineeId, placementId: t0.placementId, schoolId: t0.schoolId, description, area: 'behaviour management', setOn: '2024-10-10', dueDate, setBy: t0.mentorId, reviewPointId },
});
const WELFARE = `${PROGRESS_WORLD.welfareMark}: caring for a relative`;
const irpOpen = (t: typeof t0, openedOn: LocalDate, reviewPointId?: string): ProgressStep => ({
  kind: 'irp', id: t.traineeId,
  command: {
    type: 'OpenIndividualRecoveryPlan', irpId: `${t.traineeId}-irp`, traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, providerId: t.providerId, openedOn, leadMentorId: lead,
    agreedWith: PROGRESS_WORLD.leadershipId, ownerId: lead, concerns: ['behaviour management'], supportActions: [{ description: 'Weekly coaching', providedBy: t.mentorId }],
    targets: [{ targetId: 'r1', description: 'Rehearse the routine', area: 'behaviour management', dueDate: '2024-12-06' }, { targetId: 'r2', description: 'Use the scaffold', area: 'adaptive teaching', dueDate: '2024-12-06' }].map((x) => ({ ...x, dueDate: openedOn < '2024-11-01' ? '2024-10-15' : x.dueDate })),
    ...(reviewPointId === undefined ? {} : { reviewPointId }),
  },
});

const steps: DatedStep[] = [
  on('2024-09-09', schedule(t0, 0, 'introductory', '2024-10-11')),
  on('2024-09-09', schedule(t0, 1, 'development', '2024-11-22')),
  on('2024-09-09', schedule(t1, 0, 'introductory', '2024-10-11')),
  on('2024-09-09', schedule(t3, 0, 'introductory', '2024-10-11')),
  on('2024-10-01', irpOpen(t2, '2024-10-01')),
  on('2024-10-10', { kind: 'reviewPoint', id: rp(t0, 0), command: { type: 'HoldReviewPoint', heldOn: '2024-10-10', heldBy: t0.mentorId, outcome: 'on_track', areasOfConcern: [] } }),
  on('2024-10-10', target('tA', 'One attention signal', '2024-11-08', rp(t0, 0))),
  on('2024-10-10', target('tB', 'One adapted task a day', '2024-11-15', rp(t0, 0))),
  on('2024-10-14', { kind: 'reviewPoint', id: rp(t3, 0), command: { type: 'RecordReviewPointMissed', recordedOn: '2024-10-14', reason: 'trainee_absent' } }),
  on('2024-11-19', {
    kind: 'leadMentorQa', id: t0.placementId,
    command: { type: 'RecordJointObservation', observationId: 'obs-1', traineeId: t0.traineeId, placementId: t0.placementId, schoolId: t0.schoolId, leadMentorId: lead, mentorId: t0.mentorId, date: '2024-11-19', focus: 'transitions', feedbackForTrainee: 'Rehearse the routine', feedbackForMentor: 'One action at a time' },
  }),
  on('2024-11-21', { kind: 'welfare', id: t0.traineeId, command: { type: 'RecordWelfareConcern', concernId: 'c-1', traineeId: t0.traineeId, notedOn: '2024-11-21', notedBy: lead, note: WELFARE, supportOffered: `${PROGRESS_WORLD.welfareMark}: wellbeing service` } }),
  on('2024-11-25', { kind: 'reviewPoint', id: rp(t0, 1), command: { type: 'HoldReviewPoint', heldOn: '2024-11-25', heldBy: t0.mentorId, leadMentorId: lead, outcome: 'not_on_track', areasOfConcern: ['behaviour management'] } }),
  on('2024-11-25', { kind: 'target', id: 'tA', command: { type: 'ReviewTarget', reviewedOn: '2024-11-25', reviewedBy: t0.mentorId, verdict: 'met', reviewPointId: rp(t0, 1) } }),
  on('2024-11-25', { kind: 'target', id: 'tB', command: { type: 'ReviewTarget', reviewedOn: '2024-11-25', reviewedBy: t0.mentorId, verdict: 'not_met', reviewPointId: rp(t0, 1) } }),
  on('2024-11-26', {
    kind: 'leadMentorQa', id: t0.placementId,
    command: { type: 'CompleteLeadMentorQaForm', reviewPointId: rp(t0, 1), leadMentorId: lead, completedOn: '2024-11-26', answers: { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'partly', entitlementReceived: 'yes', meetingRecordsKept: 'no', targetsShortTermAndAchievable: 'yes' } },
  }),
  on('2024-11-27', irpOpen(t0, '2024-11-27', rp(t0, 1))),
  on('2024-12-11', { kind: 'irp', id: t0.traineeId, command: { type: 'ReviewIndividualRecoveryPlan', irpId: 'trainee-0-irp', reviewedOn: '2024-12-11', reviewedBy: lead, targetReviews: [{ targetId: 'r1', verdict: 'met' }, { targetId: 'r2', verdict: 'partly_met', nextDueDate: '2024-12-20' }] } }),
  on('2024-12-13', { kind: 'irp', id: t0.traineeId, command: { type: 'ExtendIndividualRecoveryPlan', irpId: 'trainee-0-irp', extendedOn: '2024-12-13', reviewDates: ['2024-12-20'], reason: 'a further week' } }),
  on('2024-12-20', { kind: 'irp', id: t0.traineeId, command: { type: 'ReviewIndividualRecoveryPlan', irpId: 'trainee-0-irp', reviewedOn: '2024-12-20', reviewedBy: lead, targetReviews: [{ targetId: 'r2', verdict: 'not_met' }] } }),
  on('2024-12-20', { kind: 'irp', id: t0.traineeId, command: { type: 'CloseIndividualRecoveryPlan', irpId: 'trainee-0-irp', closedOn: '2024-12-20', closedBy: PROGRESS_WORLD.leadershipId, outcome: 'escalated', escalatedTo: 'change_of_placement' } }),
];

const history = applyProgressSteps(steps);
const log: StoredEvent<ProgressReadEvent>[] = storedProgressHistory(history);
const { traineeProgress: progress, schools, schoolProgress: bySchool, irpRecords: plans, welfareConcerns: concerns } = progressReadModels(log);

describe('progress read models over a hand-made autumn', () => {
  it('accepts every step', () => {
    expect(history.refusals).toEqual([]);
  });

  it('draws a trainee’s timeline: review points, targets and their fate, observations, plans', () => {
    const timeline = traineeTimeline(progress.get(t0.traineeId), t0.traineeId, '2024-12-21');
    expect(timeline.report.audience).toEqual(['provider_leadership', 'lead_mentor', 'trainee', 'auditor']);
    expect(timeline.entries.map((e) => [e.date, e.kind, 'status' in e ? e.status : ''])).toEqual([
      ['2024-10-10', 'review_point', 'held'],
      ['2024-10-10', 'target', 'met'],
      ['2024-10-10', 'target', 'not_met'],
      ['2024-11-19', 'joint_observation', ''],
      ['2024-11-25', 'review_point', 'held_late'],
      ['2024-11-27', 'irp', ''],
    ]);
    const irp = timeline.entries[5];
    expect(irp?.kind === 'irp' && irp.plan).toMatchObject({ status: 'escalated', escalatedTo: 'change_of_placement', reviews: [{ reviewedOn: '2024-12-11' }, { reviewedOn: '2024-12-20' }], extensions: [{ extendedOn: '2024-12-13' }] });
  });

  it('shows the timeline as it stood on a date: targets overdue, the review point due, no plan yet', () => {
    const timeline = traineeTimelineOn(log, t0.traineeId, '2024-11-20');
    expect(timeline.entries.map((e) => [e.kind, 'status' in e ? e.status : ''])).toEqual([
      ['review_point', 'held'],
      ['target', 'overdue'],
      ['target', 'overdue'],
      ['joint_observation', ''],
      ['review_point', 'scheduled'],
    ]);
    expect(traineeTimelineOn(log, t1.traineeId, '2024-10-20').entries.map((e) => 'status' in e && e.status)).toEqual(['overdue']);
  });

  it('formats a timeline as plain text, the same every time', () => {
    const text = formatTraineeTimeline(traineeTimeline(progress.get(t0.traineeId), t0.traineeId, '2024-12-21'), { name: 'Ada Okafor' });
    expect(text).toBe(formatTraineeTimeline(traineeTimeline(progress.get(t0.traineeId), t0.traineeId, '2024-12-21'), { name: 'Ada Okafor' }));
    expect(text).toContain('Progress of Ada Okafor (trainee trainee-0) as of 2024-12-21');
    expect(text).toContain('2024-11-25  review point development (due 2024-11-22): held late, not on track (concerns: behaviour management); lead mentor joined');
    expect(text).toContain('target tB [behaviour management] One adapted task a day, due 2024-11-15: not met; not met on 2024-11-25');
    expect(text).toContain('closed on 2024-12-20: escalated to change of placement');
    expect(formatTraineeTimeline(traineeTimeline(undefined, 'nobody', '2024-12-21'))).toContain('Nothing recorded yet.');
  });

  it('keeps an IRP register per provider: open plans, overdue reviews, outcomes by school and phase', () => {
    const early = irpRegister(plans, schools, 'provider-b', '2024-10-20');
    expect(early.report.audience).toEqual(['provider_leadership']);
    expect(early.open.map((r) => [r.traineeId, r.nextReviewDue, r.reviewOverdue])).toEqual([[t2.traineeId, '2024-10-15', true]]);
    expect(early.overdueReviews).toHaveLength(1);
    // As of 12 December: reviewed on the 11th with no review date left, not yet extended.
    const asOf12th = progressReadModels(log, { occurredAt: endOfDay('2024-12-12') });
    const december = irpRegister(asOf12th.irpRecords, asOf12th.schools, 'provider-a', '2024-12-12');
    expect(december.open.map((r) => [r.irpId, r.nextReviewDue ?? null, r.reviewOverdue])).toEqual([['trainee-0-irp', null, false]]);
    const end = irpRegister(plans, schools, 'provider-a', '2024-12-21');
    expect(end.open).toEqual([]);
    expect(end.outcomesBySchool).toEqual([{ schoolId: 'school-0', opened: 1, open: 0, succeeded: 0, extended: 1, escalated: 1 }]);
    expect(end.outcomesByPhase).toEqual([{ phase: 'primary', opened: 1, open: 0, succeeded: 0, extended: 1, escalated: 1 }]);
  });

  it('reports review-point compliance per school: on time, QA form, joint observation', () => {
    const report = reviewPointCompliance(bySchool, 'school-0', '2024-12-21', '2024/25');
    expect(report.rows.map((r) => [r.traineeId, r.stage, r.timeliness, r.qaFormPresent, r.jointObservationDone, r.leadMentorPresentAsRequired ?? null])).toEqual([
      [t0.traineeId, 'introductory', 'held_on_time', false, false, true],
      [t3.traineeId, 'introductory', 'missed', false, false, null],
      [t0.traineeId, 'development', 'held_late', true, true, true],
    ]);
    expect(report.totals).toEqual({ reviewPoints: 3, heldOnTime: 1, heldLate: 1, overdue: 0, missed: 1, qaFormsPresent: 1, qaFormsMissing: 1, jointObservationsDone: 1 });
    expect(reviewPointCompliance(bySchool, 'school-1', '2024-10-20').rows.map((r) => r.timeliness)).toEqual(['overdue']);
    expect(reviewPointCompliance(bySchool, 'school-9', '2024-10-20').rows).toEqual([]);
  });

  it('builds the School Summary Report per school per review point from the events', () => {
    const development = schoolSummaryReport(bySchool, schools.get('school-0'), { schoolId: 'school-0', academicYear: '2024/25', stage: 'development', today: '2024-12-21' });
    expect(development).toMatchObject({ schoolName: 'Oak Primary', phase: 'primary', report: { audience: ['school', 'provider_leadership', 'lead_mentor'] } });
    expect(development.trainees).toEqual([
      expect.objectContaining({
        traineeId: t0.traineeId, timeliness: 'held_late', outcome: 'not_on_track', areasOfConcern: ['behaviour management'], leadMentorJoined: true,
        targetsSet: [], targetsReviewed: [{ targetId: 'tA', description: 'One attention signal', verdict: 'met' }, { targetId: 'tB', description: 'One adapted task a day', verdict: 'not_met' }],
        jointObservations: [{ date: '2024-11-19', focus: 'transitions' }], recoveryPlanOpened: true,
      }),
    ]);
    expect(development.totals).toMatchObject({ trainees: 1, notOnTrack: 1, qaForms: 1, jointObservations: 1, recoveryPlansOpened: 1, targetsReviewed: { met: 1, partly_met: 0, not_met: 1, carried_forward: 0 } });
    const introductory = schoolSummaryReport(bySchool, schools.get('school-0'), { schoolId: 'school-0', academicYear: '2024/25', stage: 'introductory', today: '2024-12-21' });
    expect(introductory.trainees.map((t) => [t.traineeId, t.timeliness, t.targetsSet.length])).toEqual([[t0.traineeId, 'held_on_time', 2], [t3.traineeId, 'missed', 0]]);
  });

  it('keeps welfare notes in the welfare log and out of every other report', () => {
    const welfare = welfareLog(concerns.get(t0.traineeId), t0.traineeId);
    expect(welfare.report).toMatchObject({ audience: ['welfare_lead'], specialCategoryData: true });
    expect(welfare.open.map((c) => c.note)).toEqual([WELFARE]);
    const others = [
      traineeTimeline(progress.get(t0.traineeId), t0.traineeId, '2024-12-21'),
      formatTraineeTimeline(traineeTimeline(progress.get(t0.traineeId), t0.traineeId, '2024-12-21')),
      irpRegister(plans, schools, 'provider-a', '2024-12-21'),
      reviewPointCompliance(bySchool, 'school-0', '2024-12-21'),
      schoolSummaryReport(bySchool, schools.get('school-0'), { schoolId: 'school-0', academicYear: '2024/25', stage: 'development', today: '2024-12-21' }),
    ];
    for (const report of others) expect(JSON.stringify(report)).not.toContain(PROGRESS_WORLD.welfareMark);
  });
});
