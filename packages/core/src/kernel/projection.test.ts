import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoredEvent } from './envelope.js';
import { defineEvent, type EventsOf } from './eventDefinition.js';
import { seededIds } from './ids.js';
import { definePartitionedProjection, defineProjection, runProjection } from './projection.js';
import { createEventRegistry, toStoredEvent } from './registry.js';

const Deposited = defineEvent('Deposited', z.object({ account: z.string(), amount: z.number().int() }));
const Withdrawn = defineEvent('Withdrawn', z.object({ account: z.string(), amount: z.number().int() }));
const Renamed = defineEvent('Renamed', z.object({ account: z.string(), name: z.string() }));
const definitions = [Deposited, Withdrawn, Renamed] as const;
type Event = EventsOf<typeof definitions>;
const registry = createEventRegistry(definitions);
const ids = seededIds(1);

let position = 0n;
const stored = (event: Event): StoredEvent<Event> => {
  const [prepared] = registry.prepare([{ ...event, occurredAt: '2024-09-02T08:00:00.000Z' }], ids);
  return toStoredEvent(prepared!, { streamId: event.data.account, streamRevision: 0n, globalPosition: position++, recordedAt: '2024-09-02T08:00:00.000Z' });
};
const deposit = (account: string, amount: number) => stored({ type: 'Deposited', data: { account, amount } });
const withdraw = (account: string, amount: number) => stored({ type: 'Withdrawn', data: { account, amount } });
const rename = (account: string, name: string) => stored({ type: 'Renamed', data: { account, name } });

type Money = Extract<Event, { type: 'Deposited' | 'Withdrawn' }>;
const total = defineProjection<Money, number>({
  name: 'total',
  initialState: () => 0,
  handlers: { Deposited: (sum, { data }) => sum + data.amount, Withdrawn: (sum, { data }) => sum - data.amount },
});
const balances = definePartitionedProjection<Money, { readonly balance: number; readonly moves: number }>({
  name: 'balances',
  partitionBy: (event) => event.data.account,
  initialState: () => ({ balance: 0, moves: 0 }),
  handlers: {
    Deposited: (s, { data }) => ({ balance: s.balance + data.amount, moves: s.moves + 1 }),
    Withdrawn: (s, { data }) => ({ balance: s.balance - data.amount, moves: s.moves + 1 }),
  },
});

describe('defineProjection', () => {
  it('handles the types of its handler map, and ignores the rest', () => {
    expect(total.name).toBe('total');
    expect([...total.eventTypes].sort()).toEqual(['Deposited', 'Withdrawn']);
    expect(Object.isFrozen(total)).toBe(true);
    const events = [deposit('a', 10), rename('a', 'Ann'), withdraw('a', 3), deposit('b', 5)] as StoredEvent<Money>[];
    expect(runProjection(total, events)).toBe(12);
  });

  it('runProjection folds from a fresh initial state every time', () => {
    const list = defineProjection<Money, readonly number[]>({
      name: 'amounts',
      initialState: () => [],
      handlers: { Deposited: (s, e) => [...s, e.data.amount], Withdrawn: (s, e) => [...s, -e.data.amount] },
    });
    const events = [deposit('a', 1), withdraw('a', 2)];
    expect(runProjection(list, events)).toEqual([1, -2]);
    expect(runProjection(list, events)).toEqual([1, -2]);
    expect(runProjection(list, [])).toEqual([]);
  });
});

describe('definePartitionedProjection', () => {
  it('folds each partition on its own', () => {
    const state = runProjection(balances, [deposit('a', 10), deposit('b', 5), withdraw('a', 4), deposit('b', 1)]);
    expect([...state.entries()]).toEqual([
      ['a', { balance: 6, moves: 2 }],
      ['b', { balance: 6, moves: 2 }],
    ]);
  });

  it('makes no partition for an event it does not handle', () => {
    const state = runProjection(balances, [rename('c', 'Cy')] as unknown as StoredEvent<Money>[]);
    expect(state.size).toBe(0);
  });

  it('makes a partition even when the handler leaves the initial state as it is', () => {
    const initial = { balance: 0, moves: 0 };
    const lazy = definePartitionedProjection<Money, typeof initial>({
      name: 'lazy',
      partitionBy: (event) => event.data.account,
      initialState: () => initial,
      handlers: { Deposited: (s) => s, Withdrawn: (s) => s },
    });
    expect([...runProjection(lazy, [deposit('a', 1)]).keys()]).toEqual(['a']);
  });

  it('starts every fold from a new map, so that folds do not share partitions', () => {
    const first = runProjection(balances, [deposit('a', 1)]);
    const second = runProjection(balances, [deposit('a', 1)]);
    expect(second).not.toBe(first);
    expect(first.get('a')).toEqual({ balance: 1, moves: 1 });
    expect(second.get('a')).toEqual({ balance: 1, moves: 1 });
  });
});
