import { join } from 'node:path';
import {
  endOfDay,
  eventsAsOf,
  irpRegister,
  progressReadModels,
  replayEntitlement,
  runProjection,
  traineeEntitlement,
  traineeProgress,
  traineeTimeline,
  type LocalDate,
  type StoredEvent,
} from '@itt-ledger/core';
import { beforeAll, describe, expect, it } from 'vitest';
// The provider's year is an example, not a dependency of the CLI: imported by path, for this test only.
import { PROVIDER_YEAR } from '../../../../examples/provider-year/src/cast.js';
import { openProviderYearStore } from '../../../../examples/provider-year/src/stores.js';
import { runProviderYear } from '../../../../examples/provider-year/src/providerYear.js';
import { runCli } from '../cli.js';
import { domainRegistry, domainReports } from '../domain.js';
import { EXIT } from '../io.js';
import { createExportWriter } from '../jsonl/writeExport.js';
import { memoryIo, tempDir } from '../testing.fixtures.js';
import { words } from './options.js';

const DAN = PROVIDER_YEAR.trainees.dan.traineeId;
/** At the development review point (not on track), while the plan is open, and at the end of the year. */
const DATES: readonly LocalDate[] = ['2024-11-21', '2024-11-30', PROVIDER_YEAR.today];

let dir: string;
let events: readonly StoredEvent[];
beforeAll(async () => {
  const { store, clock } = openProviderYearStore();
  await runProviderYear({ store, clock });
  events = await store.readAll();
  dir = await tempDir();
  const writer = await createExportWriter(join(dir, 'provider-year.jsonl'), PROVIDER_YEAR.exportedAt);
  for (const event of events) await writer.write(event);
  expect(await writer.commit()).toBe(events.length);
});

type Json = {
  timeline: { date: string; recordedAt?: string; kind: string; text: string; correction?: string }[];
  weeks: { week: string; entitledMinutes: number; receivedMinutes: number; exemptReason?: string }[];
  summary: Record<string, unknown>;
  tables: { name: string; rows: Record<string, unknown>[] }[];
};
const itt = async (...argv: string[]): Promise<Json> => {
  const { io, out } = memoryIo(dir);
  const code = await runCli([...argv, '--file', 'provider-year.jsonl', '--json'], io, { registry: domainRegistry, reports: domainReports });
  expect(out.stderr).toBe('');
  expect(code).toBe(EXIT.ok);
  return JSON.parse(out.stdout) as Json;
};

/** What the projections said on `date`: folded from the log as the store held it at the end of that day. */
const projectionsOn = (date: LocalDate) => {
  const then = eventsAsOf(events, { recordedAt: endOfDay(date) });
  // The provider's clock only moves forward: what was known by a day is a prefix of the log.
  expect(then).toEqual(events.slice(0, then.length));
  const progress = progressReadModels(then);
  return {
    entitlement: traineeEntitlement(replayEntitlement(then), DAN, { today: date })!,
    timeline: traineeTimeline(runProjection(traineeProgress, then as StoredEvent<never>[]).get(DAN), DAN, date),
    register: irpRegister(progress.irpRecords, progress.schools, PROVIDER_YEAR.providerId, date),
  };
};

describe('itt-ledger replay on the provider-year export reproduces what the projections said then', () => {
  it.each(DATES)('the IRP trainee as of %s: weekly entitlement, totals, review points, targets and the plan', async (date) => {
    const said = projectionsOn(date);
    for (const clocks of [['--as-of', date], ['--as-of', date, '--known-at', date]]) {
      const replay = await itt('replay', '--trainee', DAN, ...clocks);
      expect(replay.weeks).toEqual(
        said.entitlement.weeks
          .filter((week) => week.status !== 'upcoming')
          .map((week) => ({ week: week.weekStart, entitledMinutes: week.entitledMinutes, receivedMinutes: week.receivedMinutes, ...(week.exempt ? { exemptReason: words(week.exempt) } : {}) })),
      );
      expect(replay.summary).toMatchObject({
        'judged on': date,
        'weeks met': said.entitlement.weeksMet,
        'weeks short': said.entitlement.weeksShort,
        'weeks exempt': said.entitlement.weeksExempt,
        'shortfall (min)': said.entitlement.cumulativeShortfallMinutes,
      });
      const rows = (kind: string) => replay.timeline.filter((row) => row.kind === kind);
      const reviewPoints = said.timeline.entries.flatMap((entry) => (entry.kind === 'review_point' ? [entry] : []));
      expect(rows('review point').map((row) => [row.date, row.text.split(':')[0]])).toEqual(reviewPoints.map((entry) => [entry.date, `${entry.reviewPoint.stage} (due ${entry.reviewPoint.dueDate})`]));
      for (const [row, entry] of rows('review point').map((row, i) => [row, reviewPoints[i]!] as const)) expect(row.text).toContain(`: ${words(entry.status)}`);
      const targets = said.timeline.entries.flatMap((entry) => (entry.kind === 'target' ? [entry] : []));
      expect(rows('target').map((row) => row.text.split(' ')[0])).toEqual(targets.map((entry) => entry.target.targetId));
      for (const [row, entry] of rows('target').map((row, i) => [row, targets[i]!] as const)) expect(row.text).toContain(`: ${words(entry.status)}`);
      const plans = said.timeline.entries.flatMap((entry) => (entry.kind === 'irp' ? [entry] : []));
      expect(rows('IRP opened').map((row) => row.date)).toEqual(plans.map((entry) => entry.plan.openedOn));
      expect(rows('IRP closed').map((row) => row.text)).toEqual(plans.flatMap((entry) => (entry.plan.closedOn === undefined ? [] : [`${entry.plan.irpId}: ${entry.plan.status}`])));
      for (const plan of plans.filter((entry) => entry.plan.status === 'open')) expect(rows('IRP opened')[0]?.text).toContain(`open, next review ${plan.nextReviewDue}`);
    }
  });

  it('as of the three dates, the IRP register is what the projection said', async () => {
    for (const date of DATES) {
      const { register } = projectionsOn(date);
      const irps = await itt('irps', '--provider', PROVIDER_YEAR.providerId, '--as-of', date);
      expect(irps.tables.find((t) => t.name === 'open')!.rows.map((row) => [row.irpId, row.nextReviewDue, row.reviewOverdue])).toEqual(
        register.open.map((row) => [row.irpId, row.nextReviewDue, row.reviewOverdue]),
      );
      expect(irps.tables.find((t) => t.name === 'bySchool')!.rows).toEqual(register.outcomesBySchool.map((row) => ({ ...row })));
    }
    // The plan, as the three dates saw it: not yet opened, open, and succeeded.
    expect(DATES.map((date) => projectionsOn(date).register.outcomesBySchool.map((row) => [row.opened, row.open, row.succeeded]))).toEqual([[], [[1, 1, 0]], [[1, 0, 1]]]);
  });

  it('--known-at: a meeting entered a week late is absent before it was recorded, and counts after', async () => {
    const eve = PROVIDER_YEAR.trainees.eve.traineeId;
    const known = await itt('replay', '--trainee', eve, '--as-of', '2024-10-08', '--known-at', '2024-10-08');
    const happened = await itt('replay', '--trainee', eve, '--as-of', '2024-10-08');
    const late = (json: Json) => json.timeline.find((row) => row.text.includes('(eve-2024-10-02)'));
    expect(late(known)).toBeUndefined();
    expect(late(happened)).toMatchObject({ date: '2024-10-02', recordedAt: '2024-10-09T17:00:00.000Z', kind: 'mentor meeting' });
    const week = (json: Json) => json.weeks.find((w) => w.week === '2024-09-30');
    expect(week(known)).toEqual({ week: '2024-09-30', entitledMinutes: 90, receivedMinutes: 0 });
    expect(week(happened)).toEqual({ week: '2024-09-30', entitledMinutes: 90, receivedMinutes: 90 });
    // And known the day after it was entered, the week is whole again.
    expect(week(await itt('replay', '--trainee', eve, '--as-of', '2024-10-08', '--known-at', '2024-10-09'))).toEqual(week(happened));
  });

  it("Fin's correction and withdrawal sit beside the records they changed", async () => {
    const fin = await itt('replay', '--trainee', PROVIDER_YEAR.trainees.fin.traineeId);
    expect(fin.timeline.find((row) => row.text.includes('(fin-2024-09-26)'))).toMatchObject({
      text: '45 min with mentor-olu (fin-2024-09-26)',
      correction: 'corrected 45 → 90 min on 2024-09-27: the mentor’s notes say 90 minutes',
    });
    expect(fin.timeline.find((row) => row.text.includes('(fin-2024-10-10-copy)'))?.correction).toBe('withdrawn on 2024-10-11: entered twice');
  });
});
