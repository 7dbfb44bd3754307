import { describeEventStoreContract } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { withStreamPrefix } from './streamPrefix.js';

// The prefixed view is a store in its own right: it keeps every promise of the port.
describeEventStoreContract(
  'in-memory store seen through a stream prefix',
  ({ registry, clock, ids }) => withStreamPrefix(createInMemoryEventStore({ registry, clock, ids }), 'run-7/'),
  { numRuns: 50, seed: 20240902 },
);
