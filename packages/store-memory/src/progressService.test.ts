import { CommandRejectedError, InvalidArgumentError, createEventRegistry, createProgressService, defaultReviewPolicy, manualClock, progressEventDefinitions, seededIds, standardRuleBook } from '@itt-ledger/core';
import { createContractRegistry } from '@itt-ledger/core/testing/contract';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const setup = () => {
  const clock = manualClock('2024-10-10T17:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(progressEventDefinitions), clock, ids: seededIds(2) });
  return { store, service: createProgressService({ store, clock }) };
};
const where = { traineeId: 't-1', placementId: 'p-1', schoolId: 's-1' };
const schedule = {
  type: 'ScheduleReviewPoint', reviewPointId: 'rp-1', ...where, providerId: 'prov', academicYear: '2024/25', stage: 'introductory', dueDate: '2024-10-11', mentorId: 'm-1',
  policy: defaultReviewPolicy(standardRuleBook.ruleSetFor('2024/25')),
} as const;
const form = {
  type: 'CompleteLeadMentorQaForm', reviewPointId: 'rp-1', leadMentorId: 'lm-1', completedOn: '2024-10-11',
  answers: { assessmentsAccurate: 'yes', instructionalCoachingQuality: 'yes', entitlementReceived: 'yes', meetingRecordsKept: 'yes', targetsShortTermAndAchievable: 'yes' },
} as const;

describe('progress service', () => {
  it('needs a store whose registry knows the progress events', () => {
    const store = createInMemoryEventStore({ registry: createContractRegistry() });
    expect(() => createProgressService({ store, clock: manualClock('2024-10-10T17:00:00Z') })).toThrow(InvalidArgumentError);
  });

  it('refuses a command naming a review point never scheduled, and appends nothing', async () => {
    const { store, service } = setup();
    await expect(service.leadMentorQa('p-1', form)).rejects.toMatchObject({ reason: 'progress.unknown-review-point', field: 'reviewPointId' });
    expect(await store.readAll()).toEqual([]);
  });

  it('reads the review point into the command, so the QA decider sees whether it was held', async () => {
    const { store, service } = setup();
    await service.reviewPoint('rp-1', schedule);
    await expect(service.leadMentorQa('p-1', form)).rejects.toBeInstanceOf(CommandRejectedError);
    await expect(service.leadMentorQa('p-1', form)).rejects.toMatchObject({ reason: 'leadMentorQa.review-point-not-held' });
    await service.reviewPoint('rp-1', { type: 'HoldReviewPoint', heldOn: '2024-10-10', heldBy: 'm-1', leadMentorId: 'lm-1', outcome: 'on_track', areasOfConcern: [] });
    const done = await service.leadMentorQa('p-1', form, { commandId: 'qa-1' });
    expect(done.events).toEqual([expect.objectContaining({ type: 'LeadMentorQaFormCompleted', data: expect.objectContaining({ reviewPointId: 'rp-1', mentorId: 'm-1' }) })]);
    // A retried command is answered from the stream, not decided twice.
    expect((await service.leadMentorQa('p-1', form, { commandId: 'qa-1' })).alreadyHandled).toBe(true);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['reviewPoint-rp-1', 'reviewPoint-rp-1', 'leadMentorQa-p-1']);
  });
});
