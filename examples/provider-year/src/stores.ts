import { createIttLedgerRegistry, manualClock, seededIds, type EventStore, type IttLedgerEvent, type ManualClock } from '@itt-ledger/core';
import { redactConnectionString } from '@itt-ledger/cli';
import { createEventStoreDbStore } from '@itt-ledger/store-eventstoredb';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { PROVIDER_YEAR } from './cast.js';
import { withStreamPrefix } from './streamPrefix.js';

export interface ProviderYearStore {
  readonly store: EventStore<IttLedgerEvent>;
  /** The store's clock, which the run sets step by step. */
  readonly clock: ManualClock;
  /** Where the events go, for a message: `the in-memory store`, or the server and the stream prefix. */
  readonly description: string;
}

/**
 * The store a provider year is written to, with the registry of the whole domain, a manual clock and
 * the seeded ids that make every run write the same events: the in-memory store, or EventStoreDB at
 * `connectionString`, seen through `streamPrefix` (see `withStreamPrefix`).
 */
export const openProviderYearStore = (options: { readonly connectionString?: string; readonly streamPrefix?: string } = {}): ProviderYearStore => {
  const registry = createIttLedgerRegistry();
  const clock = manualClock(PROVIDER_YEAR.clockStart);
  const ids = seededIds(PROVIDER_YEAR.seed);
  if (options.connectionString === undefined) return { store: createInMemoryEventStore({ registry, clock, ids }), clock, description: 'the in-memory store' };
  const prefix = options.streamPrefix ?? '';
  const server = createEventStoreDbStore({ registry, clock, ids, connectionString: options.connectionString });
  const where = prefix === '' ? 'without a stream prefix' : `under the stream prefix ${JSON.stringify(prefix)}`;
  return { store: withStreamPrefix(server, prefix), clock, description: `EventStoreDB at ${redactConnectionString(options.connectionString)}, ${where}` };
};
