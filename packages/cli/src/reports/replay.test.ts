import { endOfDay, entitlementAsOf, traineeEntitlement, traineeTimelineAsOf, type AsOf, type LocalDate, type StoredEvent } from '@itt-ledger/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { WELFARE_NOTE, exportedScenarios, itt, ittJson } from './reports.fixtures.js';

let dir: string;
let events: readonly StoredEvent[];
beforeAll(async () => {
  ({ dir, events } = await exportedScenarios());
});

const replay = (who: string[], ...clocks: string[]) => ittJson(dir, ['replay', ...who, '--file', 'scenarios.jsonl', ...clocks]);
const row = <T extends { text: string }>(timeline: T[] | undefined, text: string) => timeline?.find((entry) => entry.text.includes(text));

/** What the domain's projections say of a trainee's weeks, as the chart should show them. */
const domainWeeks = (traineeId: string, asOf: AsOf, today: LocalDate) =>
  traineeEntitlement(entitlementAsOf(events, asOf), traineeId, { today })!
    .weeks.filter((week) => week.status !== 'upcoming')
    .map((week) => ({ week: week.weekStart, entitledMinutes: week.entitledMinutes, receivedMinutes: week.receivedMinutes, ...(week.exempt ? { exemptReason: week.exempt.replaceAll('_', ' ') } : {}) }));

describe('replay --trainee', () => {
  it.each([
    ['2024-10-31', ['introductory (due 2024-10-11): held, on track', 'development (due 2024-11-22): scheduled'], undefined],
    ['2024-11-30', ['development (due 2024-11-22): held, not on track (concerns: behaviour management, adaptive teaching)'], 'open, next review 2024-12-09'],
    ['2024-12-13', ['consolidation (due 2024-12-12): held, on track'], undefined],
  ])('as of %s, says what the projections said then: weeks, totals, review points, the plan', async (date, reviewPoints, plan) => {
    const asOf = { occurredAt: endOfDay(date) };
    const report = await replay(['--trainee', 'trainee-ada'], '--as-of', date);
    expect(report.weeks).toEqual(domainWeeks('trainee-ada', asOf, date));
    const summary = traineeEntitlement(entitlementAsOf(events, asOf), 'trainee-ada', { today: date })!;
    expect(report.summary).toMatchObject({ 'judged on': date, 'weeks met': summary.weeksMet, 'weeks short': summary.weeksShort, 'shortfall (min)': summary.cumulativeShortfallMinutes });
    const domain = traineeTimelineAsOf(events, 'trainee-ada', asOf, date);
    expect(report.timeline!.filter((entry) => entry.kind === 'review point')).toHaveLength(domain.entries.filter((entry) => entry.kind === 'review_point').length);
    for (const text of reviewPoints) expect(row(report.timeline, text), text).toBeDefined();
    const opened = report.timeline!.find((entry) => entry.kind === 'IRP opened');
    if (date < '2024-11-25') expect(opened).toBeUndefined();
    else expect(opened?.text.endsWith(plan ?? 'concerns behaviour management, adaptive teaching')).toBe(true);
    if (opened !== undefined) expect(report.timeline!.filter((entry) => entry.kind === 'IRP support').map((entry) => entry.text)).toEqual(['Weekly instructional coaching on routines (mentor-olu)', 'Observe a colleague’s Year 2 transitions (school-oak)']);
    expect(report.timeline!.some((entry) => entry.kind === 'IRP closed')).toBe(date >= '2024-12-10');
    expect(report.timeline!.map((entry) => entry.date)).toEqual(report.timeline!.map((entry) => entry.date).sort());
  });

  it('shows a correction and a withdrawal beside the record they changed, which stays as first recorded', async () => {
    const report = await replay(['--trainee', 'trainee-dan']);
    expect(row(report.timeline, '(dan-1)')).toEqual({
      date: '2024-09-17',
      recordedAt: '2024-09-17T17:00:00.000Z',
      kind: 'mentor meeting',
      text: '45 min with mentor-sam (dan-1)',
      correction: 'corrected 45 → 90 min on 2024-09-20: the meeting ran on; 45 was a typo',
    });
    expect(row(report.timeline, '(dan-6)')?.correction).toBe('withdrawn on 2024-11-08: entered twice');
    expect(report.weeks?.find((week) => week.week === '2024-11-04')).toEqual({ week: '2024-11-04', entitledMinutes: 90, receivedMinutes: 60 });
    expect(report.weeks?.find((week) => week.week === '2024-10-07')).toEqual({ week: '2024-10-07', entitledMinutes: 0, receivedMinutes: 0, exemptReason: 'absence' });
  });

  it('--known-at: what the provider knew then; a correction not yet recorded is not there, nor a record entered late', async () => {
    const before = await replay(['--trainee', 'trainee-dan'], '--known-at', '2024-09-19');
    expect(row(before.timeline, '(dan-1)')?.correction).toBeUndefined();
    expect(before.weeks?.find((week) => week.week === '2024-09-16')?.receivedMinutes).toBe(45);
    // dan-3 happened on 1 October and was entered on the 8th.
    const happened = await replay(['--trainee', 'trainee-dan'], '--as-of', '2024-10-05');
    const known = await replay(['--trainee', 'trainee-dan'], '--as-of', '2024-10-05', '--known-at', '2024-10-05');
    expect(row(happened.timeline, '(dan-3)')).toMatchObject({ date: '2024-10-01', recordedAt: '2024-10-08T17:00:00.000Z' });
    expect(row(known.timeline, '(dan-3)')).toBeUndefined();
    expect(happened.weeks?.find((week) => week.week === '2024-09-30')?.receivedMinutes).toBe(90);
    expect(known.weeks?.find((week) => week.week === '2024-09-30')?.receivedMinutes).toBe(0);
    expect(known.weeks).toEqual(domainWeeks('trainee-dan', { occurredAt: endOfDay('2024-10-05'), recordedAt: endOfDay('2024-10-05') }, '2024-10-05'));
  });

  it('marks the week the action flag was raised, with the rule and its value', async () => {
    const report = await replay(['--trainee', 'trainee-cat'], '--as-of', '2024-12-04');
    const flags = report.timeline!.filter((entry) => entry.kind === 'entitlement flag');
    expect(flags[0]).toEqual({ date: '2024-10-07', kind: 'entitlement flag', text: '2 short weeks in a row since 2024-09-30 (mentoring.shortWeeksInARowForAction = 2)' });
    expect(report.summary?.['action flag']).toMatch(/^since \d{4}-\d{2}-\d{2} \(mentoring\.shortWeeksInARowForAction = 2\)$/);
  });

  it('leaves welfare notes out unless --include-welfare asks, and then says whom they are for', async () => {
    const plain = await itt(dir, ['replay', '--trainee', 'trainee-ada', '--file', 'scenarios.jsonl']);
    expect(plain.stdout).not.toContain('sleeping badly');
    expect(plain.stdout).toContain('welfare notes: not shown (for the welfare lead only)');
    const welfare = await replay(['--trainee', 'trainee-ada', '--include-welfare']);
    expect(welfare.title).toBe('Trainee trainee-ada (Ada Okafor): history (includes welfare notes: special category data, for the welfare lead only)');
    expect(welfare.timeline?.find((entry) => entry.kind.startsWith('welfare concern'))).toEqual({
      date: '2024-11-21',
      recordedAt: '2024-11-21T17:00:00.000Z',
      kind: 'welfare concern (special category data)',
      text: `noted by lead-mentor-natalie: ${WELFARE_NOTE}; closed on 2024-12-11`,
    });
  });

  it('a trainee nothing is known of yet: an empty history, said so', async () => {
    const report = await replay(['--trainee', 'trainee-ada'], '--known-at', '2024-08-01');
    expect(report.timeline).toEqual([]);
    expect(report.summary).toMatchObject({ recorded: 'nothing yet', placements: 0 });
  });
});

describe('replay --mentor', () => {
  it("shows a mentor's training with its correction beside it, their MDR, compliance, trainees and claims", async () => {
    const asha = await replay(['--mentor', 'mentor-asha'], '--as-of', '2025-06-30');
    expect(asha.title).toBe('Mentor mentor-asha (Asha Patel): history');
    expect(row(asha.timeline, 'session-6')).toMatchObject({
      text: 'session-6, asynchronous self paced, 150 min, initial, with provider-northants for 2024/25',
      correction: 'corrected 150 → 120 min on 2025-02-10: the platform logs 120 minutes',
    });
    expect(asha.timeline!.filter((entry) => entry.kind.startsWith('MDR')).map((entry) => entry.kind)).toEqual([
      'MDR started',
      'MDR self-rating',
      'MDR priority area',
      'MDR action',
      'MDR action',
      'MDR action completed',
      'MDR self-rating',
      'MDR action completed',
      'MDR self-rating',
      'MDR reflection',
      'MDR completed',
    ]);
    const tables = Object.fromEntries(asha.tables!.map((table) => [table.name, table.rows]));
    expect(tables.training).toEqual([expect.objectContaining({ trained: '20 h', required: '20 h (provider)', status: 'compliant' })]);
    expect(tables.trainees).toEqual([{ year: '2024/25', trainee: 'trainee-cara', placement: 'placement-cara-horton', school: 'school-horton', provider: 'provider-northants' }]);
    expect(tables.mdr?.map((r) => [r.area, r.stage, r.mean])).toContainEqual(['Professional Knowledge', 'reflection', 3]);

    const amara = await replay(['--mentor', 'mentor-amara']);
    expect(row(amara.timeline, 'claim-oakfield-2024 (school-oakfield, 2024/25)')?.text).toBe('claim-oakfield-2024 (school-oakfield, 2024/25): 20 h × £43.80 = £876.00 (claimed)');
    expect(amara.tables?.find((table) => table.name === 'claims')?.rows).toEqual([
      { claim: 'claim-oakfield-2024', school: 'school-oakfield', year: '2024/25', status: 'paid', hours: 20, rate: '£43.80', amount: '£876.00' },
    ]);
  });

  it('as of a date before the sessions, compliance is judged on that day, with the DfE minimum then in force', async () => {
    const report = await replay(['--mentor', 'mentor-asha'], '--as-of', '2024-11-01');
    expect(report.tables?.find((table) => table.name === 'training')?.rows).toEqual([
      expect.objectContaining({ trained: '14 h', required: '20 h (DfE)', remaining: '6 h', status: 'in progress', dfeMinimum: expect.stringMatching(/^DfE minimum 20 h/) }),
    ]);
    expect(report.timeline!.some((entry) => entry.kind === 'MDR completed')).toBe(false);
  });
});

describe('replay refuses a command line it cannot run', () => {
  it.each([
    [[], 'itt-ledger: replay needs one of --trainee ID or --mentor ID\n'],
    [['--trainee', 'a', '--mentor', 'b'], 'itt-ledger: replay needs one of --trainee ID or --mentor ID\n'],
    [['--mentor', 'mentor-asha', '--include-welfare'], 'itt-ledger: --include-welfare is for a trainee replay (--trainee ID)\n'],
    [['--trainee', 'trainee-ada', '--today', '2024-13-01'], "itt-ledger: --today: expected a date as YYYY-MM-DD, got '2024-13-01'\n"],
  ])('%j', async (args, message) => {
    const result = await itt(dir, ['replay', ...args, '--file', 'scenarios.jsonl']);
    expect(result).toEqual({ code: EXIT.usage, stdout: '', stderr: message });
  });
});
