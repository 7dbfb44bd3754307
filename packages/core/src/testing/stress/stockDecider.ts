import { match } from 'ts-pattern';
import { evolveWith, type Decider } from '../../kernel/decider.js';
import type { ContractEvent } from '../contract/fixtures.js';

// A tiny stock-keeping aggregate over the contract events: enough to make concurrent writers disagree.
export type StockCommand =
  | { readonly type: 'AddItems'; readonly items: readonly { readonly itemId: string; readonly quantity: number }[] }
  | { readonly type: 'RemoveItem'; readonly itemId: string }
  | { readonly type: 'WriteNote'; readonly authorId: string; readonly text: string };

/** Quantity held per item id. */
export interface StockState {
  readonly held: Readonly<Record<string, number>>;
}

const without = (held: Readonly<Record<string, number>>, itemId: string) => {
  const next = { ...held };
  delete next[itemId];
  return next;
};

/** Removing an item that is not held decides nothing: two concurrent removals must not both be stored. */
export const stockDecider: Decider<StockCommand, ContractEvent, StockState> = {
  initialState: { held: {} },
  decide: (command, state) =>
    match(command)
      .with({ type: 'AddItems' }, ({ items }): ContractEvent[] =>
        items.map(({ itemId, quantity }) => ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' } })),
      )
      .with({ type: 'RemoveItem' }, ({ itemId }): ContractEvent[] =>
        state.held[itemId] === undefined ? [] : [{ type: 'ItemRemoved', data: { itemId } }],
      )
      .with({ type: 'WriteNote' }, ({ authorId, text }): ContractEvent[] => [{ type: 'NoteWritten', data: { authorId, text, tags: [] } }])
      .exhaustive(),
  evolve: evolveWith<ContractEvent, StockState>({
    ItemAdded: (state, { data }) => ({ held: { ...state.held, [data.itemId]: (state.held[data.itemId] ?? 0) + data.quantity } }),
    ItemRemoved: (state, { data }) => ({ held: without(state.held, data.itemId) }),
    NoteWritten: (state) => state,
  }),
};
