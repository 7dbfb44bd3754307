import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../kernel/envelope.js';
import type { PlacementsDomainEvent } from '../placement/domain.js';
import { formatBehindTable, formatEntitlementTable } from './format.js';
import { entitlementAsOf, replayEntitlement } from './projections.js';
import { behindThisWeek, placementEntitlement, traineeEntitlement } from './queries.js';
import { combineWeeks } from './summary.js';

let position = 0n;
const stored = (event: PlacementsDomainEvent, occurredAt: string, recordedAt = occurredAt): StoredEvent =>
  ({ ...event, schemaVersion: 1, metadata: {}, eventId: `e${position}`, streamId: 'x', streamRevision: 0n, globalPosition: position++, occurredAt, recordedAt });

const placement = (placementId: string, startDate: string, endDate: string, mentorId: string): PlacementsDomainEvent => ({
  type: 'PlacementArranged',
  data: { placementId, traineeId: 't1', schoolId: placementId === 'p1' ? 's1' : 's2', providerId: 'prov', academicYear: '2024/25', mentorId, startDate, endDate },
});
const meeting = (placementId: string, recordId: string, mentorId: string, date: string, minutes: number): PlacementsDomainEvent => ({
  type: 'MentoringContactRecorded',
  data: { placementId, recordId, traineeId: 't1', mentorId, date, minutes, kind: 'co_teaching' },
});
const events = [
  stored({ type: 'TraineeRegistered', data: { traineeId: 't1', providerId: 'prov', name: 'Ada', academicYear: '2024/25', route: { phase: 'primary', mode: 'part_time', fte: 0.5, programme: 'postgraduate' } } }, '2024-09-01T09:00:00.000Z'),
  stored(placement('p1', '2024-09-09', '2024-09-25', 'm1'), '2024-09-02T09:00:00.000Z'),
  stored(placement('p2', '2024-09-26', '2024-10-18', 'm2'), '2024-09-02T09:00:00.000Z'),
  stored(meeting('p1', 'a', 'm1', '2024-09-10', 45), '2024-09-10T15:00:00.000Z'),
  stored(meeting('p1', 'b', 'm1', '2024-09-24', 20), '2024-09-24T15:00:00.000Z'),
  stored(meeting('p2', 'c', 'm2', '2024-09-26', 20), '2024-09-26T15:00:00.000Z', '2024-10-04T08:00:00.000Z'),
];

describe('entitlement queries', () => {
  it('gives a trainee one entitlement per week across placements: the minutes of both add up', () => {
    const model = replayEntitlement(events);
    const trainee = traineeEntitlement(model, 't1', { today: '2024-10-01' })!;
    expect(trainee.placementIds).toEqual(['p1', 'p2']);
    expect(trainee.weeks.slice(0, 3).map((w) => [w.weekStart, w.entitledMinutes, w.receivedMinutes, w.shortfallMinutes])).toEqual([
      ['2024-09-09', 45, 45, 0],
      ['2024-09-16', 45, 0, 45],
      ['2024-09-23', 45, 40, 5],
    ]);
    expect(trainee.flag?.since).toBe('2024-09-16');
    expect(placementEntitlement(model, 'p1', { today: '2024-10-01' })?.weeks.at(-1)?.shortfallMinutes).toBe(25);
    expect(traineeEntitlement(model, 't9', { today: '2024-10-01' })).toBeUndefined();
    expect(placementEntitlement(model, 'p9', { today: '2024-10-01' })).toBeUndefined();
  });

  it('combines an exempt week with a counted one as counted, and two exempt weeks by the stronger reason', () => {
    const week = { weekStart: '2024-10-21', status: 'complete', openDays: 0, entitledMinutes: 0, receivedMinutes: 0, shortfallMinutes: 0 } as const;
    expect(combineWeeks([[{ ...week, exempt: 'holiday' }], [{ ...week, openDays: 2, entitledMinutes: 90 }]])[0]).toMatchObject({ shortfallMinutes: 90 });
    expect(combineWeeks([[{ ...week, exempt: 'holiday' }], [{ ...week, exempt: 'absence' }]])[0]?.exempt).toBe('absence');
  });

  it('counts the trainees behind this week per school and mentor, by what was known then', () => {
    const today = '2024-09-26';
    const known = entitlementAsOf(events, { recordedAt: '2024-09-27T00:00:00.000Z' });
    // p1 ended on Wednesday 25 short of its week; p2 began on Thursday and its meeting was not yet entered.
    expect(behindThisWeek(known, { today, by: 'mentor' })).toEqual([
      { id: 'm1', trainees: 1, behind: 1, flagged: 1, behindTraineeIds: ['t1'] },
      { id: 'm2', trainees: 1, behind: 1, flagged: 0, behindTraineeIds: ['t1'] },
    ]);
    expect(formatBehindTable(behindThisWeek(known, { today, by: 'school' }), 'school')).toBe(
      [
        'school  trainees  behind  flagged  behind now',
        '------  --------  ------  -------  ----------',
        's1             1       1        1  t1',
        's2             1       1        0  t1',
        '',
      ].join('\n'),
    );
    expect(placementEntitlement(known, 'p2', { today })?.thisWeek?.receivedMinutes).toBe(0);
    const happened = entitlementAsOf(events, { occurredAt: '2024-09-27T00:00:00.000Z' });
    expect(placementEntitlement(happened, 'p2', { today })?.thisWeek?.receivedMinutes).toBe(20);
  });

  it('renders the weekly table deterministically', () => {
    const text = formatEntitlementTable(placementEntitlement(replayEntitlement(events), 'p1', { today: '2024-10-01' })!);
    expect(text).toBe(
      [
        'week of     status    entitled  received  shortfall  exempt  streak  flag',
        '----------  --------  --------  --------  ---------  ------  ------  ------------------------------------------------------------------',
        '2024-09-09  complete        45        45          0               0',
        '2024-09-16  complete        45         0         45               1',
        '2024-09-23  complete        45        20         25               2  ACTION: 2 short in a row (mentoring.shortWeeksInARowForAction = 2)',
        'weeks met 1, short 2, exempt 0; shortfall 70 min; current streak 2; flagged since 2024-09-16 (no source sets a trigger; two short weeks in a row is assumed)',
        '',
      ].join('\n'),
    );
  });
});
