import { describeEventStoreContract } from '@itt-ledger/core/testing/contract';
import { describe } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';

// The same suite against a real EventStoreDB or KurrentDB, when one is given: start one with
//   docker run --rm -p 2113:2113 eventstore/eventstore:latest --insecure --run-projections=All --mem-db
// and run EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false pnpm vitest run packages/store-eventstoredb
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const title = connectionString
  ? `real EventStoreDB at ${connectionString}`
  : 'real EventStoreDB: skipped, EVENTSTORE_CONNECTION_STRING is not set (e.g. esdb://localhost:2113?tls=false)';

describe.skipIf(!connectionString)(title, () => {
  describeEventStoreContract(
    'EventStoreDB adapter on a real server',
    ({ registry, clock, ids }) => createEventStoreDbStore({ registry, clock, ids, connectionString: connectionString ?? '' }),
    { numRuns: 25, seed: 20240902, deliveryTimeoutMs: 10_000 },
  );
});
