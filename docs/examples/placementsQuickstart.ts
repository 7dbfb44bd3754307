import {
  createEventRegistry,
  entitlementAsOf,
  formatEntitlementTable,
  manualClock,
  placementCommands,
  placementEntitlement,
  placementsDomainDefinitions,
  seededIds,
} from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';

export const placementsQuickstart = async () => {
  const clock = manualClock('2024-09-02T08:00:00Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(placementsDomainDefinitions), clock, ids: seededIds(1) });
  const service = placementCommands({ store, clock });

  // A school with its term dates, a part-time trainee (0.6 FTE), and a placement with a mentor.
  await service.school({ type: 'RegisterSchool', schoolId: 'oak', providerId: 'prov', name: 'Oak Primary', phase: 'primary', region: 'rest_of_england' });
  await service.school({
    type: 'PublishSchoolCalendar',
    schoolId: 'oak',
    academicYear: '2024/25',
    terms: [{ from: '2024-09-04', to: '2024-10-25' }, { from: '2024-11-04', to: '2024-12-20' }],
    closures: [],
  });
  const route = { phase: 'primary', mode: 'part_time', fte: 0.6, programme: 'postgraduate' } as const;
  await service.trainee({ type: 'RegisterTrainee', traineeId: 'ada', providerId: 'prov', name: 'Ada', academicYear: '2024/25', route });
  await service.arrange({ placementId: 'p1', traineeId: 'ada', schoolId: 'oak', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-10-14', endDate: '2024-11-15' });

  // Weekly meetings, recorded by the trainee; one is entered a week late, one is corrected.
  const meeting = (recordId: string, date: string, minutes: number) =>
    service.placement(
      { type: 'RecordMentorMeeting', placementId: 'p1', recordId, mentorId: 'm1', date, minutes, present: [{ role: 'trainee' }, { role: 'mentor' }], targetsDiscussed: ['questioning'] },
      { occurredAt: `${date}T15:30:00Z` },
    );
  clock.set('2024-10-15T17:00:00Z');
  await meeting('r1', '2024-10-15', 60);
  clock.set('2024-11-12T17:00:00Z');
  await meeting('r2', '2024-10-22', 30); // held before half term, entered three weeks later
  await meeting('r3', '2024-11-12', 40);
  await service.placement({ type: 'CorrectMentoringRecord', placementId: 'p1', recordId: 'r3', date: '2024-11-12', minutes: 55, reason: 'ran on' });

  // A refusal says why, and writes nothing.
  const refusal = await service
    .placement({ type: 'RecordMentoringContact', placementId: 'p1', recordId: 'r4', mentorId: 'm1', date: '2024-11-20', minutes: 30, kind: 'joint_planning' })
    .catch((error: { reason: string; field: string }) => `${error.reason} (${error.field})`);

  // The weekly table as it stands, and what was known on 1 November (before r2 was entered).
  const events = await store.readAll();
  const now = placementEntitlement(entitlementAsOf(events, { recordedAt: clock.now() }), 'p1', { today: '2024-11-18' })!;
  const then = placementEntitlement(entitlementAsOf(events, { recordedAt: '2024-11-01T00:00:00Z' }), 'p1', { today: '2024-11-01' })!;
  return { table: formatEntitlementTable(now), refusal, shortfallKnownOn1Nov: then.cumulativeShortfallMinutes, shortfallNow: now.cumulativeShortfallMinutes };
};
