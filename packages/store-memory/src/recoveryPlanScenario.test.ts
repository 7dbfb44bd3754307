import {
  createEventRegistry,
  formatTraineeTimeline,
  irpRegister,
  manualClock,
  progressReadModels,
  reviewPointCompliance,
  schoolSummaryReport,
  seededIds,
  traineeTimeline,
  traineeTimelineOn,
  welfareLog,
} from '@itt-ledger/core';
import { RECOVERY_PLAN, recoveryPlanEventDefinitions, runRecoveryPlan } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const run = async () => {
  const clock = manualClock('2024-09-01T00:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(recoveryPlanEventDefinitions), clock, ids: seededIds(11) });
  const result = await runRecoveryPlan({ store, clock });
  return { result, log: await store.readAll() };
};

describe('recovery plan scenario', () => {
  it('takes a trainee from not on track, through a plan, to succeeded; and refuses what the rules forbid', async () => {
    const { result, log } = await run();
    expect(result.refusals).toEqual(['irp.already-open (irpId)', 'irp.unreviewed-target (targets)']);
    const models = progressReadModels(log);
    const timeline = traineeTimeline(models.traineeProgress.get(RECOVERY_PLAN.traineeId), RECOVERY_PLAN.traineeId, result.today);
    const text = formatTraineeTimeline(timeline, { name: 'Ada Okafor' });
    expect(text).toContain('2024-11-21  review point development (due 2024-11-22): held, not on track (concerns: behaviour management, adaptive teaching); lead mentor joined');
    expect(text).toContain('2024-11-25  IRP trainee-ada-irp-1 opened with itt-lead-jo (owner lead-mentor-natalie): concerns behaviour management, adaptive teaching');
    expect(text).toContain('closed on 2024-12-10: succeeded');
    expect(text).toContain('2024-12-12  review point consolidation (due 2024-12-12): held, on track; lead mentor joined');
    const register = irpRegister(models.irpRecords, models.schools, RECOVERY_PLAN.providerId, result.today);
    expect(register.open).toEqual([]);
    expect(register.outcomesBySchool).toEqual([{ schoolId: RECOVERY_PLAN.schoolId, opened: 1, open: 0, succeeded: 1, extended: 0, escalated: 0 }]);
    const compliance = reviewPointCompliance(models.schoolProgress, RECOVERY_PLAN.schoolId, result.today);
    expect(compliance.rows.map((r) => [r.stage, r.timeliness, r.qaFormPresent, r.jointObservationDone])).toEqual([
      ['introductory', 'held_on_time', false, false],
      ['development', 'held_on_time', true, true],
      ['consolidation', 'held_on_time', true, false],
    ]);
    const summary = schoolSummaryReport(models.schoolProgress, undefined, { schoolId: RECOVERY_PLAN.schoolId, academicYear: '2024/25', stage: 'development', today: result.today });
    expect(summary.totals).toMatchObject({ trainees: 1, notOnTrack: 1, qaForms: 1, jointObservations: 1, recoveryPlansOpened: 1, targetsReviewed: { partly_met: 1, not_met: 1 } });
    // The welfare note is in the welfare log only.
    expect(welfareLog(models.welfareConcerns.get(RECOVERY_PLAN.traineeId), RECOVERY_PLAN.traineeId).closed).toHaveLength(1);
    for (const report of [timeline, text, register, compliance, summary]) expect(JSON.stringify(report)).not.toContain('sleeping badly');
  });

  it('as of the development review point, the plan does not exist yet and targets are overdue', async () => {
    const { log } = await run();
    const text = formatTraineeTimeline(traineeTimelineOn(log, RECOVERY_PLAN.traineeId, '2024-11-21'));
    expect(text).not.toContain('IRP');
    expect(text).toContain('target trainee-ada-t2 [adaptive teaching] Plan one adapted task for the focus group each day, due 2024-11-15: not met; not met on 2024-11-21');
  });

  it('writes byte-identical events and text on every run', async () => {
    const first = await run();
    const second = await run();
    const print = (log: typeof first.log) => JSON.stringify(log, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    expect(print(second.log)).toBe(print(first.log));
    const text = (log: typeof first.log) => formatTraineeTimeline(traineeTimelineOn(log, RECOVERY_PLAN.traineeId, RECOVERY_PLAN.today));
    expect(text(second.log)).toBe(text(first.log));
  });
});
