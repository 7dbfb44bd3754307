import { describeEventStoreContract } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

describeEventStoreContract('in-memory', ({ registry, clock, ids }) => createInMemoryEventStore({ registry, clock, ids }), {
  numRuns: 300,
  seed: 20240902,
});
