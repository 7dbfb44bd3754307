import { aggregateStream, entitlementAsOf, entitlementReadModel, initialPlacementState, placementDecider, placementEntitlement, placementStreamId, replayEntitlement } from '@itt-ledger/core';
import { instantArbitrary, placementHistoryArbitrary } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { play, settings, timingArbitrary } from './placements.fixtures.js';

describe('the entitlement projections on a store (properties)', () => {
  it('stay equal, maintained incrementally, to a replay of the stream from zero', async () => {
    await fc.assert(
      fc.asyncProperty(placementHistoryArbitrary, timingArbitrary, async (history, timing) => {
        const { store, runner } = await play(history, timing);
        const all = await store.readAll();
        expect(all).toHaveLength(history.events.length);
        expect(entitlementReadModel(runner)).toEqual(replayEntitlement(all));
      }),
      settings(20240921),
    );
  });

  it('as of an instant, equal what was known then, and the replay of only the events that had happened', async () => {
    await fc.assert(
      fc.asyncProperty(placementHistoryArbitrary, timingArbitrary, fc.uniqueArray(fc.nat(25), { maxLength: 4 }), instantArbitrary('2024-09-01T00:00:00.000Z', '2025-01-31T00:00:00.000Z'), async (history, timing, steps, instant) => {
        const { store, known } = await play(history, timing, new Set(steps));
        const all = await store.readAll();
        for (const { at, entitlement } of known) {
          expect(placementEntitlement(entitlementAsOf(all, { recordedAt: at }), 'p1', { today: history.today })).toEqual(entitlement);
        }
        const happened = entitlementAsOf(all, { occurredAt: instant }).placements.get('p1') ?? initialPlacementState;
        const folded = await aggregateStream(store, placementStreamId('p1'), placementDecider, { asOf: { occurredAt: instant } });
        expect(happened).toEqual(folded.state);
      }),
      settings(20240922),
    );
  });
});
