import {
  behindThisWeek,
  createEventRegistry,
  createProjectionRunner,
  entitlementAsOf,
  entitlementProjections,
  entitlementReadModel,
  formatBehindTable,
  formatEntitlementTable,
  manualClock,
  placementEntitlement,
  replayEntitlement,
  seededIds,
  traineeEntitlement,
} from '@itt-ledger/core';
import { PLACEMENT_TERM, placementTermEventDefinitions, runPlacementTerm } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const run = async () => {
  const clock = manualClock('2024-09-01T00:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(placementTermEventDefinitions), clock, ids: seededIds(7) });
  const result = await runPlacementTerm({ store, clock });
  return { store, result, events: await store.readAll() };
};

const { today, placements: p, trainees: t } = PLACEMENT_TERM;

describe('a placement term, end to end on the in-memory store', () => {
  it('prints the same tables, byte for byte, on every run', async () => {
    const texts = await Promise.all(
      [1, 2].map(async () => {
        const { events } = await run();
        const model = replayEntitlement(events);
        return [p.ada, p.ben, p.cat, p.dan].map((id) => formatEntitlementTable(placementEntitlement(model, id, { today })!)).join('\n');
      }),
    );
    expect(texts[1]).toBe(texts[0]);
  });

  it('shows who met their entitlement, who fell short, and who is flagged', async () => {
    const { events, result } = await run();
    const model = replayEntitlement(events);
    const of = (id: string) => placementEntitlement(model, id, { today })!;
    expect(of(p.ada)).toMatchObject({ weeksShort: 0, cumulativeShortfallMinutes: 0 });
    expect(of(p.ada).flag).toBeUndefined();
    // Ben's part-time entitlement is 54 minutes; every fourth week he had 30.
    expect(of(p.ben).weeks[0]?.entitledMinutes).toBe(54);
    expect(of(p.ben)).toMatchObject({ weeksShort: 2, cumulativeShortfallMinutes: 48 });
    expect(of(p.ben).flag).toBeUndefined();
    expect(of(p.cat).flag).toMatchObject({ rule: 'mentoring.shortWeeksInARowForAction', since: '2024-09-30' });
    expect(of(p.dan).weeks.filter((w) => w.exempt).map((w) => `${w.weekStart} ${w.exempt}`)).toEqual(['2024-10-07 absence', '2024-10-14 absence', '2024-10-21 holiday', '2024-11-25 school_closure']);
    expect(of(p.dan).mentorIds).toEqual([PLACEMENT_TERM.mentors.ash2]);
    expect(result.refusals).toEqual(['record.outside-placement (date)', 'record.minutes-out-of-range (minutes)']);
    expect(traineeEntitlement(model, t.cat, { today })?.flag?.since).toBe('2024-09-30');
    expect(formatEntitlementTable(of(p.cat))).toContain('ACTION: 2 short in a row (mentoring.shortWeeksInARowForAction = 2)');
  });

  it('counts the trainees behind this week per school and per mentor', async () => {
    const { events } = await run();
    const model = replayEntitlement(events);
    expect(behindThisWeek(model, { today, by: 'school' })).toEqual([
      { id: PLACEMENT_TERM.schools.ash, trainees: 2, behind: 1, flagged: 1, behindTraineeIds: [t.cat] },
      { id: PLACEMENT_TERM.schools.oak, trainees: 2, behind: 1, flagged: 0, behindTraineeIds: [t.ben] },
    ]);
    const byMentor = formatBehindTable(behindThisWeek(model, { today, by: 'mentor' }), 'mentor');
    expect(byMentor.split('\n').slice(2, 6)).toEqual([
      'mentor-olu           1       0        0',
      'mentor-priya         1       1        0  trainee-ben',
      'mentor-sam           1       1        1  trainee-cat',
      'mentor-tess          1       0        0',
    ]);
  });

  it('tells what had happened by a date from what was known then', async () => {
    const { events } = await run();
    const query = { today: '2024-10-05' };
    // Dan's meeting on 1 October was entered on the 8th.
    const happened = placementEntitlement(entitlementAsOf(events, { occurredAt: '2024-10-05T23:59:59.999Z' }), p.dan, query)!;
    const known = placementEntitlement(entitlementAsOf(events, { recordedAt: '2024-10-05T23:59:59.999Z' }), p.dan, query)!;
    expect(happened.weeks.find((w) => w.weekStart === '2024-09-30')?.receivedMinutes).toBe(90);
    expect(known.weeks.find((w) => w.weekStart === '2024-09-30')?.receivedMinutes).toBe(0);
    // And a correction entered on 20 September changes what was known from then, not before.
    const before = placementEntitlement(entitlementAsOf(events, { recordedAt: '2024-09-19T23:59:59.999Z' }), p.dan, { today: '2024-09-23' })!;
    expect(before.weeks[1]).toMatchObject({ receivedMinutes: 45, shortfallMinutes: 45 });
    const after = placementEntitlement(entitlementAsOf(events, { recordedAt: '2024-09-20T23:59:59.999Z' }), p.dan, { today: '2024-09-23' })!;
    expect(after.weeks[1]).toMatchObject({ receivedMinutes: 90, shortfallMinutes: 0 });
  });

  it('keeps the projections, run incrementally, equal to a replay from zero', async () => {
    const clock = manualClock('2024-09-01T00:00:00.000Z');
    const store = createInMemoryEventStore({ registry: createEventRegistry(placementTermEventDefinitions), clock, ids: seededIds(7) });
    const runner = createProjectionRunner({ store, projections: [...entitlementProjections] });
    const subscription = await runner.start();
    await runPlacementTerm({ store, clock });
    await runner.catchUp();
    await subscription.close();
    expect(entitlementReadModel(runner)).toEqual(replayEntitlement(await store.readAll()));
  });
});
