import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/localDate.js';
import { runProjection } from '../kernel/projection.js';
import { progressStepsArbitrary } from '../testing/arbitraries/progress.js';
import { applyProgressSteps, storedProgressHistory } from '../testing/arbitraries/progressHistory.js';
import { PROGRESS_WORLD } from '../testing/arbitraries/progressWorld.js';
import { endOfDay, progressReadModels, traineeTimelineAsOf, traineeTimelineOn } from './asOf.js';
import { irpRegister } from './irpRegister.js';
import { traineeTimeline } from './timeline.js';
import { traineeProgress } from './traineeProgress.js';

const historyArb = progressStepsArbitrary().map((steps) => storedProgressHistory(applyProgressSteps(steps)));
const dayArb = fc.integer({ min: 0, max: 300 }).map((days) => addDays(PROGRESS_WORLD.firstDay, days));
const RUNS = { numRuns: 1000 } as const;

describe('progress as of a moment or a day (property)', () => {
  it('as of a moment, a timeline and the register equal replaying the log’s prefix recorded by then', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), dayArb, (log, cut, today) => {
        const at = log[cut % log.length]!.recordedAt;
        const prefix = log.slice(0, log.findLastIndex((e) => e.recordedAt <= at) + 1);
        const folded = runProjection(traineeProgress, prefix as never);
        for (const { traineeId } of PROGRESS_WORLD.trainees) {
          expect(traineeTimelineAsOf(log, traineeId, { recordedAt: at }, today)).toEqual(traineeTimeline(folded.get(traineeId), traineeId, today));
        }
        const asOf = progressReadModels(log, { recordedAt: at });
        const replayed = progressReadModels(prefix);
        expect(irpRegister(asOf.irpRecords, asOf.schools, 'provider-a', today)).toEqual(irpRegister(replayed.irpRecords, replayed.schools, 'provider-a', today));
      }),
      { ...RUNS, seed: 20241202 },
    );
  });

  it('as of a school day, a timeline holds exactly what had happened by its end, however late it was recorded', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (log, day) => {
        const happened = log.filter((e) => e.occurredAt <= endOfDay(day));
        for (const { traineeId } of PROGRESS_WORLD.trainees) {
          const expected = traineeTimeline(runProjection(traineeProgress, happened as never).get(traineeId), traineeId, day);
          expect(traineeTimelineOn(log, traineeId, day)).toEqual(expected);
        }
      }),
      { ...RUNS, seed: 20241203 },
    );
  });

});
