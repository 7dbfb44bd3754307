import { CommandValidationError } from '@itt-ledger/core';
import { badValueArbitrary, corruptedInput } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { expectTypedOutcome, fuzzWorld, mustBeRefused, placementCases, progressCases, sendPlacement, sendProgress, type FuzzCase, type Tally } from './commandFuzz.fixtures.js';

const RUNS = 400;
const tallies: Record<string, Tally> = {};
const tally = (name: string): Tally => (tallies[name] ??= { accepted: 0, invalid: 0, rejected: 0 });

afterAll(() => {
  console.log(`[fuzz] command types fuzzed: ${exercised.size} (${[...exercised.values()].reduce((a, b) => a + b, 0)} corrupted inputs)`);
  for (const [name, t] of Object.entries(tallies)) console.log(`[fuzz] ${name}: ${t.accepted} accepted, ${t.invalid} invalid (field named), ${t.rejected} rejected by a rule`);
});

const corrupted = (cases: readonly FuzzCase[]) =>
  fc.constantFrom(...cases).chain((fuzzCase) => corruptedInput(fuzzCase.input).map((corruption) => ({ fuzzCase, corruption })));

const commandName = ({ via, input }: FuzzCase): string => (typeof input.type === 'string' ? input.type : via);
const exercised = new Map<string, number>();
const exercise = (fuzzCase: FuzzCase): void => {
  exercised.set(commandName(fuzzCase), (exercised.get(commandName(fuzzCase)) ?? 0) + 1);
};
/** Every command of `cases` was corrupted at least ten times in the run. */
const expectEveryCommandFuzzed = (cases: readonly FuzzCase[]): void => {
  for (const fuzzCase of cases) expect(exercised.get(commandName(fuzzCase)) ?? 0, commandName(fuzzCase)).toBeGreaterThanOrEqual(10);
};

const untouched = (): boolean => !Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');

describe('every school, trainee and placement command, fuzzed', () => {
  it('answers corrupted input with success or a typed refusal naming the field, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(corrupted(placementCases), async ({ fuzzCase, corruption }) => {
        exercise(fuzzCase);
        const { store, placements } = await fuzzWorld();
        const before = await store.readAll();
        const attempt = sendPlacement(placements, fuzzCase.via, corruption.input);
        const accepted = await expectTypedOutcome(attempt, corruption, mustBeRefused(fuzzCase.input, corruption), tally('placement commands'));
        if (!accepted) expect(await store.readAll()).toStrictEqual(before);
        expect(untouched()).toBe(true);
      }),
      { seed: 90_001, numRuns: RUNS },
    );
    expectEveryCommandFuzzed(placementCases);
  });
});

describe('every review point, target, lead mentor QA, IRP and welfare command, fuzzed', () => {
  it('answers corrupted input with success or a typed refusal naming the field, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(corrupted(progressCases), async ({ fuzzCase, corruption }) => {
        exercise(fuzzCase);
        const { store, progress } = await fuzzWorld();
        const before = await store.readAll();
        const attempt = sendProgress(progress, fuzzCase.via, fuzzCase.id, corruption.input);
        const accepted = await expectTypedOutcome(attempt, corruption, mustBeRefused(fuzzCase.input, corruption), tally('progress commands'));
        if (!accepted) expect(await store.readAll()).toStrictEqual(before);
        expect(untouched()).toBe(true);
      }),
      { seed: 90_002, numRuns: RUNS },
    );
    expectEveryCommandFuzzed(progressCases);
  });

  it('refuses a bad stream key (review point, target, placement or trainee id) naming it, and writes nothing', async () => {
    const fields: Record<string, string> = { reviewPoint: 'reviewPointId', target: 'targetId', leadMentorQa: 'placementId', irp: 'traineeId', welfare: 'traineeId' };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...progressCases), badValueArbitrary, async (fuzzCase, id) => {
        const { store, progress } = await fuzzWorld();
        const before = await store.readAll();
        try {
          await sendProgress(progress, fuzzCase.via, id, fuzzCase.input);
          tally('progress stream keys').accepted++;
        } catch (error) {
          if (error instanceof CommandValidationError && error.field === fields[fuzzCase.via]) tally('progress stream keys').invalid++;
          else {
            // A bad value can still be a valid id (a short string): then a rule may refuse the command.
            expect(error).toHaveProperty('code', 'COMMAND_REJECTED');
            tally('progress stream keys').rejected++;
          }
          expect(await store.readAll()).toStrictEqual(before);
        }
      }),
      { seed: 90_003, numRuns: 300 },
    );
  });
});
