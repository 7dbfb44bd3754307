import {
  CommandRejectedError,
  InvalidArgumentError,
  createEventRegistry,
  manualClock,
  mentorCommands,
  mentorDevelopmentReviewStreamId,
  mentorEventDefinitions,
  mentorsDomainDefinitions,
  seededIds,
} from '@itt-ledger/core';
import { exampleMdrFramework } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const setup = async () => {
  const clock = manualClock('2024-09-02T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(mentorsDomainDefinitions), clock, ids: seededIds(5) });
  const service = mentorCommands({ store, clock });
  await service.mentor('m1', { type: 'RegisterMentor', mentorId: 'm1', schoolId: 's1', providerId: 'p1', name: 'Asha Patel' });
  return { store, service };
};

describe('mentorCommands', () => {
  it('needs a store that knows every mentor event', () => {
    const clock = manualClock('2024-09-02T08:00:00.000Z');
    const store = createInMemoryEventStore({ registry: createEventRegistry(mentorEventDefinitions), clock, ids: seededIds(5) });
    expect(() => mentorCommands({ store, clock })).toThrow(InvalidArgumentError);
  });

  it('puts each aggregate in its own stream', async () => {
    const { store, service } = await setup();
    await service.review('m1', '2024/25', { type: 'StartMentorDevelopmentReview', mentorId: 'm1', academicYear: '2024/25', providerId: 'p1', startedOn: '2024-09-20', framework: exampleMdrFramework });
    await service.leadMentor('m1', { type: 'AppointLeadMentor', leadMentorId: 'm1', providerId: 'p1', appointedOn: '2024-09-02' });
    await service.support('m1', { type: 'AllocateProtectedTime', mentorId: 'm1', schoolId: 's1', academicYear: '2024/25', minutesPerWeek: 60, effectiveFrom: '2024-09-02' });
    await service.requirement({ type: 'SetProviderTrainingRequirement', providerId: 'p1', academicYear: '2024/25', initialMinutes: 600, refresherMinutes: 180, effectiveFrom: '2024-11-13' });
    const streams = [...new Set((await store.readAll()).map((event) => event.streamId))];
    expect(streams).toEqual(['mentor-m1', mentorDevelopmentReviewStreamId('m1', '2024/25'), 'leadMentor-m1', 'mentorSupport-m1', 'providerTrainingRequirement-p1']);
  });

  it('refuses anything about a mentor never registered, and a command naming another mentor, writing nothing', async () => {
    const { store, service } = await setup();
    const before = await store.readAll();
    await expect(service.leadMentor('m2', { type: 'AppointLeadMentor', leadMentorId: 'm2', providerId: 'p1', appointedOn: '2024-09-02' })).rejects.toBeInstanceOf(CommandRejectedError);
    await expect(service.support('m2', { type: 'RecordProtectedTimeUse', mentorId: 'm2', weekOf: '2024-09-09', minutesUsed: 10 })).rejects.toMatchObject({ reason: 'mentor.not-registered' });
    await expect(service.review('m2', '2024/25', { type: 'ChoosePriorityArea', chosenOn: '2024-09-27' })).rejects.toMatchObject({ reason: 'mentor.not-registered' });
    await expect(service.training('m1', { type: 'RecordMentorTrainingSession', sessionId: 's', mentorId: 'm2', providerId: 'p1', date: '2024-10-01', minutes: 60, mode: 'synchronous_online_twilight' })).rejects.toMatchObject({ field: 'mentorId' });
    await expect(service.mentor('m1', { type: 'RegisterMentor', mentorId: 'm3', schoolId: 's1', name: 'X' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(service.review('m1', '2025/26', { type: 'StartMentorDevelopmentReview', mentorId: 'm1', academicYear: '2024/25', providerId: 'p1', startedOn: '2024-09-20', framework: exampleMdrFramework })).rejects.toMatchObject({ field: 'academicYear' });
    expect(await store.readAll()).toEqual(before);
  });
});
