import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoredEvent } from './envelope.js';
import { defineEvent, type EventsOf } from './eventDefinition.js';
import { seededIds } from './ids.js';
import { definePartitionedProjection, defineProjection, runProjection, type ProjectionHandlers } from './projection.js';
import { createEventRegistry, toStoredEvent } from './registry.js';

const Scored = defineEvent('Scored', z.object({ team: z.string(), points: z.number().int() }));
const Reset = defineEvent('Reset', z.object({ team: z.string() }));
const Commented = defineEvent('Commented', z.object({ team: z.string(), text: z.string() }));
const definitions = [Scored, Reset, Commented] as const;
type Event = EventsOf<typeof definitions>;
type Handled = Extract<Event, { type: 'Scored' | 'Reset' }>;
const registry = createEventRegistry(definitions);

type Tally = { readonly total: number; readonly history: readonly number[] };
const handlers: ProjectionHandlers<Handled, Tally> = {
  Scored: (s, { data, globalPosition }) => ({ total: s.total + data.points, history: [...s.history, Number(globalPosition)] }),
  Reset: (s, { globalPosition }) => ({ total: 0, history: [...s.history, Number(globalPosition)] }),
};
const byTeam = definePartitionedProjection<Handled, Tally>({
  name: 'byTeam',
  partitionBy: (event) => event.data.team,
  initialState: () => ({ total: 0, history: [] }),
  handlers,
});
const single = defineProjection<Handled, Tally>({ name: 'single', initialState: () => ({ total: 0, history: [] }), handlers });

const teamArb = fc.constantFrom('red', 'blue', 'green', 'gold');
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ type: fc.constant('Scored' as const), data: fc.record({ team: teamArb, points: fc.integer({ min: -5, max: 20 }) }) }),
  fc.record({ type: fc.constant('Reset' as const), data: fc.record({ team: teamArb }) }),
  fc.record({ type: fc.constant('Commented' as const), data: fc.record({ team: teamArb, text: fc.string() }) }),
);

const toStored = (events: readonly Event[]): StoredEvent<Event>[] => {
  const prepared = registry.prepare(
    events.map((event) => ({ ...event, occurredAt: '2024-09-02T08:00:00.000Z' })),
    seededIds(1),
  );
  return prepared.map(
    (event, i) =>
      toStoredEvent(event, { streamId: 'game', streamRevision: BigInt(i), globalPosition: BigInt(i * 2), recordedAt: '2024-09-02T08:00:00.000Z' }),
  );
};

describe('partitioned projections (property)', () => {
  it('folding with a partitioned projection equals folding each partition separately', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const stored = toStored(events);
        // The whole log goes in, as a runner would pass it: the projection must skip what it does not handle.
        const partitioned = runProjection(byTeam, stored as StoredEvent<Handled>[]);
        const handled = stored.filter((event): event is StoredEvent<Handled> => event.type !== 'Commented');
        const teams = [...new Set(handled.map((event) => event.data.team))];
        expect([...partitioned.keys()].sort()).toEqual([...teams].sort());
        for (const team of teams) {
          expect(partitioned.get(team)).toEqual(runProjection(single, handled.filter((event) => event.data.team === team)));
        }
      }),
      { numRuns: 300, seed: 20240902 },
    );
  });
});
