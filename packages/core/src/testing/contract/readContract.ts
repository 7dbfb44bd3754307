import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, StreamNotFoundError } from '../../kernel/errors.js';
import { added, ids, note, removed, type ContractContext } from './fixtures.js';

const itemIds = (events: readonly { data: unknown }[]) => events.map((e) => (e.data as { itemId?: string }).itemId);

export const readContract = (get: () => ContractContext) => {
  describe('readStream', () => {
    const fiveItems = async (ctx: ContractContext) => {
      const s = ctx.stream();
      await ctx.store.appendToStream(s, ['a', 'b', 'c', 'd', 'e'].map((id) => added(id)));
      return s;
    };

    it('reads a stream forwards from the start', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(itemIds(await ctx.store.readStream(s))).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('reads forwards from a revision, inclusive', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(itemIds(await ctx.store.readStream(s, { fromRevision: 2n }))).toEqual(['c', 'd', 'e']);
    });

    it('reads at most maxCount events', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(itemIds(await ctx.store.readStream(s, { fromRevision: 1n, maxCount: 2 }))).toEqual(['b', 'c']);
      expect(await ctx.store.readStream(s, { maxCount: 0 })).toEqual([]);
    });

    it('reads backwards from the end', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(itemIds(await ctx.store.readStream(s, { direction: 'backwards' }))).toEqual(['e', 'd', 'c', 'b', 'a']);
    });

    it('reads backwards from a revision with a limit', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      const events = await ctx.store.readStream(s, { direction: 'backwards', fromRevision: 3n, maxCount: 2 });
      expect(itemIds(events)).toEqual(['d', 'c']);
      expect(events.map((e) => e.streamRevision)).toEqual([3n, 2n]);
    });

    it('reads nothing forwards from past the end', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(await ctx.store.readStream(s, { fromRevision: 9n })).toEqual([]);
      expect(await ctx.store.readStream(s, { fromRevision: 'end' })).toEqual([]);
    });

    it('throws StreamNotFoundError for a stream that does not exist', async () => {
      const ctx = get();
      const s = ctx.stream('missing');
      const error = await ctx.store.readStream(s).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect((error as StreamNotFoundError).streamId).toBe(s);
    });

    it('refuses malformed read options', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      await expect(ctx.store.readStream(s, { maxCount: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(ctx.store.readStream(s, { fromRevision: -3n })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(ctx.store.readStream(s, { direction: 'sideways' as never })).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('reads the same events twice identically', async () => {
      const ctx = get();
      const s = await fiveItems(ctx);
      expect(await ctx.store.readStream(s)).toEqual(await ctx.store.readStream(s));
    });
  });

  describe('readAll', () => {
    const interleaved = async (ctx: ContractContext) => {
      const [x, y] = [ctx.stream('x'), ctx.stream('y')];
      await ctx.store.appendToStream(x, [added('x1')]);
      await ctx.store.appendToStream(y, [added('y1'), removed('y1')]);
      await ctx.store.appendToStream(x, [note('m', 'x2')]);
      await ctx.store.appendToStream(y, [added('y3')]);
      return { x, y };
    };
    const mine = (ctx: ContractContext) => ({ streamPrefixes: [ctx.prefix] });

    it('reads every stream in the order of the appends, positions strictly increasing', async () => {
      const ctx = get();
      const { x, y } = await interleaved(ctx);
      const events = await ctx.store.readAll({ filter: mine(ctx) });
      expect(events.map((e) => [e.streamId, e.streamRevision])).toEqual([
        [x, 0n],
        [y, 0n],
        [y, 1n],
        [x, 1n],
        [y, 2n],
      ]);
      for (let i = 1; i < events.length; i++) expect(events[i]!.globalPosition > events[i - 1]!.globalPosition).toBe(true);
    });

    it('reads from a position, inclusive', async () => {
      const ctx = get();
      await interleaved(ctx);
      const all = await ctx.store.readAll({ filter: mine(ctx) });
      const from = await ctx.store.readAll({ fromPosition: all[2]!.globalPosition, filter: mine(ctx) });
      expect(ids(from)).toEqual(ids(all.slice(2)));
    });

    it('reads backwards from the end and from a position', async () => {
      const ctx = get();
      await interleaved(ctx);
      const all = await ctx.store.readAll({ filter: mine(ctx) });
      expect(ids(await ctx.store.readAll({ direction: 'backwards', filter: mine(ctx) }))).toEqual(ids([...all].reverse()));
      const back = await ctx.store.readAll({ direction: 'backwards', fromPosition: all[3]!.globalPosition, filter: mine(ctx) });
      expect(ids(back)).toEqual(ids(all.slice(0, 4).reverse()));
    });

    it('reads at most maxCount events', async () => {
      const ctx = get();
      await interleaved(ctx);
      const all = await ctx.store.readAll({ filter: mine(ctx) });
      expect(ids(await ctx.store.readAll({ maxCount: 2, filter: mine(ctx) }))).toEqual(ids(all.slice(0, 2)));
      expect(await ctx.store.readAll({ maxCount: 0, filter: mine(ctx) })).toEqual([]);
    });

    it('filters by event type', async () => {
      const ctx = get();
      await interleaved(ctx);
      const events = await ctx.store.readAll({ filter: { ...mine(ctx), eventTypes: ['ItemRemoved', 'NoteWritten'] } });
      expect(events.map((e) => e.type)).toEqual(['ItemRemoved', 'NoteWritten']);
    });

    it('filters by stream prefix', async () => {
      const ctx = get();
      const { y } = await interleaved(ctx);
      const events = await ctx.store.readAll({ filter: { streamPrefixes: [`${ctx.prefix}y`] } });
      expect(events.every((e) => e.streamId === y)).toBe(true);
      expect(events.length).toBe(3);
    });

    it('combines type and prefix filters', async () => {
      const ctx = get();
      await interleaved(ctx);
      const events = await ctx.store.readAll({ filter: { streamPrefixes: [`${ctx.prefix}y`], eventTypes: ['ItemAdded'] } });
      expect(itemIds(events)).toEqual(['y1', 'y3']);
    });

    it('pages through everything with maxCount and an inclusive fromPosition', async () => {
      const ctx = get();
      await interleaved(ctx);
      const all = await ctx.store.readAll({ filter: mine(ctx) });
      const paged: string[] = [];
      let from: bigint | 'start' = 'start';
      for (;;) {
        const page = await ctx.store.readAll({ fromPosition: from, maxCount: 2, filter: mine(ctx) });
        const fresh = from === 'start' ? page : page.slice(1);
        paged.push(...ids(fresh));
        if (page.length < 2) break;
        from = page[page.length - 1]!.globalPosition;
      }
      expect(paged).toEqual(ids(all));
    });

    it('returns the same envelopes as readStream', async () => {
      const ctx = get();
      const { x } = await interleaved(ctx);
      const fromAll = (await ctx.store.readAll({ filter: mine(ctx) })).filter((e) => e.streamId === x);
      expect(fromAll).toEqual(await ctx.store.readStream(x));
    });

    it('reads nothing when nothing matches', async () => {
      const ctx = get();
      expect(await ctx.store.readAll({ filter: mine(ctx) })).toEqual([]);
    });

    it('refuses malformed options', async () => {
      const ctx = get();
      await expect(ctx.store.readAll({ maxCount: 1.5 })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(ctx.store.readAll({ filter: { eventTypes: 'ItemAdded' as never } })).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
};
