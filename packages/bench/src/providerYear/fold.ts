import type { AnyProjection, StoredEvent } from '@itt-ledger/core';

/**
 * Every projection's state, folded one event at a time: what a replay from a file does without a store or
 * a runner. Each event goes to the projections that handle its type (looked up once per event).
 */
export interface Fold {
  readonly states: unknown[];
  apply(event: StoredEvent): void;
}

export const createFold = (projections: readonly AnyProjection[]): Fold => {
  const byType = new Map<string, number[]>();
  projections.forEach((projection, i) => {
    for (const type of projection.eventTypes) byType.set(type, [...(byType.get(type) ?? []), i]);
  });
  const states = projections.map((projection) => projection.initialState());
  return {
    states,
    apply: (event) => {
      const indexes = byType.get(event.type);
      if (indexes === undefined) return;
      for (const i of indexes) states[i] = projections[i]!.evolve(states[i], event);
    },
  };
};

/**
 * A number that changes when a read model does: the entries of each state's maps, sets, arrays and
 * records, three levels down. Enough to tell that two paths folded the same events (the tests compare
 * states in full).
 */
export const fingerprint = (states: readonly unknown[]): number => {
  const count = (value: unknown, depth: number): number => {
    if (depth === 0 || typeof value !== 'object' || value === null) return 0;
    const children: unknown[] = value instanceof Map || value instanceof Set ? [...value.values()] : Array.isArray(value) ? value : Object.values(value);
    let n = children.length;
    for (const child of children) n += count(child, depth - 1);
    return n;
  };
  return states.reduce<number>((sum, state, i) => sum + count(state, 3) * (i + 1), 0);
};
