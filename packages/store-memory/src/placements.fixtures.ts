import {
  createEventRegistry,
  createProjectionRunner,
  entitlementProjections,
  entitlementReadModel,
  manualClock,
  placementCommands,
  placementEntitlement,
  placementsDomainDefinitions,
  seededIds,
  withInlineProjections,
  type HandleOptions,
  type Instant,
  type PlacementCommand,
  type PlacementCommands,
  type PlacementEntitlement,
} from '@itt-ledger/core';
import { instantArbitrary, placementCommandFor, type PlacementHistory } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

export const settings = (seed: number) => ({ numRuns: 1000, seed });

/** Sends a placement command through the service, as an application would. */
export const send = (service: PlacementCommands, command: PlacementCommand, options: HandleOptions) => {
  if (command.type === 'ArrangePlacement') {
    const { type: _, context: __, ...input } = command;
    return service.arrange(input, options);
  }
  if (command.type === 'ExtendPlacement') {
    const { type: _, context: __, ...input } = command;
    return service.extend(input, options);
  }
  return service.placement(command, options);
};

export interface Timing {
  readonly laterMs: number;
  readonly occurredAt: Instant;
}

/** Each command is recorded some time after the last, and happened at a time of its own. */
export const timingArbitrary: fc.Arbitrary<readonly Timing[]> = fc.array(
  fc.record({ laterMs: fc.integer({ min: 1, max: 3 * 86_400_000 }), occurredAt: instantArbitrary('2024-09-01T00:00:00.000Z', '2025-01-31T00:00:00.000Z') }),
  { minLength: 40, maxLength: 40 },
);

/**
 * Runs a history through the placement service on an in-memory store with inline projections. After the
 * steps numbered in `snapshots`, notes placement p1's entitlement as then known, and when.
 */
export const play = async (history: PlacementHistory, timing: readonly Timing[], snapshots: ReadonlySet<number> = new Set()) => {
  const clock = manualClock('2024-09-01T00:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(placementsDomainDefinitions), clock, ids: seededIds(3) });
  const runner = createProjectionRunner({ store, projections: [...entitlementProjections] });
  const service = placementCommands({ store: withInlineProjections(store, runner), clock });
  const known: { at: Instant; entitlement: PlacementEntitlement | undefined }[] = [];
  for (const [i, event] of history.events.entries()) {
    const { laterMs, occurredAt } = timing[i % timing.length]!;
    clock.advance(laterMs);
    const o = { occurredAt };
    if (event.type === 'SchoolRegistered') await service.school({ type: 'RegisterSchool', ...event.data }, o);
    else if (event.type === 'SchoolCalendarPublished') await service.school({ type: 'PublishSchoolCalendar', ...event.data }, o);
    else if (event.type === 'TraineeRegistered') await service.trainee({ type: 'RegisterTrainee', ...event.data, name: 'Ada Lovelace' }, o);
    else await send(service, placementCommandFor(event), o);
    if (snapshots.has(i)) known.push({ at: clock.now(), entitlement: placementEntitlement(entitlementReadModel(runner), 'p1', { today: history.today }) });
  }
  return { store, runner, service, clock, known };
};
