import { z } from 'zod';
import type { Clock, ManualClock } from '../../kernel/clock.js';
import { manualClock } from '../../kernel/clock.js';
import { defineEvent, type EventsOf } from '../../kernel/eventDefinition.js';
import type { NewEvent } from '../../kernel/envelope.js';
import { seededIds, type IdGenerator } from '../../kernel/ids.js';
import { personalData } from '../../kernel/personalData.js';
import { createEventRegistry, type EventRegistry } from '../../kernel/registry.js';
import type { EventStore } from '../../kernel/store.js';

// Domain-free events for the contract suite: a version chain, a personal field and nested data.
export const ItemAdded = defineEvent('ItemAdded', z.object({ itemId: z.string().min(1), quantity: z.number().int().min(0) })).upcastTo(
  z.object({ itemId: z.string().min(1), quantity: z.number().int().min(0), unit: z.string().min(1) }),
  (v1) => ({ ...v1, unit: 'each' }),
);
export const ItemRemoved = defineEvent('ItemRemoved', z.object({ itemId: z.string().min(1) }));
export const NoteWritten = defineEvent(
  'NoteWritten',
  z.object({
    authorId: z.string().min(1),
    text: personalData(z.string().max(10_000), { subjectField: 'authorId' }),
    tags: z.array(z.object({ name: z.string() })).default([]),
  }),
);

export const contractDefinitions = [ItemAdded, ItemRemoved, NoteWritten] as const;
export type ContractEvent = EventsOf<typeof contractDefinitions>;

export const createContractRegistry = (): EventRegistry<ContractEvent> => createEventRegistry(contractDefinitions);

/** What a factory receives: use all three, so that the suite controls time and ids. */
export interface ContractDeps {
  readonly registry: EventRegistry<ContractEvent>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Makes the store under test. The suite calls `close()` on it after each test. */
export type ContractStoreFactory = (deps: ContractDeps) => EventStore<ContractEvent> | Promise<EventStore<ContractEvent>>;

export interface EventStoreContractOptions {
  /** Runs per fast-check property; default 50 (the in-memory adapter's own tests use more). */
  readonly numRuns?: number;
  /** Seed for the properties, so that a failure can be replayed. */
  readonly seed?: number;
  /** Milliseconds to wait for a subscription to deliver; default 5000. */
  readonly deliveryTimeoutMs?: number;
}

export interface ContractContext {
  readonly store: EventStore<ContractEvent>;
  readonly clock: ManualClock;
  /** A stream id unique to this test, so that a shared server can run the suite too. */
  stream(name?: string): string;
  /** The prefix every stream of this test starts with: filter `readAll` by it on a shared store. */
  readonly prefix: string;
}

let run = 0;
const runId = `c${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export const createContext = async (factory: ContractStoreFactory): Promise<ContractContext> => {
  const clock = manualClock('2024-09-02T08:00:00.000Z');
  const store = await factory({ registry: createContractRegistry(), clock, ids: seededIds(++run) });
  const prefix = `${runId}-${run}-`;
  let streams = 0;
  return { store, clock, prefix, stream: (name = 's') => `${prefix}${name}-${++streams}` };
};

export const OCCURRED = '2024-09-02T07:30:00.000Z';

export const added = (itemId: string, quantity = 1, extra: Partial<NewEvent<ContractEvent>> = {}): NewEvent<ContractEvent> =>
  ({ type: 'ItemAdded', data: { itemId, quantity, unit: 'each' }, occurredAt: OCCURRED, ...extra }) as NewEvent<ContractEvent>;

export const removed = (itemId: string): NewEvent<ContractEvent> => ({ type: 'ItemRemoved', data: { itemId }, occurredAt: OCCURRED });

export const note = (authorId: string, text: string): NewEvent<ContractEvent> => ({
  type: 'NoteWritten',
  data: { authorId, text, tags: [{ name: 'a' }] },
  occurredAt: OCCURRED,
});

/** An event the registry must refuse: a negative quantity. */
export const invalid = (): NewEvent<ContractEvent> => ({ type: 'ItemAdded', data: { itemId: 'x', quantity: -1, unit: 'each' }, occurredAt: OCCURRED });

export const ids = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);
