import { afterEach, beforeEach, describe } from 'vitest';
import { appendContract } from './appendContract.js';
import { concurrencyContract } from './concurrencyContract.js';
import { createContext, type ContractContext, type ContractStoreFactory, type EventStoreContractOptions } from './fixtures.js';
import { propertyContract } from './propertyContract.js';
import { readContract } from './readContract.js';
import { subscriptionContract } from './subscriptionContract.js';

/**
 * Registers the event store contract with vitest: every promise of the store port, as cases and as
 * fast-check properties against a model. Call it from an adapter's `*.contract.test.ts`:
 *
 * ```ts
 * describeEventStoreContract('my adapter', ({ registry, clock, ids }) => createMyStore({ registry, clock, ids }));
 * ```
 */
export const describeEventStoreContract = (name: string, factory: ContractStoreFactory, options: EventStoreContractOptions = {}) => {
  describe(`${name}: event store contract`, () => {
    let context: ContractContext | undefined;
    beforeEach(async () => {
      context = await createContext(factory);
    });
    afterEach(async () => {
      await context?.store.close();
      context = undefined;
    });
    const get = () => {
      if (!context) throw new Error('the contract context is made in beforeEach');
      return context;
    };
    appendContract(get);
    readContract(get);
    concurrencyContract(get);
    subscriptionContract(get, options.deliveryTimeoutMs ?? 5_000);
    propertyContract(get, options.numRuns ?? 50, options.seed);
  });
};

export {
  ItemAdded,
  ItemRemoved,
  NoteWritten,
  contractDefinitions,
  createContractRegistry,
  type ContractContext,
  type ContractDeps,
  type ContractEvent,
  type ContractStoreFactory,
  type EventStoreContractOptions,
} from './fixtures.js';
export { describeEventStoreStress, type EventStoreStressOptions } from '../stress/describeEventStoreStress.js';
export { formatStressReport, runStressTest, type StressOptions, type StressReport } from '../stress/runStressTest.js';
export {
  checkStoreConsistency,
  findStoreViolations,
  type ConsistencyInput,
  type ConsistencySummary,
  type StoreInvariant,
} from '../stress/checkStoreConsistency.js';
export { StoreConsistencyError } from '../stress/storeConsistencyError.js';
export type { AcceptedAppend } from '../stress/stressLog.js';
export { stockDecider, type StockCommand, type StockState } from '../stress/stockDecider.js';
export { stockInvariant } from '../stress/stockInvariant.js';
export { stockProjections, type StoreTotals, type StreamStock } from '../stress/stockProjections.js';
