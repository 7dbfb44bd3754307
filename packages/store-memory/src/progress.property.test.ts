import {
  CommandRejectedError,
  CommandValidationError,
  createProgressService,
  createProjectionRunner,
  formatTraineeTimeline,
  irpRecords,
  irpRegister,
  manualClock,
  progressReadModels,
  progressSchools,
  reviewPointCompliance,
  schoolProgress,
  schoolSummaryReport,
  seededIds,
  traineeProgress,
  traineeTimeline,
  traineeTimelineAsOf,
  welfareConcerns,
  withInlineProjections,
  type HandleOptions,
  type Instant,
  type ProgressService,
} from '@itt-ledger/core';
import { PROGRESS_WORLD, applyProgressSteps, progressReadRegistry, progressStepsArbitrary, worldSchoolEvents, type ProgressStep } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const projections = [traineeProgress, irpRecords, schoolProgress, progressSchools, welfareConcerns];

const send = (service: ProgressService, { kind, id, command }: ProgressStep, options: HandleOptions) => {
  switch (kind) {
    case 'reviewPoint':
      return service.reviewPoint(id, command, options);
    case 'target':
      return service.target(id, command, options);
    case 'leadMentorQa':
      return service.leadMentorQa(id, command, options);
    case 'irp':
      return service.irp(id, command, options);
    case 'welfare':
      return service.welfare(id, command, options);
  }
};

type Models = ReturnType<typeof progressReadModels>;
/** Every report of the progress read models, on `today`, as one value to compare. */
const reports = (models: Models, today: string) => ({
  timelines: PROGRESS_WORLD.trainees.map(({ traineeId }) => formatTraineeTimeline(traineeTimeline(models.traineeProgress.get(traineeId), traineeId, today))),
  registers: ['provider-a', 'provider-b'].map((providerId) => irpRegister(models.irpRecords, models.schools, providerId, today)),
  compliance: PROGRESS_WORLD.schools.map(({ schoolId }) => reviewPointCompliance(models.schoolProgress, schoolId, today)),
  summaries: PROGRESS_WORLD.schools.flatMap(({ schoolId }) =>
    PROGRESS_WORLD.stages.map((stage) => schoolSummaryReport(models.schoolProgress, models.schools.get(schoolId), { schoolId, academicYear: '2024/25', stage, today })),
  ),
});

describe('progress on a store (property)', () => {
  it('the service appends what the deciders decide; read models kept inline equal a rebuild from zero; as-of equals what was current then', async () => {
    await fc.assert(
      fc.asyncProperty(progressStepsArbitrary({ minLength: 30, maxLength: 80 }), async (templates) => {
        const { steps, events: expected } = applyProgressSteps(templates);
        const clock = manualClock(`${PROGRESS_WORLD.firstDay}T08:00:00.000Z`);
        const store = createInMemoryEventStore({ registry: progressReadRegistry, clock, ids: seededIds(5) });
        const runner = createProjectionRunner({ store, projections });
        const inline = withInlineProjections(store, runner);
        for (const { streamId, event, occurredAt } of worldSchoolEvents()) await inline.appendToStream(streamId, [{ ...event, occurredAt }]);
        const service = createProgressService({ store: inline, clock });

        // Run each step at its recorded time; remember the timelines as they stood whenever the clock moves on.
        const seen: { at: Instant; timelines: string[] }[] = [];
        for (const [i, { step, occurredAt, recordedAt }] of steps.entries()) {
          clock.set(recordedAt);
          await send(service, step, { occurredAt }).catch((error: unknown) => {
            if (!(error instanceof CommandRejectedError || error instanceof CommandValidationError)) throw error;
          });
          if (steps[i + 1]?.recordedAt !== recordedAt) {
            const state = runner.state(traineeProgress);
            seen.push({ at: recordedAt, timelines: PROGRESS_WORLD.trainees.map(({ traineeId }) => formatTraineeTimeline(traineeTimeline(state.get(traineeId), traineeId, recordedAt.slice(0, 10)))) });
          }
        }
        const log = await store.readAll();
        expect(log.map(({ streamId, type, data, occurredAt, recordedAt }) => ({ streamId, type, data, occurredAt, recordedAt }))).toEqual(expected.map(({ streamId, event, occurredAt, recordedAt }) => ({ streamId, ...event, occurredAt, recordedAt })));

        const today = steps.at(-1)?.recordedAt.slice(0, 10) ?? PROGRESS_WORLD.firstDay;
        const kept: Models = {
          traineeProgress: runner.state(traineeProgress),
          irpRecords: runner.state(irpRecords),
          schoolProgress: runner.state(schoolProgress),
          schools: runner.state(progressSchools),
          welfareConcerns: runner.state(welfareConcerns),
        };
        const rebuilt = createProjectionRunner({ store, projections, pageSize: 17 });
        await rebuilt.rebuild();
        const fromZero: Models = {
          traineeProgress: rebuilt.state(traineeProgress),
          irpRecords: rebuilt.state(irpRecords),
          schoolProgress: rebuilt.state(schoolProgress),
          schools: rebuilt.state(progressSchools),
          welfareConcerns: rebuilt.state(welfareConcerns),
        };
        expect(reports(fromZero, today)).toEqual(reports(kept, today));
        expect(reports(progressReadModels(log), today)).toEqual(reports(kept, today));

        for (const { at, timelines } of seen) {
          const asOf = PROGRESS_WORLD.trainees.map(({ traineeId }) => formatTraineeTimeline(traineeTimelineAsOf(log, traineeId, { recordedAt: at }, at.slice(0, 10))));
          expect(asOf).toEqual(timelines);
        }
      }),
      { numRuns: 200, seed: 20241210 },
    );
  });
});
