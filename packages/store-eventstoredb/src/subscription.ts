import {
  planSubscription,
  StoreUnavailableError,
  type DomainEvent,
  type EventFilter,
  type EventRegistry,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionEnd,
  type SubscriptionHandler,
} from '@itt-ledger/core';
import { START, type AllStreamResolvedEvent, type EventStoreDBClient } from '@eventstore/db-client';
import { clientFilterFor, matcherFor, serverFilterFor } from './serverFilter.js';
import { backoffDelay, type RetryPolicy } from './calls.js';
import { feed, type Feed } from './streams.js';
import { isTransient, toStoreError } from './errors.js';
import { fromGlobalPosition, toGlobalPosition } from './positions.js';
import { toRecordedEvent } from './records.js';

export interface SubscriptionDeps<E extends DomainEvent> {
  readonly client: EventStoreDBClient;
  readonly registry: EventRegistry<E>;
  readonly retry: RetryPolicy;
  /** The position of the last event matching `filter`, or of the last event of all with `everything` (retried as any call). */
  lastPosition(filter: EventFilter | undefined | 'everything'): Promise<bigint | undefined>;
}

/**
 * A catch-up subscription to $all: the events after the checkpoint, then live ones. When the server drops
 * it, it subscribes again after the last event it saw, waiting longer each time (bounded), and gives up
 * with a StoreUnavailableError after `retry.retries` drops in a row with nothing delivered between them.
 * Events at or before a position already seen are skipped, so nothing reaches the handler twice.
 */
export const startSubscription = <E extends DomainEvent>(
  deps: SubscriptionDeps<E>,
  handler: SubscriptionHandler<E>,
  options: SubscribeOptions | undefined,
): Subscription => {
  const { after, filter } = planSubscription(options);
  const matches = matcherFor(filter);
  const serverFilter = clientFilterFor(serverFilterFor(filter));
  let stopped = false;
  let current: { readonly events: Feed<AllStreamResolvedEvent>; unsubscribe(): Promise<void> } | undefined;
  let interrupt: (() => void) | undefined;

  const open = (cursor: bigint | undefined) => {
    const previous = current;
    previous?.events.stop();
    void previous?.unsubscribe().catch(() => undefined);
    const source = deps.client.subscribeToAll({
      fromPosition: cursor === undefined ? START : fromGlobalPosition(cursor),
      resolveLinkTos: false,
      ...(serverFilter ? { filter: serverFilter } : {}),
    });
    current = { events: feed<AllStreamResolvedEvent>(source), unsubscribe: () => source.unsubscribe() };
    return current.events;
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      interrupt = () => (clearTimeout(timer), resolve());
    });
  const settled = <T>(work: () => Promise<T>) =>
    work().catch((error: unknown) => {
      throw toStoreError(error);
    });

  const run = async (): Promise<SubscriptionEnd> => {
    // Deliver nothing before subscribe() has returned its handle.
    await Promise.resolve();
    try {
      // The last position seen: the subscription resumes after it, and skips anything up to it.
      let cursor = typeof after === 'bigint' && after >= 0n ? after : undefined;
      // Fixed now, so that "caught up" means "has delivered what existed when it subscribed". `end` is
      // fixed to a position too: events appended before the server set the subscription up still count.
      let caughtUpAt: bigint | undefined;
      if (after === 'end') cursor = await settled(() => deps.lastPosition('everything'));
      else caughtUpAt = await settled(() => deps.lastPosition(filter));
      let caughtUp = false;
      const signalCaughtUp = async () => {
        if (!caughtUp && !stopped && (caughtUpAt === undefined || (cursor !== undefined && cursor >= caughtUpAt))) {
          caughtUp = true;
          await handler.onCaughtUp?.();
        }
      };
      await signalCaughtUp();
      for (let drops = 0; !stopped; ) {
        const events = open(cursor);
        let ended: { error?: unknown } | undefined;
        while (!stopped && !ended) {
          const next = await events.next();
          if ('end' in next) {
            ended = next;
            break;
          }
          const event = next.item.event;
          if (!event?.position || stopped) continue;
          const position = toGlobalPosition(event.position);
          if (cursor !== undefined && position <= cursor) continue;
          if (matches(event)) await handler.onEvent(deps.registry.decode(toRecordedEvent(event)));
          cursor = position;
          drops = 0;
          await signalCaughtUp();
        }
        if (stopped) break;
        const error = ended?.error;
        if (error !== undefined && !isTransient(error)) throw toStoreError(error);
        if (++drops > deps.retry.retries) {
          throw new StoreUnavailableError(`the subscription to $all was dropped ${drops} times in a row`, { cause: error });
        }
        await pause(backoffDelay(deps.retry, drops));
      }
      return { reason: 'closed' };
    } catch (error) {
      handler.onError?.(error);
      return { reason: 'error', error };
    } finally {
      current?.events.stop();
      await current?.unsubscribe().catch(() => undefined);
    }
  };

  const done = run();
  return {
    done,
    close: async () => {
      stopped = true;
      interrupt?.();
      current?.events.stop();
      await done;
    },
  };
};
