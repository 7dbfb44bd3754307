import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import type { ContractEvent } from '../contract/fixtures.js';
import type { StoreInvariant } from './checkStoreConsistency.js';
import { stockDecider, type StockState } from './stockDecider.js';

interface Totals {
  added: number;
  removed: number;
  notes: number;
}

const tally = (totals: Map<string, Totals>, streamId: string, event: DomainEvent) => {
  const entry = totals.get(streamId) ?? { added: 0, removed: 0, notes: 0 };
  totals.set(streamId, entry);
  const typed = event as ContractEvent;
  if (typed.type === 'ItemAdded') entry.added += typed.data.quantity;
  else if (typed.type === 'ItemRemoved') entry.removed++;
  else entry.notes++;
};

/**
 * The stock decider's rules, proved from the store: an item is removed only while it is held (two
 * concurrent removals both stored would be a lost update), and each stream's totals are the sum of
 * what the accepted commands decided for it.
 */
export const stockInvariant: StoreInvariant = (stored, accepted) => {
  const violations: string[] = [];
  const states = new Map<string, StockState>();
  const fromStore = new Map<string, Totals>();
  for (const event of stored as readonly StoredEvent<ContractEvent>[]) {
    const state = states.get(event.streamId) ?? stockDecider.initialState;
    if (event.type === 'ItemRemoved' && state.held[event.data.itemId] === undefined) {
      violations.push(`invariant: ${event.streamId}@${event.streamRevision} removes ${event.data.itemId}, which was not held (a lost update)`);
    }
    states.set(event.streamId, stockDecider.evolve(state, event));
    tally(fromStore, event.streamId, event);
  }
  const fromLog = new Map<string, Totals>();
  for (const append of accepted) for (const event of append.events) tally(fromLog, append.streamId, event);
  for (const streamId of new Set([...fromStore.keys(), ...fromLog.keys()])) {
    const [store, log] = [fromStore.get(streamId), fromLog.get(streamId)];
    if (JSON.stringify(store) !== JSON.stringify(log)) {
      violations.push(`invariant: ${streamId} totals ${JSON.stringify(store)} are not the sum of its accepted commands ${JSON.stringify(log)}`);
    }
  }
  return violations;
};
