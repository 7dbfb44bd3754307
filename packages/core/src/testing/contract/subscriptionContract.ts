import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../kernel/envelope.js';
import type { Subscription, SubscriptionHandler } from '../../kernel/store.js';
import { added, ids, note, type ContractContext, type ContractEvent } from './fixtures.js';

type Log = { events: StoredEvent<ContractEvent>[]; caughtUpAfter: number | undefined };

/** Waits (by polling, bounded) until a condition holds. */
export const eventually = async (condition: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const recorder = (only?: (e: StoredEvent<ContractEvent>) => boolean): SubscriptionHandler<ContractEvent> & { log: Log } => {
  const log: Log = { events: [], caughtUpAfter: undefined };
  return {
    log,
    onEvent: (event) => {
      if (!only || only(event)) log.events.push(event);
    },
    onCaughtUp: () => {
      log.caughtUpAfter ??= log.events.length;
    },
  };
};

export const subscriptionContract = (get: () => ContractContext, timeoutMs: number) => {
  describe('subscriptions', () => {
    const mine = (ctx: ContractContext) => ({ streamPrefixes: [ctx.prefix] });
    const subscriptions: Subscription[] = [];
    const track = (subscription: Subscription) => {
      subscriptions.push(subscription);
      return subscription;
    };
    const closeAll = async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.close()));
    };

    it('catches up with what exists, signals it, then delivers live events', async () => {
      const ctx = get();
      const s = ctx.stream();
      await ctx.store.appendToStream(s, [added('a'), added('b')]);
      const handler = recorder();
      track(ctx.store.subscribe(handler, { filter: mine(ctx) }));
      await eventually(() => handler.log.caughtUpAfter !== undefined, timeoutMs, 'caught up');
      expect(handler.log.caughtUpAfter).toBe(2);
      await ctx.store.appendToStream(s, [added('c')]);
      await eventually(() => handler.log.events.length === 3, timeoutMs, 'the live event');
      expect(handler.log.events.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n]);
      await closeAll();
    });

    it('signals caught up at once on an empty store', async () => {
      const ctx = get();
      const handler = recorder();
      track(ctx.store.subscribe(handler, { filter: mine(ctx) }));
      await eventually(() => handler.log.caughtUpAfter !== undefined, timeoutMs, 'caught up');
      expect(handler.log.events).toEqual([]);
      await closeAll();
    });

    it('starts after a checkpoint, exclusive', async () => {
      const ctx = get();
      const s = ctx.stream();
      await ctx.store.appendToStream(s, [added('a'), added('b'), added('c')]);
      const all = await ctx.store.readStream(s);
      const handler = recorder();
      track(ctx.store.subscribe(handler, { after: all[0]!.globalPosition, filter: mine(ctx) }));
      await eventually(() => handler.log.events.length === 2, timeoutMs, 'events after the checkpoint');
      expect(ids(handler.log.events)).toEqual(ids(all.slice(1)));
      await closeAll();
    });

    it('from the end delivers only new events', async () => {
      const ctx = get();
      const s = ctx.stream();
      await ctx.store.appendToStream(s, [added('old')]);
      const handler = recorder();
      track(ctx.store.subscribe(handler, { after: 'end', filter: mine(ctx) }));
      await eventually(() => handler.log.caughtUpAfter !== undefined, timeoutMs, 'caught up');
      await ctx.store.appendToStream(s, [added('new')]);
      await eventually(() => handler.log.events.length === 1, timeoutMs, 'the new event');
      expect((handler.log.events[0]!.data as { itemId: string }).itemId).toBe('new');
      await closeAll();
    });

    it('delivers events appended during catch-up exactly once, in order', async () => {
      const ctx = get();
      const s = ctx.stream();
      await ctx.store.appendToStream(s, Array.from({ length: 50 }, (_, i) => added(`a${i}`)));
      const handler = recorder();
      track(ctx.store.subscribe(handler, { filter: mine(ctx) }));
      for (let i = 0; i < 10; i++) await ctx.store.appendToStream(s, [added(`b${i}`)]);
      await eventually(() => handler.log.events.length >= 60, timeoutMs, '60 events');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(handler.log.events.map((e) => e.streamRevision)).toEqual(Array.from({ length: 60 }, (_, i) => BigInt(i)));
      await closeAll();
    });

    it('applies its filter', async () => {
      const ctx = get();
      const s = ctx.stream();
      const handler = recorder();
      track(ctx.store.subscribe(handler, { filter: { ...mine(ctx), eventTypes: ['NoteWritten'] } }));
      await ctx.store.appendToStream(s, [added('a'), note('m', 'one'), added('b'), note('m', 'two')]);
      await eventually(() => handler.log.events.length === 2, timeoutMs, 'two notes');
      expect(handler.log.events.every((e) => e.type === 'NoteWritten')).toBe(true);
      await closeAll();
    });

    it('waits for an async handler before the next event', async () => {
      const ctx = get();
      const s = ctx.stream();
      let running = 0;
      let overlapped = false;
      const seen: bigint[] = [];
      track(
        ctx.store.subscribe(
          {
            onEvent: async (event) => {
              running++;
              if (running > 1) overlapped = true;
              await new Promise((resolve) => setTimeout(resolve, 1));
              seen.push(event.streamRevision);
              running--;
            },
          },
          { filter: mine(ctx) },
        ),
      );
      await ctx.store.appendToStream(s, [added('a'), added('b'), added('c'), added('d')]);
      await eventually(() => seen.length === 4, timeoutMs, 'four events');
      expect(overlapped).toBe(false);
      expect(seen).toEqual([0n, 1n, 2n, 3n]);
      await closeAll();
    });

    it('gives every subscriber every event', async () => {
      const ctx = get();
      const s = ctx.stream();
      const [one, two] = [recorder(), recorder()];
      track(ctx.store.subscribe(one, { filter: mine(ctx) }));
      await ctx.store.appendToStream(s, [added('a')]);
      track(ctx.store.subscribe(two, { filter: mine(ctx) }));
      await ctx.store.appendToStream(s, [added('b')]);
      await eventually(() => one.log.events.length === 2 && two.log.events.length === 2, timeoutMs, 'both subscribers');
      expect(ids(one.log.events)).toEqual(ids(two.log.events));
      await closeAll();
    });

    it('stops delivering once closed, and ends as closed', async () => {
      const ctx = get();
      const s = ctx.stream();
      const handler = recorder();
      const subscription = ctx.store.subscribe(handler, { filter: mine(ctx) });
      await ctx.store.appendToStream(s, [added('a')]);
      await eventually(() => handler.log.events.length === 1, timeoutMs, 'the first event');
      await subscription.close();
      await ctx.store.appendToStream(s, [added('b')]);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(handler.log.events.length).toBe(1);
      expect(await subscription.done).toEqual({ reason: 'closed' });
    });

    it('ends with the error when the handler throws, and reports it', async () => {
      const ctx = get();
      const s = ctx.stream();
      const reported: unknown[] = [];
      const boom = new Error('projection failed');
      const subscription = ctx.store.subscribe(
        {
          onEvent: (event) => {
            if (event.streamRevision === 1n) throw boom;
          },
          onError: (error) => reported.push(error),
        },
        { filter: mine(ctx) },
      );
      await ctx.store.appendToStream(s, [added('a'), added('b'), added('c')]);
      expect(await subscription.done).toEqual({ reason: 'error', error: boom });
      expect(reported).toEqual([boom]);
    });

    it('resumes from the last checkpoint without a gap or a duplicate', async () => {
      const ctx = get();
      const s = ctx.stream();
      await ctx.store.appendToStream(s, [added('a'), added('b')]);
      const first = recorder();
      const sub = ctx.store.subscribe(first, { filter: mine(ctx) });
      await eventually(() => first.log.events.length === 2, timeoutMs, 'two events');
      await sub.close();
      const checkpoint = first.log.events[1]!.globalPosition;
      await ctx.store.appendToStream(s, [added('c'), added('d')]);
      const second = recorder();
      track(ctx.store.subscribe(second, { after: checkpoint, filter: mine(ctx) }));
      await eventually(() => second.log.events.length === 2, timeoutMs, 'two more events');
      expect([...first.log.events, ...second.log.events].map((e) => e.streamRevision)).toEqual([0n, 1n, 2n, 3n]);
      await closeAll();
    });
  });
};
