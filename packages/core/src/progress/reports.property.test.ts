import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/localDate.js';
import { irpDecider } from '../irp/decider.js';
import { irpStreamId } from '../irp/events.js';
import { nextReviewDue, reviewOverdue } from '../irp/schedule.js';
import type { IrpState } from '../irp/state.js';
import type { StoredEvent } from '../kernel/envelope.js';
import { progressStepsArbitrary } from '../testing/arbitraries/progress.js';
import { applyProgressSteps, storedProgressHistory } from '../testing/arbitraries/progressHistory.js';
import { PROGRESS_WORLD } from '../testing/arbitraries/progressWorld.js';
import { progressReadModels } from './asOf.js';
import { reviewPointCompliance } from './compliance.js';
import type { ProgressReadEvent } from './events.js';
import { formatTraineeTimeline } from './format.js';
import { irpRegister } from './irpRegister.js';
import { schoolSummaryReport } from './schoolSummary.js';
import { traineeTimeline } from './timeline.js';
import { welfareLog } from './welfareLog.js';

const historyArb = progressStepsArbitrary().map((steps) => storedProgressHistory(applyProgressSteps(steps)));
const dayArb = fc.integer({ min: 0, max: 300 }).map((days) => addDays(PROGRESS_WORLD.firstDay, days));
const RUNS = { numRuns: 1000 } as const;

/** The register as a replay of each trainee's IRP stream from zero through the aggregate itself would have it. */
const registerFromStreams = (log: readonly StoredEvent<ProgressReadEvent>[], providerId: string, today: string) => {
  const open: unknown[] = [];
  const outcomes = new Map<string, { opened: number; open: number; succeeded: number; extended: number; escalated: number }>();
  for (const trainee of PROGRESS_WORLD.trainees.filter((t) => t.providerId === providerId)) {
    const state = log.filter((e) => e.streamId === irpStreamId(trainee.traineeId)).reduce<IrpState>((s, e) => irpDecider.evolve(s, e as never), irpDecider.initialState);
    for (const plan of state.plans.values()) {
      const counts = outcomes.get(trainee.schoolId) ?? { opened: 0, open: 0, succeeded: 0, extended: 0, escalated: 0 };
      outcomes.set(trainee.schoolId, {
        opened: counts.opened + 1,
        open: counts.open + (plan.status === 'open' ? 1 : 0),
        succeeded: counts.succeeded + (plan.status === 'succeeded' ? 1 : 0),
        extended: counts.extended + (plan.extensions > 0 ? 1 : 0),
        escalated: counts.escalated + (plan.status === 'escalated' ? 1 : 0),
      });
      if (plan.status !== 'open') continue;
      const due = nextReviewDue(plan.schedule);
      open.push({
        traineeId: trainee.traineeId, irpId: plan.irpId, openedOn: plan.openedOn, ...(due === undefined ? {} : { nextReviewDue: due }), reviewOverdue: reviewOverdue(plan.schedule, today),
        openTargets: [...plan.targets.values()].filter((t) => t.open).length, reviews: plan.reviews, extensions: plan.extensions,
      });
    }
  }
  return { open, outcomesBySchool: [...outcomes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([schoolId, counts]) => ({ schoolId, ...counts })) };
};

describe('progress reports (property)', () => {
  it('the IRP register equals a replay of the plans’ streams from zero, for every provider and day', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (log, today) => {
        const models = progressReadModels(log);
        for (const providerId of ['provider-a', 'provider-b']) {
          const register = irpRegister(models.irpRecords, models.schools, providerId, today);
          const expected = registerFromStreams(log, providerId, today);
          expect(register.open.map(({ schoolId: _s, phase: _p, ownerId: _o, ...row }) => row)).toEqual(expect.arrayContaining(expected.open));
          expect(register.open).toHaveLength(expected.open.length);
          expect(register.overdueReviews).toEqual(register.open.filter((row) => row.reviewOverdue));
          expect(register.outcomesBySchool).toEqual(expected.outcomesBySchool);
          const phases = register.outcomesByPhase.reduce((sum, row) => sum + row.opened, 0);
          expect(phases).toBe(expected.outcomesBySchool.reduce((sum, row) => sum + row.opened, 0));
        }
      }),
      { ...RUNS, seed: 20241201 },
    );
  });

  it('welfare notes never reach a report not meant for them, and always reach the welfare log', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (log, today) => {
        const models = progressReadModels(log);
        const reports: unknown[] = [];
        for (const { traineeId } of PROGRESS_WORLD.trainees) {
          const timeline = traineeTimeline(models.traineeProgress.get(traineeId), traineeId, today);
          reports.push(timeline, formatTraineeTimeline(timeline));
        }
        for (const providerId of ['provider-a', 'provider-b']) reports.push(irpRegister(models.irpRecords, models.schools, providerId, today));
        for (const { schoolId } of PROGRESS_WORLD.schools) {
          reports.push(reviewPointCompliance(models.schoolProgress, schoolId, today));
          for (const stage of PROGRESS_WORLD.stages) {
            reports.push(schoolSummaryReport(models.schoolProgress, models.schools.get(schoolId), { schoolId, academicYear: '2024/25', stage, today }));
          }
        }
        for (const report of reports) expect(JSON.stringify(report)).not.toContain(PROGRESS_WORLD.welfareMark);
        const notes = log.filter((e) => e.type === 'WelfareConcernRecorded').length;
        const logged = PROGRESS_WORLD.trainees.map(({ traineeId }) => welfareLog(models.welfareConcerns.get(traineeId), traineeId));
        expect(logged.reduce((sum, w) => sum + w.open.length + w.closed.length, 0)).toBe(notes);
        if (notes > 0) expect(JSON.stringify(logged)).toContain(PROGRESS_WORLD.welfareMark);
      }),
      { ...RUNS, seed: 20241204 },
    );
  });
});
