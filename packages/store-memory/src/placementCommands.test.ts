import {
  CommandRejectedError,
  InvalidArgumentError,
  createEventRegistry,
  manualClock,
  placementCommands,
  placementsDomainDefinitions,
  schoolEventDefinitions,
  seededIds,
  type ArrangePlacementInput,
} from '@itt-ledger/core';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const setUp = async () => {
  const clock = manualClock('2024-09-02T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(placementsDomainDefinitions), clock, ids: seededIds(5) });
  const service = placementCommands({ store, clock });
  await service.school({ type: 'RegisterSchool', schoolId: 's1', providerId: 'prov', name: 'Oak Primary', phase: 'primary', region: 'rest_of_england' });
  await service.trainee({ type: 'RegisterTrainee', traineeId: 't1', providerId: 'prov', name: 'Ada', academicYear: '2024/25', route: { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } });
  return { store, service };
};
const input: ArrangePlacementInput = { placementId: 'p1', traineeId: 't1', schoolId: 's1', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-09', endDate: '2024-12-13' };
const refused = (reason: string, field: string) => expect.objectContaining({ constructor: CommandRejectedError, reason, field });

describe('the placement service: checks across aggregates', () => {
  it('arranges a placement for a registered trainee at a registered school', async () => {
    const { service } = await setUp();
    const result = await service.arrange(input);
    expect(result.events.map((event) => event.type)).toEqual(['PlacementArranged']);
    expect(await service.traineePlacements('t1')).toEqual([{ placementId: 'p1', startDate: '2024-09-09', lastDay: '2024-12-13' }]);
  });

  it('refuses a trainee or school that is not registered, and writes nothing', async () => {
    const { service, store } = await setUp();
    const before = (await store.readAll()).length;
    await expect(service.arrange({ ...input, traineeId: 't9' })).rejects.toEqual(refused('placement.trainee-not-registered', 'traineeId'));
    await expect(service.arrange({ ...input, schoolId: 's9' })).rejects.toEqual(refused('placement.school-not-registered', 'schoolId'));
    await expect(service.arrange({ ...input, providerId: 'other' })).rejects.toEqual(refused('placement.trainee-other-provider', 'providerId'));
    expect(await store.readAll()).toHaveLength(before);
  });

  it('refuses a second placement of the trainee on overlapping dates, and an extension into the next', async () => {
    const { service } = await setUp();
    await service.arrange(input);
    await expect(service.arrange({ ...input, placementId: 'p2', startDate: '2024-12-13', endDate: '2025-02-14' })).rejects.toEqual(refused('placement.overlaps-another', 'startDate'));
    await service.arrange({ ...input, placementId: 'p2', startDate: '2025-01-06', endDate: '2025-02-14' });
    await expect(service.extend({ placementId: 'p1', endDate: '2025-01-10', reason: 'absence' })).rejects.toEqual(refused('placement.overlaps-another', 'endDate'));
    const extended = await service.extend({ placementId: 'p1', endDate: '2024-12-20', reason: 'absence' });
    expect(extended.state.placement?.lastDay).toBe('2024-12-20');
    // A placement that ended early frees its dates.
    await service.placement({ type: 'EndPlacementEarly', placementId: 'p2', lastDay: '2025-01-10', reason: 'moved_placement' });
    await service.arrange({ ...input, placementId: 'p3', startDate: '2025-01-13', endDate: '2025-03-28' });
    expect((await service.traineePlacements('t1')).map((p) => p.placementId)).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses a store that does not know the placement events', () => {
    const store = createInMemoryEventStore({ registry: createEventRegistry(schoolEventDefinitions) });
    expect(() => placementCommands({ store, clock: manualClock('2024-09-02T08:00:00.000Z') })).toThrow(InvalidArgumentError);
  });
});
