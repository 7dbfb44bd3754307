import { aggregateStream } from './aggregate.js';
import { validateCommand } from './commandValidation.js';
import type { Clock } from './clock.js';
import type { Decider } from './decider.js';
import type { DomainEvent, EventMetadata } from './envelope.js';
import { InvalidArgumentError, WrongExpectedRevisionError } from './errors.js';
import { deriveEventId } from './ids.js';
import { toInstant, type Instant } from './instant.js';
import { NO_REVISION, type EventStore, type ExpectedRevision } from './store.js';

/** How often to reload and decide again when another writer got to the stream first. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  readonly maxAttempts: number;
  /** Milliseconds to wait before attempt `attempt` (2, 3, …); no wait when absent. */
  readonly delayMs?: (attempt: number) => number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({ maxAttempts: 3 });

export interface HandleOptions {
  /**
   * The revision the caller saw (e.g. from a form it showed). When given, a conflict is the caller's to
   * resolve: it is thrown, never retried.
   */
  readonly expectedRevision?: ExpectedRevision;
  /** When it happened in the school; defaults to the clock's now. */
  readonly occurredAt?: Instant;
  readonly metadata?: EventMetadata;
  /**
   * Makes the command idempotent: event ids are derived from it and the stream id (`deriveEventId(streamId,
   * commandId, index)`), so a retry after an unknown outcome
   * appends nothing twice, and a command already in the stream is answered with `alreadyHandled`.
   */
  readonly commandId?: string;
}

export interface HandleResult<E extends DomainEvent, S> {
  readonly state: S;
  /** What was decided and appended; empty when the decision was to do nothing. */
  readonly events: readonly E[];
  /** The stream's revision after this command (`-1n` when it still has no events). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended, when anything was. */
  readonly position?: bigint;
  readonly attempts: number;
  /** True when `commandId` was already in the stream: nothing was decided again. */
  readonly alreadyHandled: boolean;
}

/** `SE`: every event the store's registry knows; the decider's events `E` are some of them. */
export interface CommandHandlerDeps<C, E extends SE, S, SE extends DomainEvent = E> {
  readonly store: EventStore<SE>;
  readonly decider: Decider<C, E, S>;
  readonly clock: Clock;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type CommandHandler<C, E extends DomainEvent, S> = (
  streamId: string,
  command: C,
  options?: HandleOptions,
) => Promise<HandleResult<E, S>>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Load, decide, append with the revision read; on a conflict, load and decide again (bounded). */
export const createCommandHandler = <C, E extends SE, S, SE extends DomainEvent = E>(
  deps: CommandHandlerDeps<C, E, S, SE>,
): CommandHandler<C, E, S> => {
  const { store, decider, clock, retry = defaultRetryPolicy, sleep = realSleep } = deps;
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new InvalidArgumentError('retry.maxAttempts', 'expected a whole number ≥ 1');
  }
  return async (streamId, input, options = {}) => {
    const command = decider.commandSchema ? validateCommand(decider.commandSchema, input) : input;
    const occurredAt = options.occurredAt === undefined ? clock.now() : toInstant(options.occurredAt, 'occurredAt');
    const firstId = options.commandId === undefined ? undefined : deriveEventId(streamId, options.commandId, 0);
    for (let attempt = 1; ; attempt++) {
      const { state, streamRevision, events } = await aggregateStream(store, streamId, decider);
      const current = streamRevision ?? NO_REVISION;
      if (firstId !== undefined && events.some((event) => event.eventId === firstId)) {
        return { state, events: [], nextExpectedRevision: current, attempts: attempt, alreadyHandled: true };
      }
      const decided = decider.decide(command, state);
      if (decided.length === 0) {
        return { state, events: [], nextExpectedRevision: current, attempts: attempt, alreadyHandled: false };
      }
      const toAppend = decided.map((event, index) => ({
        ...event,
        occurredAt,
        ...(options.metadata ? { metadata: options.metadata } : {}),
        ...(options.commandId === undefined ? {} : { eventId: deriveEventId(streamId, options.commandId, index) }),
      }));
      const expectedRevision = options.expectedRevision ?? (streamRevision === undefined ? 'no_stream' : streamRevision);
      try {
        const result = await store.appendToStream(streamId, toAppend, { expectedRevision });
        let next = state;
        for (const event of decided) next = decider.evolve(next, event);
        return {
          state: next,
          events: decided,
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position,
          attempts: attempt,
          alreadyHandled: false,
        };
      } catch (error) {
        const retriable = error instanceof WrongExpectedRevisionError && options.expectedRevision === undefined;
        if (!retriable || attempt >= retry.maxAttempts) throw error;
        const delay = retry.delayMs?.(attempt + 1) ?? 0;
        if (delay > 0) await sleep(delay);
      }
    }
  };
};
