import type { DomainEvent, NewEvent, StoredEvent } from './envelope.js';
import type { EventRegistry } from './registry.js';

/** `any`: no check; `no_stream`: must not exist; `stream_exists`: must exist; a bigint: the stream's last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** A stream's revision when it has no events. */
export const NO_REVISION = -1n;

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append (`-1n` when the stream is still empty). */
  readonly nextExpectedRevision: bigint;
  /** The global position of the stream's last event after the append (`-1n` when there is none). */
  readonly position: bigint;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: ReadDirection;
  /** Inclusive. Defaults to `start` forwards and `end` backwards. */
  readonly fromRevision?: bigint | 'start' | 'end';
  readonly maxCount?: number;
}

/** Both parts, when given, must match (AND). Each list matches any of its entries (OR). */
export interface EventFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: ReadDirection;
  /** Inclusive. Defaults to `start` forwards and `end` backwards. */
  readonly fromPosition?: bigint | 'start' | 'end';
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** A checkpoint: deliver events after this global position (exclusive); `start` for all, `end` for new ones only. */
  readonly after?: bigint | 'start' | 'end';
  readonly filter?: EventFilter;
}

export interface SubscriptionHandler<E extends DomainEvent> {
  /** Called for one event at a time, in global order; the next waits until this one settles. */
  onEvent(event: StoredEvent<E>): void | Promise<void>;
  /** Called once, when every event that existed before the subscription caught up has been delivered. */
  onCaughtUp?(): void | Promise<void>;
  /** Called when the subscription ends because of an error (the handler's or the store's). */
  onError?(error: unknown): void;
}

export type SubscriptionEnd = { readonly reason: 'closed' } | { readonly reason: 'error'; readonly error: unknown };

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  close(): Promise<void>;
  /** Settles when the subscription ends; never rejects. */
  readonly done: Promise<SubscriptionEnd>;
}

/**
 * The store port. Appends of one call are atomic; every event is validated against the registry before
 * anything is written and again when read from outside the process; stored events are deep-frozen.
 */
export interface EventStore<E extends DomainEvent = DomainEvent> {
  readonly registry: EventRegistry<E>;
  appendToStream(streamId: string, events: readonly NewEvent<E>[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws {@link StreamNotFoundError} when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly StoredEvent<E>[]>;
  readAll(options?: ReadAllOptions): Promise<readonly StoredEvent<E>[]>;
  /** Catch-up, then live: every matching event after the checkpoint, once, in order. */
  subscribe(handler: SubscriptionHandler<E>, options?: SubscribeOptions): Subscription;
  /** Releases connections and ends subscriptions. */
  close(): Promise<void>;
}
