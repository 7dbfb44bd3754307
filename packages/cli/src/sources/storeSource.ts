import { InvalidArgumentError, type Clock, type EventRegistry, type EventStore } from '@itt-ledger/core';
import { UsageError } from '../io.js';
import { rawRegistry } from './rawRegistry.js';
import type { EventSource, SourceItem } from './source.js';

/** Opens a store from a connection string; the CLI's default loads the EventStoreDB adapter. */
export type StoreConnector = (connectionString: string, deps: { readonly registry: EventRegistry; readonly clock: Clock }) => Promise<EventStore>;

/** Connects, and words a malformed connection string as a usage error naming the flag it came from. */
export const connectFrom = async (
  flag: string,
  connect: StoreConnector,
  connectionString: string,
  deps: Parameters<StoreConnector>[1],
): Promise<EventStore> => {
  try {
    return await connect(connectionString, deps);
  } catch (error) {
    if (error instanceof InvalidArgumentError && error.field === 'connectionString') throw new UsageError(`${flag}: ${error.reason}`);
    throw error;
  }
};

/** Events read per page. */
export const PAGE_SIZE = 1_000;

/** `esdb://admin:changeit@host` → `esdb://admin:***@host`: labels end up in reports and terminals. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]+):[^@/]*@/i, '$1:***@');

/** A store read in pages of global order, its events undecoded (see {@link rawRegistry}). */
export const createStoreSource = (
  connectionString: string,
  deps: { readonly registry: EventRegistry; readonly connect: StoreConnector; readonly clock: Clock },
): EventSource => {
  const opened: EventStore[] = [];
  const open = async (registry: EventRegistry) => {
    const store = await connectFrom('--esdb', deps.connect, connectionString, { registry, clock: deps.clock });
    opened.push(store);
    return store;
  };
  return {
    label: `EventStoreDB ${redactConnectionString(connectionString)}`,
    kind: 'store',
    records: async function* (): AsyncGenerator<SourceItem> {
      const store = await open(rawRegistry(deps.registry));
      let from: bigint | 'start' = 'start';
      for (;;) {
        const page = await store.readAll({ fromPosition: from, maxCount: PAGE_SIZE });
        for (const event of page) if (from === 'start' || event.globalPosition > from) yield { record: event };
        const last = page[page.length - 1];
        if (page.length < PAGE_SIZE || last === undefined) return;
        // Positions need not be contiguous: the next page starts at (and skips) the last event seen.
        from = last.globalPosition;
      }
    },
    store: () => open(deps.registry),
    close: async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
  };
};
