import { defineProjection } from '@itt-ledger/core';
import type { ContractEvent } from '@itt-ledger/core/testing/contract';

// Projections over the contract suite's events, shared by the runner's unit and property tests.
export type Items = Extract<ContractEvent, { type: 'ItemAdded' | 'ItemRemoved' }>;
export type Notes = Extract<ContractEvent, { type: 'NoteWritten' }>;

export const stock = defineProjection<Items, Readonly<Record<string, number>>>({
  name: 'stock',
  initialState: () => ({}),
  handlers: {
    ItemAdded: (s, { data }) => ({ ...s, [data.itemId]: (s[data.itemId] ?? 0) + data.quantity }),
    ItemRemoved: (s, { data }) => {
      const { [data.itemId]: _gone, ...rest } = s;
      return rest;
    },
  },
});
