import { createIttLedgerRegistry, createProjectionRunner, ittLedgerProjections, manualClock, runProjection, seededIds } from '@itt-ledger/core';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';
import { domainScenarios } from './scenarios.fixtures.js';

describe('ittLedgerProjections: every read model in one runner', () => {
  it.each(Object.entries(domainScenarios))('rebuilding %s through one runner equals running each projection alone', async (_name, steps) => {
    const clock = manualClock('2024-07-01T08:00:00.000Z');
    const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(8) });
    for (const step of steps) await step({ store, clock });
    const events = await store.readAll();
    const types = new Set(events.map((event) => event.type));
    expect(types.size).toBeGreaterThan(5);

    const runner = createProjectionRunner({ store, projections: ittLedgerProjections });
    await runner.rebuild();
    for (const projection of ittLedgerProjections) {
      expect(runner.state(projection), projection.name).toEqual(runProjection(projection, events));
    }
    // Every event the scenarios wrote reached a read model that handles its type.
    const handled = new Set(ittLedgerProjections.flatMap((projection) => projection.eventTypes));
    expect([...types].filter((type) => !handled.has(type))).toEqual([]);
  });
});
