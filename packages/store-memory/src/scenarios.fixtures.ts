import type { EventStore, IttLedgerEvent, ManualClock } from '@itt-ledger/core';
import { runFundingYear, runMentorYear, runPlacementTerm, runRecoveryPlan } from '@itt-ledger/core/testing';

/** One of the domain scenarios of `@itt-ledger/core/testing`, run on a store with its clock. */
export type Scenario = (deps: { readonly store: EventStore<IttLedgerEvent>; readonly clock: ManualClock }) => Promise<unknown>;

/** Every domain scenario by name, as the steps to run in turn on one store. */
export const domainScenarios: Readonly<Record<string, readonly Scenario[]>> = {
  // The recovery plan's trainee is the placement term's Ada at Oak Primary.
  'a placement term and a recovery plan': [runPlacementTerm, runRecoveryPlan],
  'a mentor year': [runMentorYear],
  'a funding year': [runFundingYear],
};
