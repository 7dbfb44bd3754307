import {
  createEventRegistry,
  createInMemoryKeyStore,
  isErased,
  manualClock,
  placementCommands,
  placementsDomainDefinitions,
  seededIds,
  withCryptoShredding,
} from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';

export const erasureQuickstart = async () => {
  const clock = manualClock('2024-09-02T08:00:00Z');
  const inner = createInMemoryEventStore({ registry: createEventRegistry(placementsDomainDefinitions), clock, ids: seededIds(1) });
  // Every personal field is sealed per data subject before the inner store (or EventStoreDB) sees it.
  const keyStore = createInMemoryKeyStore();
  const store = withCryptoShredding(inner, { keyStore });
  const service = placementCommands({ store, clock });

  const route = { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } as const;
  await service.trainee({ type: 'RegisterTrainee', traineeId: 'ada', providerId: 'prov', name: 'Ada Okafor', academicYear: '2024/25', route });
  const [stored] = await inner.readStream('trainee-ada');
  const [before] = await store.readStream('trainee-ada');

  // UK GDPR erasure: destroy the key. The event stays, and so does everything that is not personal.
  await keyStore.forget('ada');
  const [after] = await store.readStream('trainee-ada');

  return {
    storedName: stored?.type === 'TraineeRegistered' ? stored.data.name : undefined,
    nameBefore: before?.type === 'TraineeRegistered' ? before.data.name : undefined,
    nameErased: after?.type === 'TraineeRegistered' && isErased(after.data.name),
    routeAfter: after?.type === 'TraineeRegistered' ? after.data.route : undefined,
  };
};
