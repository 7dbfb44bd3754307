import { createInMemoryKeyStore, withCryptoShredding } from '@itt-ledger/core';
import { describeEventStoreContract } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// The decorator keeps every promise of the port; the contract's NoteWritten has a personal field, so its
// cases also go through sealing and opening.
describeEventStoreContract(
  'in-memory + crypto-shredding',
  ({ registry, clock, ids }) => withCryptoShredding(createInMemoryEventStore({ registry, clock, ids }), { keyStore: createInMemoryKeyStore() }),
  { numRuns: 100, seed: 20240903 },
);
