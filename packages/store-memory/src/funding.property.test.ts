import { CommandRejectedError, CommandValidationError, claimDecider, claimStreamId, createCommandHandler, createEventRegistry, manualClock, seededIds } from '@itt-ledger/core';
import { FUNDING_YEAR, fundingYearEventDefinitions, invalidClaimCommandArbitrary, runFundingYear } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

describe('claims on the in-memory store (properties)', () => {
  it('refuses random invalid commands with a typed error and writes nothing', async () => {
    const clock = manualClock('2024-07-01T08:00:00.000Z');
    const store = createInMemoryEventStore({ registry: createEventRegistry(fundingYearEventDefinitions), clock, ids: seededIds(3) });
    await runFundingYear({ store, clock });
    const handle = createCommandHandler({ store, decider: claimDecider, clock });
    const claimIds = [FUNDING_YEAR.claimId, 'claim-never-drafted'];
    const size = store.size();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...claimIds), invalidClaimCommandArbitrary, async (claimId, command) => {
        // Refused by the command's schema (CommandValidationError) or by the decider (CommandRejectedError).
        const refusal = await handle(claimStreamId(claimId), command).then(() => undefined, (error: unknown) => error);
        expect(refusal instanceof CommandValidationError || refusal instanceof CommandRejectedError).toBe(true);
        expect(store.size()).toBe(size);
      }),
      { numRuns: 300, seed: 20240909 },
    );
  });
});
