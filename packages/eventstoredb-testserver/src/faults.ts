/** When an injected append drop happens: before anything is written, or after the write, before the answer. */
export type DropPoint = 'before-write' | 'after-write';

/** Which reads an injected read drop applies to: stream reads, $all reads, or either. Never subscriptions. */
export type ReadKind = 'stream' | 'all';

/**
 * Faults the test server can inject, for tests of what a client does when things go wrong. Every fault
 * stays until it is used up or cleared; `reset()` clears them all. A dropped call ends with gRPC status
 * UNAVAILABLE, which is what the client reports when the connection to a server is lost.
 */
export interface Faults {
  /** The next `count` appends (Append or BatchAppend) are dropped at `at` (default `after-write`: written, never answered). */
  dropNextAppend(options?: { readonly at?: DropPoint; readonly count?: number }): void;
  /**
   * The next `count` (default 1) reads of `of` (default either; subscriptions never) are cut once they have
   * sent `after` events (default 0; all of them, if fewer), before their end: the call ends UNAVAILABLE, as
   * when the connection is lost mid-read.
   */
  dropNextRead(options?: { readonly after?: number; readonly count?: number; readonly of?: ReadKind }): void;
  /** Every call is answered UNAVAILABLE, and open subscriptions are dropped, until {@link available}. */
  unavailable(): void;
  available(): void;
  /** Every answer (append results, read and subscription streams) waits `ms` first; 0 turns it off. */
  delayResponses(ms: number): void;
  /**
   * Every subscription, open or opened later, is dropped once it has sent `events` more events; it applies
   * again to the next subscription, so a client that resubscribes is dropped every `events` events.
   * `undefined` turns it off.
   */
  dropSubscriptionsAfter(events: number | undefined): void;
  /** Drops every open subscription now. */
  dropSubscriptions(): void;
  /** Clears every fault. */
  reset(): void;
  /** What the faults have done so far. */
  readonly stats: FaultStats;
}

export interface FaultStats {
  readonly droppedAppends: number;
  readonly droppedReads: number;
  readonly droppedSubscriptions: number;
  readonly refusedCalls: number;
}

/** The server-side view: what the service code asks before answering. */
export interface FaultState {
  readonly faults: Faults;
  isUnavailable(): boolean;
  refused(): void;
  /** Consumes one pending append drop, if any. */
  takeAppendDrop(): DropPoint | undefined;
  /** Arms a crash: the next append that is written calls `crash` instead of being answered. */
  crashAfterNextWrite(crash: () => void): void;
  /** Consumes the armed crash, if any. */
  takeCrash(): (() => void) | undefined;
  /** Consumes one pending drop for a read of this kind, if any: the number of events to send first. */
  takeReadDrop(kind: ReadKind): number | undefined;
  delayMs(): number;
  subscriptionLimit(): number | undefined;
  /** Registers an open subscription's drop function; returns the unregister function. */
  trackSubscription(drop: (why: 'fault' | 'shutdown') => void): () => void;
  subscriptionDropped(): void;
  /** Ends every open subscription without counting it as an injected drop: the server is going down. */
  endSubscriptions(): void;
}

export const createFaultState = (): FaultState => {
  let drops: DropPoint[] = [];
  let crash: (() => void) | undefined;
  let readDrops: { readonly after: number; readonly of: ReadKind | undefined }[] = [];
  let down = false;
  let delay = 0;
  let subscriptionLimit: number | undefined;
  const open = new Set<(why: 'fault' | 'shutdown') => void>();
  const stats = { droppedAppends: 0, droppedReads: 0, droppedSubscriptions: 0, refusedCalls: 0 };
  const dropAll = (why: 'fault' | 'shutdown') => {
    for (const drop of [...open]) drop(why);
  };

  const faults: Faults = {
    dropNextAppend: ({ at = 'after-write', count = 1 } = {}) => {
      drops.push(...Array.from({ length: count }, () => at));
    },
    dropNextRead: ({ after = 0, count = 1, of } = {}) => {
      readDrops.push(...Array.from({ length: count }, () => ({ after: Math.max(0, after), of })));
    },
    unavailable: () => {
      down = true;
      dropAll('fault');
    },
    available: () => {
      down = false;
    },
    delayResponses: (ms) => {
      delay = Math.max(0, ms);
    },
    dropSubscriptionsAfter: (events) => {
      subscriptionLimit = events;
    },
    dropSubscriptions: () => dropAll('fault'),
    reset: () => {
      drops = [];
      readDrops = [];
      down = false;
      delay = 0;
      subscriptionLimit = undefined;
    },
    stats,
  };

  return {
    faults,
    isUnavailable: () => down,
    refused: () => {
      stats.refusedCalls++;
    },
    takeAppendDrop: () => {
      const point = drops.shift();
      if (point) stats.droppedAppends++;
      return point;
    },
    crashAfterNextWrite: (hook) => {
      crash = hook;
    },
    takeCrash: () => {
      const hook = crash;
      crash = undefined;
      return hook;
    },
    takeReadDrop: (kind) => {
      const index = readDrops.findIndex((drop) => drop.of === undefined || drop.of === kind);
      if (index < 0) return undefined;
      const [drop] = readDrops.splice(index, 1);
      stats.droppedReads++;
      return drop!.after;
    },
    delayMs: () => delay,
    subscriptionLimit: () => subscriptionLimit,
    trackSubscription: (drop) => {
      open.add(drop);
      return () => open.delete(drop);
    },
    subscriptionDropped: () => {
      stats.droppedSubscriptions++;
    },
    endSubscriptions: () => dropAll('shutdown'),
  };
};
