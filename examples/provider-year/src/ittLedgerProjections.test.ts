import { createProjectionRunner, ittLedgerProjections, runProjection } from '@itt-ledger/core';
import { expect, it } from 'vitest';
import { runProviderYear } from './providerYear.js';
import { openProviderYearStore } from './stores.js';

// Every read model of the domain in one runner (core's `ittLedgerProjections`), over the provider's year.
it('rebuilding the provider year through ittLedgerProjections equals running each projection alone', async () => {
  const { store, clock } = openProviderYearStore();
  await runProviderYear({ store, clock });
  const events = await store.readAll();
  const runner = createProjectionRunner({ store, projections: ittLedgerProjections });
  await runner.rebuild();
  for (const projection of ittLedgerProjections) expect(runner.state(projection), projection.name).toEqual(runProjection(projection, events));
  // Every event the year wrote reached a read model that handles its type.
  const handled = new Set(ittLedgerProjections.flatMap((projection) => projection.eventTypes));
  expect([...new Set(events.map((event) => event.type))].filter((type) => !handled.has(type))).toEqual([]);
});
