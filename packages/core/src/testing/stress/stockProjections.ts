import type { StoredEvent } from '../../kernel/envelope.js';
import { defineProjection, type Projection } from '../../kernel/projection.js';
import type { ContractEvent } from '../contract/fixtures.js';

export interface StreamStock {
  readonly held: Readonly<Record<string, number>>;
  /** Quantity added, removals and notes: totals the accepted commands must account for. */
  readonly added: number;
  readonly removed: number;
  readonly notes: number;
}

export interface StoreTotals {
  readonly events: number;
  readonly lastPosition: string | undefined;
}

const EMPTY: StreamStock = { held: {}, added: 0, removed: 0, notes: 0 };

/**
 * The stress run's read models. Events outside `prefix` are ignored, so that a run on a shared server
 * folds only its own streams, live and in the replay alike.
 */
export const stockProjections = (prefix: string) => {
  const ours = (event: StoredEvent) => event.streamId.startsWith(prefix);
  const update = (state: Readonly<Record<string, StreamStock>>, event: StoredEvent, change: (stock: StreamStock) => StreamStock) =>
    ours(event) ? { ...state, [event.streamId]: change(state[event.streamId] ?? EMPTY) } : state;

  const stockByStream: Projection<ContractEvent, Readonly<Record<string, StreamStock>>> = defineProjection<
    ContractEvent,
    Readonly<Record<string, StreamStock>>
  >({
    name: 'stress.stockByStream',
    initialState: () => ({}),
    handlers: {
      ItemAdded: (state, event) =>
        update(state, event, (stock) => ({
          ...stock,
          held: { ...stock.held, [event.data.itemId]: (stock.held[event.data.itemId] ?? 0) + event.data.quantity },
          added: stock.added + event.data.quantity,
        })),
      ItemRemoved: (state, event) =>
        update(state, event, (stock) => {
          const held = { ...stock.held };
          delete held[event.data.itemId];
          return { ...stock, held, removed: stock.removed + 1 };
        }),
      NoteWritten: (state, event) => update(state, event, (stock) => ({ ...stock, notes: stock.notes + 1 })),
    },
  });

  const count = (state: StoreTotals, event: StoredEvent): StoreTotals =>
    ours(event) ? { events: state.events + 1, lastPosition: event.globalPosition.toString() } : state;
  const storeTotals: Projection<ContractEvent, StoreTotals> = defineProjection<ContractEvent, StoreTotals>({
    name: 'stress.storeTotals',
    initialState: () => ({ events: 0, lastPosition: undefined }),
    handlers: { ItemAdded: count, ItemRemoved: count, NoteWritten: count },
  });

  return { stockByStream, storeTotals } as const;
};
