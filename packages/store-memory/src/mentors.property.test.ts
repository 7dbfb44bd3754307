import {
  CommandRejectedError,
  CommandValidationError,
  createEventRegistry,
  createProjectionRunner,
  manualClock,
  mentorCommands,
  mentorsDomainDefinitions,
  placementEventDefinitions,
  seededIds,
  trainingCompliance,
  trainingComplianceProjection,
  withInlineProjections,
  type MentorTrainingCommand,
} from '@itt-ledger/core';
import { invalidTrainingSessionArbitrary, mentorTrainingCommandArbitrary } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const SETTINGS = { numRuns: 200 };

/** A store with mentor m1 registered and the commands sent in order; refusals are expected and ignored. */
const play = async (commands: readonly MentorTrainingCommand[]) => {
  const clock = manualClock('2024-09-02T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry([...mentorsDomainDefinitions, ...placementEventDefinitions]), clock, ids: seededIds(3) });
  const runner = createProjectionRunner({ store, projections: [trainingComplianceProjection] });
  const service = mentorCommands({ store: withInlineProjections(store, runner), clock });
  await service.mentor('m1', { type: 'RegisterMentor', mentorId: 'm1', schoolId: 's1', name: 'Asha' });
  for (const command of commands) {
    clock.advance(60_000);
    await service.training('m1', command).catch((error: unknown) => {
      if (!(error instanceof CommandRejectedError)) throw error;
    });
  }
  return { store, runner, service, clock };
};

const rows = (runner: Awaited<ReturnType<typeof play>>['runner']) => trainingCompliance(runner.state(trainingComplianceProjection), { today: '2024-12-01' });

describe('mentor training on a store (properties)', () => {
  it('refuses invalid sessions with a typed error naming the field, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mentorTrainingCommandArbitrary(), { maxLength: 12 }), invalidTrainingSessionArbitrary, async (history, { command, field }) => {
        const { store, runner, service } = await play(history);
        const before = await store.readAll();
        const read = structuredClone(rows(runner));
        const refusal = await service.training('m1', command).then(
          () => undefined,
          (error: unknown) => error,
        );
        // The shape is checked first (CommandValidationError); what only the decider can tell is a CommandRejectedError.
        expect(refusal instanceof CommandValidationError || refusal instanceof CommandRejectedError).toBe(true);
        if ((refusal as CommandRejectedError).reason !== 'training.duplicate-session') expect((refusal as CommandRejectedError | CommandValidationError).field).toBe(field);
        expect(await store.readAll()).toEqual(before);
        expect(rows(runner)).toEqual(read);
      }),
      { ...SETTINGS, seed: 20241114 },
    );
  });

  it('answers any command with a refusal that writes nothing, or with exactly the events it decided', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mentorTrainingCommandArbitrary(), { maxLength: 12 }), fc.array(mentorTrainingCommandArbitrary(), { minLength: 1, maxLength: 4 }), async (history, commands) => {
        const { store, service, clock } = await play(history);
        for (const command of commands) {
          clock.advance(60_000);
          const before = (await store.readAll()).length;
          try {
            const result = await service.training('m1', command);
            expect((await store.readAll()).length).toBe(before + result.events.length);
          } catch (error) {
            expect(error).toBeInstanceOf(CommandRejectedError);
            expect((await store.readAll()).length).toBe(before);
          }
        }
      }),
      { ...SETTINGS, seed: 20241115 },
    );
  });

  it('refuses training for a mentor never registered, writing nothing', async () => {
    const { store, service } = await play([]);
    const before = await store.readAll();
    await expect(
      service.training('m2', { type: 'RecordMentorTrainingSession', sessionId: 's1', mentorId: 'm2', providerId: 'p1', date: '2024-10-01', minutes: 60, mode: 'synchronous_online_twilight' }),
    ).rejects.toMatchObject({ reason: 'mentor.not-registered', field: 'mentorId' });
    expect(await store.readAll()).toEqual(before);
  });

  it('keeps the compliance read model inline equal to a rebuild from zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mentorTrainingCommandArbitrary(), { maxLength: 20 }), async (history) => {
        const { store, runner } = await play(history);
        const rebuilt = createProjectionRunner({ store, projections: [trainingComplianceProjection] });
        await rebuilt.rebuild();
        expect(rebuilt.state(trainingComplianceProjection)).toEqual(runner.state(trainingComplianceProjection));
      }),
      { ...SETTINGS, seed: 20241116 },
    );
  });
});
