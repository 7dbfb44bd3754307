import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { seededIds } from '../kernel/ids.js';
import { invalidPlacementCommandArbitrary, placementCommandFor, randomPlacementCommandArbitrary } from '../testing/arbitraries/placementCommands.js';
import { placementHistoryArbitrary, placementStateOf } from '../testing/arbitraries/placements.js';
import { placementDecider } from './decider.js';
import { placementRegistry, type PlacementEvent } from './events.js';

const settings = (seed: number) => ({ numRuns: 1000, seed });

const decide = (events: readonly PlacementEvent[], command: ReturnType<typeof placementCommandFor>) => placementDecider.decide(command, placementStateOf(events));

describe('the placement decider (properties)', () => {
  it('decides every event of a generated history from its command: the arbitraries make valid histories', () => {
    fc.assert(
      fc.property(placementHistoryArbitrary, ({ placementEvents }) => {
        placementEvents.forEach((event, i) => expect(decide(placementEvents.slice(0, i), placementCommandFor(event))).toEqual([event]));
        expect(() => placementRegistry.prepare(placementEvents.map((event) => ({ ...event, occurredAt: '2024-09-02T08:00:00.000Z' })), seededIds(1))).not.toThrow();
      }),
      settings(20240911),
    );
  });

  it('refuses an invalid command with a typed reason and a field, whatever the history', () => {
    const arb = placementHistoryArbitrary.chain(({ placementEvents }) => fc.tuple(fc.constant(placementEvents), invalidPlacementCommandArbitrary(placementStateOf(placementEvents))));
    fc.assert(
      fc.property(arb, ([events, command]) => {
        let error: unknown;
        try {
          decide(events, command);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(CommandRejectedError);
        expect((error as CommandRejectedError).reason).toMatch(/^(placement|record|calendar)\.[a-z-]+$/);
        expect((error as CommandRejectedError).field).toBeTruthy();
      }),
      settings(20240912),
    );
  });

  it('answers any well-typed command with events the registry accepts, or a refusal, never another error', () => {
    const arb = fc.tuple(placementHistoryArbitrary, fc.array(randomPlacementCommandArbitrary, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(arb, ([{ placementEvents }, commands]) => {
        let events = placementEvents;
        for (const command of commands) {
          try {
            const decided = decide(events, command);
            placementRegistry.prepare(decided.map((event) => ({ ...event, occurredAt: '2024-09-02T08:00:00.000Z' })), seededIds(1));
            events = [...events, ...decided];
          } catch (error) {
            expect(error).toBeInstanceOf(CommandRejectedError);
          }
        }
      }),
      settings(20240913),
    );
  });
});
