import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../kernel/errors.js';
import { deriveEventId } from '../../kernel/ids.js';
import { added, ids, type ContractContext } from './fixtures.js';

const withIds = (command: string, ...items: string[]) => items.map((item, i) => added(item, 1, { eventId: deriveEventId(command, i) }));

export const concurrencyContract = (get: () => ContractContext) => {
  describe('idempotent re-append', () => {
    it('is a no-op at the same exact revision, answering as the first append did', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, withIds('c0', 'a'));
      const first = await store.appendToStream(s, withIds('c1', 'b', 'c'), { expectedRevision: 0n });
      const again = await store.appendToStream(s, withIds('c1', 'b', 'c'), { expectedRevision: 0n });
      expect(again).toEqual(first);
      expect((await store.readStream(s)).length).toBe(3);
    });

    it('is a no-op with no_stream', async () => {
      const { store, stream } = get();
      const s = stream();
      const first = await store.appendToStream(s, withIds('c2', 'a', 'b'), { expectedRevision: 'no_stream' });
      expect(await store.appendToStream(s, withIds('c2', 'a', 'b'), { expectedRevision: 'no_stream' })).toEqual(first);
      expect((await store.readStream(s)).length).toBe(2);
    });

    it('is a no-op with any', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, withIds('c3', 'a'));
      const first = await store.appendToStream(s, withIds('c4', 'b'));
      expect(await store.appendToStream(s, withIds('c4', 'b'))).toEqual(first);
      expect((await store.readStream(s)).length).toBe(2);
    });

    it('still answers a retried append after the stream has moved on', async () => {
      const { store, stream } = get();
      const s = stream();
      const first = await store.appendToStream(s, withIds('c5', 'a'), { expectedRevision: 'no_stream' });
      await store.appendToStream(s, withIds('c6', 'b'), { expectedRevision: 0n });
      expect(await store.appendToStream(s, withIds('c5', 'a'), { expectedRevision: 'no_stream' })).toEqual(first);
      expect(ids(await store.readStream(s))).toEqual([deriveEventId('c5', 0), deriveEventId('c6', 0)]);
    });

    it('does not take different event ids at the same revision for a retry', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, withIds('c7', 'a'), { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(s, withIds('c8', 'a'), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });
  });

  describe('concurrent appends', () => {
    it('lets exactly one of many appends at the same revision win', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('seed')]);
      const attempts = Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [added(`w${i}`)], { expectedRevision: 0n }));
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won.length).toBe(1);
      expect(lost.every((r) => r.reason instanceof WrongExpectedRevisionError)).toBe(true);
      expect((await store.readStream(s)).length).toBe(2);
    });

    it('lets exactly one of many creators of a stream win', async () => {
      const { store, stream } = get();
      const s = stream();
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => store.appendToStream(s, [added(`c${i}`), added(`d${i}`)], { expectedRevision: 'no_stream' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
      expect((await store.readStream(s)).length).toBe(2);
    });

    it('keeps concurrent appends with any gap-free and unmixed', async () => {
      const { store, stream } = get();
      const s = stream();
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(s, [added(`p${i}`), added(`q${i}`)])));
      const events = await store.readStream(s);
      expect(events.map((e) => e.streamRevision)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
      for (let i = 0; i < 20; i += 2) {
        const first = (events[i]!.data as { itemId: string }).itemId;
        expect((events[i + 1]!.data as { itemId: string }).itemId).toBe(`q${first.slice(1)}`);
      }
    });
  });

  describe('closing', () => {
    it('refuses work after close', async () => {
      const { store, stream } = get();
      const s = stream();
      await store.appendToStream(s, [added('a')]);
      await store.close();
      await expect(store.appendToStream(s, [added('b')])).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
};
