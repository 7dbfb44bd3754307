import { CommandRejectedError, CommandValidationError, entitlementReadModel } from '@itt-ledger/core';
import { invalidPlacementCommandArbitrary, placementHistoryArbitrary, placementStateOf, randomPlacementCommandArbitrary } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { play, send, settings, timingArbitrary } from './placements.fixtures.js';

// Bad shapes are refused by the command schema, broken rules by the decider: both typed, both write nothing.
const isRefusal = (error: unknown): boolean => error instanceof CommandRejectedError || error instanceof CommandValidationError;

describe('placement commands on a store (properties)', () => {
  it('refuses invalid commands generated at random, with a typed error, and writes nothing', async () => {
    const arb = placementHistoryArbitrary.chain((history) =>
      fc.tuple(fc.constant(history), fc.array(invalidPlacementCommandArbitrary(placementStateOf(history.placementEvents)), { minLength: 1, maxLength: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(arb, timingArbitrary, async ([history, commands], timing) => {
        const { store, runner, service, clock } = await play(history, timing);
        const before = await store.readAll();
        const model = structuredClone(entitlementReadModel(runner));
        for (const command of commands) {
          clock.advance(60_000);
          await expect(send(service, command, {})).rejects.toSatisfy(isRefusal);
        }
        expect(await store.readAll()).toEqual(before);
        expect(entitlementReadModel(runner)).toEqual(model);
      }),
      settings(20240923),
    );
  });

  it('answers any well-typed command with a refusal that writes nothing, or with exactly the events it decided', async () => {
    const arb = fc.tuple(placementHistoryArbitrary, fc.array(randomPlacementCommandArbitrary, { minLength: 1, maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(arb, timingArbitrary, async ([history, commands], timing) => {
        const { store, service, clock } = await play(history, timing);
        for (const command of commands) {
          clock.advance(60_000);
          const before = (await store.readAll()).length;
          try {
            const result = await send(service, command, {});
            expect((await store.readAll()).length).toBe(before + result.events.length);
          } catch (error) {
            expect(error).toSatisfy(isRefusal);
            expect((await store.readAll()).length).toBe(before);
          }
        }
      }),
      settings(20240924),
    );
  });
});
