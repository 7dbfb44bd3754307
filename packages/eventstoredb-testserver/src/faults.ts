/** When an injected append drop happens: before anything is written, or after the write, before the answer. */
export type DropPoint = 'before-write' | 'after-write';

/**
 * Faults the test server can inject, for tests of what a client does when things go wrong. Every fault
 * stays until it is used up or cleared; `reset()` clears them all. A dropped call ends with gRPC status
 * UNAVAILABLE, which is what the client reports when the connection to a server is lost.
 */
export interface Faults {
  /** The next `count` appends (Append or BatchAppend) are dropped at `at` (default `after-write`: written, never answered). */
  dropNextAppend(options?: { readonly at?: DropPoint; readonly count?: number }): void;
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
  delayMs(): number;
  subscriptionLimit(): number | undefined;
  /** Registers an open subscription's drop function; returns the unregister function. */
  trackSubscription(drop: () => void): () => void;
  subscriptionDropped(): void;
}

export const createFaultState = (): FaultState => {
  let drops: DropPoint[] = [];
  let down = false;
  let delay = 0;
  let subscriptionLimit: number | undefined;
  const open = new Set<() => void>();
  const stats = { droppedAppends: 0, droppedSubscriptions: 0, refusedCalls: 0 };
  const dropAll = () => {
    for (const drop of [...open]) drop();
  };

  const faults: Faults = {
    dropNextAppend: ({ at = 'after-write', count = 1 } = {}) => {
      drops.push(...Array.from({ length: count }, () => at));
    },
    unavailable: () => {
      down = true;
      dropAll();
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
    dropSubscriptions: dropAll,
    reset: () => {
      drops = [];
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
    delayMs: () => delay,
    subscriptionLimit: () => subscriptionLimit,
    trackSubscription: (drop) => {
      open.add(drop);
      return () => open.delete(drop);
    },
    subscriptionDropped: () => {
      stats.droppedSubscriptions++;
    },
  };
};
