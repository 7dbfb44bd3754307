import {
  behindThisWeek,
  endOfDay,
  entitlementAsOf,
  irpRegister,
  placementEntitlement,
  progressReadModels,
  runProjection,
  schoolSummaryReport,
  trainingCompliance,
  trainingComplianceProjection,
  type StoredEvent,
} from '@itt-ledger/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { exportedScenarios, itt, ittJson } from './reports.fixtures.js';

let dir: string;
let events: readonly StoredEvent[];
beforeAll(async () => {
  ({ dir, events } = await exportedScenarios());
});

const report = (argv: string[]) => ittJson(dir, [...argv, '--file', 'scenarios.jsonl']);
const table = (r: Awaited<ReturnType<typeof report>>, name: string) => r.tables!.find((t) => t.name === name)!.rows;
const asOf = (date: string) => ({ occurredAt: endOfDay(date) });

describe('entitlement', () => {
  it("a provider's placements as the domain's placementEntitlement said on the day, and who was behind that week", async () => {
    const date = '2024-11-20';
    const r = await report(['entitlement', '--provider', 'provider-northants', '--as-of', date]);
    const model = entitlementAsOf(events, asOf(date));
    const rows = table(r, 'placements');
    expect(rows.map((row) => row.placement)).toEqual([...model.placements.keys()].sort());
    for (const row of rows) {
      const domain = placementEntitlement(model, row.placement as string, { today: date })!;
      expect(row).toMatchObject({ trainee: domain.traineeId, met: domain.weeksMet, short: domain.weeksShort, exempt: domain.weeksExempt, shortfall: domain.cumulativeShortfallMinutes, streak: domain.currentStreak });
      expect(row.flag).toBe(domain.flag === undefined ? undefined : `since ${domain.flag.since}`);
    }
    expect(table(r, 'behindThisWeek').map((row) => [row.school, row.trainees, row.behind, row.flagged])).toEqual(
      behindThisWeek(model, { today: date, by: 'school' }).map((row) => [row.id, row.trainees, row.behind, row.flagged]),
    );
  });

  it('--school and --trainee narrow it; a trainee adds the weeks for the chart; --today moves "this week"', async () => {
    const r = await report(['entitlement', '--school', 'school-ash', '--trainee', 'trainee-cat', '--as-of', '2024-11-20', '--today', '2024-11-13']);
    expect(r.title).toBe('Weekly mentoring entitlement: school-ash, trainee-cat, judged on 2024-11-13');
    expect(table(r, 'placements')).toEqual([expect.objectContaining({ placement: 'placement-cat-ash', thisWeek: '60 of 90 min' })]);
    expect(r.weeks?.at(-1)).toEqual({ week: '2024-11-11', entitledMinutes: 90, receivedMinutes: 60 });
  });
});

describe('irps', () => {
  it.each(['2024-11-30', '2024-12-13'])('the IRP register as of %s, as the domain keeps it', async (date) => {
    const r = await report(['irps', '--provider', 'provider-northants', '--as-of', date]);
    const models = progressReadModels(events, asOf(date));
    const domain = irpRegister(models.irpRecords, models.schools, 'provider-northants', date);
    expect(table(r, 'open').map((row) => row.irpId)).toEqual(domain.open.map((row) => row.irpId));
    expect(table(r, 'bySchool')).toEqual(domain.outcomesBySchool.map((row) => ({ ...row })));
    expect(r.summary).toEqual({ 'open plans': domain.open.length, 'reviews overdue': domain.overdueReviews.length, for: 'provider leadership' });
  });

  it("judges an overdue review on --today, and finds the provider from --school", async () => {
    const r = await report(['irps', '--school', 'school-oak', '--as-of', '2024-12-08', '--today', '2024-12-12']);
    expect(table(r, 'open')).toEqual([expect.objectContaining({ irpId: 'trainee-ada-irp-1', nextReviewDue: '2024-12-09', reviewOverdue: true })]);
    expect(r.tables!.map((t) => t.name)).toEqual(['open', 'bySchool']);
  });

  it('needs a provider or a school', async () => {
    expect(await itt(dir, ['irps', '--file', 'scenarios.jsonl'])).toEqual({ code: EXIT.usage, stdout: '', stderr: 'itt-ledger: irps needs --provider ID or --school ID\n' });
  });
});

describe('mentors', () => {
  it('training compliance on the day, MDRs of the year and the lead mentors', async () => {
    const date = '2025-06-30';
    const r = await report(['mentors', '--provider', 'provider-northants', '--as-of', date]);
    const domain = trainingCompliance(runProjection(trainingComplianceProjection, events as StoredEvent<never>[]), { today: date, academicYear: '2024/25', providerId: 'provider-northants' });
    expect(table(r, 'training').map((row) => [row.mentor, row.status])).toEqual(domain.map((row) => [row.mentorId, row.status.replaceAll('_', ' ')]));
    expect(table(r, 'mdr').find((row) => row.mentor === 'mentor-asha')).toEqual({ mentor: 'mentor-asha', status: 'completed', priorityArea: 'Professional Knowledge', actions: '2 of 2', reflection: '2025-06-16', completed: '2025-06-20' });
    expect(table(r, 'leadMentors')).toEqual([{ leadMentor: 'mentor-natalie', schools: 'school-horton', mentors: 2, trainees: 2, overdue: '' }]);
    expect(r.summary).toMatchObject({ 'not yet compliant': 6, 'DfE minimum (initial)': expect.stringContaining('no DfE minimum since 2024-11-13') });
  });

  it('--school keeps its mentors only; --academic-year is checked', async () => {
    const r = await report(['mentors', '--school', 'school-horton', '--as-of', '2025-06-30']);
    expect(table(r, 'training').map((row) => row.mentor)).toEqual(['mentor-asha', 'mentor-ben']);
    const bad = await itt(dir, ['mentors', '--academic-year', '2024/26', '--file', 'scenarios.jsonl']);
    expect(bad).toEqual({ code: EXIT.usage, stdout: '', stderr: "itt-ledger: --academic-year: expected an academic year such as 2024/25, got '2024/26'\n" });
  });
});

describe('school-summary', () => {
  it("one table per review stage, as the domain's School Summary Report has it", async () => {
    const date = '2024-11-22';
    const r = await report(['school-summary', '--school', 'school-oak', '--as-of', date]);
    expect(r.title).toBe('School Summary Report: Oak Primary (school-oak), 2024/25, judged on 2024-11-22');
    const models = progressReadModels(events, asOf(date));
    for (const stage of ['introductory', 'development', 'consolidation']) {
      const domain = schoolSummaryReport(models.schoolProgress, models.schools.get('school-oak'), { schoolId: 'school-oak', academicYear: '2024/25', stage, today: date });
      expect(table(r, `stage:${stage}`).map((row) => [row.trainee, row.timeliness, row.outcome ?? null])).toEqual(
        domain.trainees.map((t) => [t.traineeId, t.timeliness.replaceAll('_', ' '), t.outcome?.replaceAll('_', ' ') ?? null]),
      );
    }
    expect(table(r, 'totals').find((row) => row.stage === 'development')).toMatchObject({ held: 1, notOnTrack: 1, qaForms: 1, jointObservations: 1, recoveryPlansOpened: 0 });
    expect(table(r, 'entitlement').map((row) => row.placement)).toEqual(['placement-ada-oak', 'placement-ben-oak']);
  });

  it('--stage gives one stage; --school is required', async () => {
    const r = await report(['school-summary', '--school', 'school-oak', '--stage', 'development', '--as-of', '2024-12-13']);
    expect(r.tables!.map((t) => t.name)).toEqual(['stage:development', 'totals', 'entitlement']);
    expect(table(r, 'stage:development')[0]).toMatchObject({ trainee: 'trainee-ada', irp: true, qaForm: '2024-11-22' });
    expect(await itt(dir, ['school-summary', '--file', 'scenarios.jsonl'])).toEqual({ code: EXIT.usage, stdout: '', stderr: 'itt-ledger: school-summary needs --school ID\n' });
  });
});
