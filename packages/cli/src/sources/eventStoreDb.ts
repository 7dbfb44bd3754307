import type { StoreConnector } from './storeSource.js';

/** Short waits: a person at a terminal should hear within seconds that the store cannot be reached (exit 3). */
export const CLI_DEADLINE_MS = 5_000;
export const CLI_RETRIES = 2;

/**
 * The default connector: the EventStoreDB adapter, loaded only when a command names a store, so that
 * reading an export file never loads the gRPC client. The adapter stamps `recordedAt` with the clock it is
 * given, which is how `import` keeps each event's original instant.
 */
export const connectEventStoreDb: StoreConnector = async (connectionString, { registry, clock }) => {
  const { createEventStoreDbStore } = await import('@itt-ledger/store-eventstoredb');
  return createEventStoreDbStore({ registry, clock, connectionString, deadlineMs: CLI_DEADLINE_MS, retry: { retries: CLI_RETRIES } });
};
