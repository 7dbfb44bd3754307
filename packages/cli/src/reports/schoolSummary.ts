import {
  entitlementAsOf,
  placementEntitlement,
  progressReadModels,
  REPORTS,
  schoolProgressOf,
  schoolSummaryReport as summaryOf,
  type SchoolSummaryReport,
  type StoredEvent,
} from '@itt-ledger/core';
import type { Table } from '../output/model.js';
import type { ReportCommand } from '../report.js';
import { ledgerEvents } from './events.js';
import { STANDARD_RULES, TODAY_OPTION, YEAR_OPTION, academicYearOption, stringOption, todayOf, words, type ReportRules } from './options.js';

const stageTable = (report: SchoolSummaryReport): Table => ({
  name: `stage:${report.stage}`,
  title: `Review point: ${report.stage}`,
  columns: [
    { key: 'trainee', label: 'trainee' },
    { key: 'due', label: 'due' },
    { key: 'held', label: 'held' },
    { key: 'timeliness', label: 'timeliness' },
    { key: 'outcome', label: 'outcome' },
    { key: 'concerns', label: 'concerns' },
    { key: 'leadMentor', label: 'lead mentor joined' },
    { key: 'targetsSet', label: 'targets set' },
    { key: 'targetsReviewed', label: 'targets reviewed' },
    { key: 'qaForm', label: 'QA form' },
    { key: 'observations', label: 'joint observations' },
    { key: 'irp', label: 'IRP opened' },
  ],
  rows: report.trainees.map((t) => ({
    trainee: t.traineeId,
    due: t.dueDate,
    held: t.heldOn,
    timeliness: words(t.timeliness),
    outcome: t.outcome === undefined ? undefined : words(t.outcome),
    concerns: t.areasOfConcern.join(', '),
    leadMentor: t.leadMentorJoined,
    targetsSet: t.targetsSet.map((target) => `${target.description} (due ${target.dueDate})`).join('; '),
    targetsReviewed: t.targetsReviewed.map((target) => `${target.description}: ${words(target.verdict)}`).join('; '),
    qaForm: t.qaForm?.completedOn,
    observations: t.jointObservations.map((o) => `${o.date}: ${o.focus}`).join('; '),
    irp: t.recoveryPlanOpened,
  })),
});

/**
 * `itt-ledger school-summary`: the domain's School Summary Report (`schoolSummaryReport`) for each review
 * stage of a year, and the school's placements against the weekly entitlement. It goes to the school: no
 * welfare notes and no feedback text, because the domain's report carries neither.
 */
export const schoolSummaryReport = ({ ruleBook }: ReportRules = STANDARD_RULES): ReportCommand => ({
  name: 'school-summary',
  summary: "a school's School Summary Report per review stage, and its placements against the weekly entitlement",
  access: { audience: ['school', 'provider_leadership', 'lead_mentor'], personalFields: [] },
  options: {
    school: { type: 'string', valueName: 'ID', description: 'the school', required: true },
    stage: { type: 'string', valueName: 'STAGE', description: "one review stage (default: every stage recorded for the year, in the rule set's order)" },
    ...YEAR_OPTION,
    ...TODAY_OPTION,
  },
  run: async (context) => {
    const schoolId = stringOption(context, 'school')!;
    const today = todayOf(context);
    const academicYear = academicYearOption(context, today);
    const events = (await ledgerEvents(context)) as readonly StoredEvent[];
    const models = progressReadModels(events, context.asOf);
    const school = models.schools.get(schoolId);
    const recorded = Object.values(schoolProgressOf(models.schoolProgress, schoolId)?.reviewPoints ?? {}).filter((r) => r.academicYear === academicYear).map((r) => r.stage);
    const given = stringOption(context, 'stage');
    // The rule set's order for the stages it names, then any other stage the provider used.
    const ordered = () => [...ruleBook.ruleSetFor(academicYear, today).reviewPoints.defaultStages.value.filter((s) => recorded.includes(s)), ...recorded.sort()];
    const stages = given !== undefined ? [given] : recorded.length === 0 ? [] : [...new Set(ordered())];
    const reports = stages.map((stage) => summaryOf(models.schoolProgress, school, { schoolId, academicYear, stage, today }));
    const model = entitlementAsOf(events, context.asOf);
    const placements = (model.schools.get(schoolId)?.placementIds ?? []).flatMap((id) => placementEntitlement(model, id, { today, ruleBook }) ?? []);
    return {
      title: `School Summary Report: ${school === undefined ? schoolId : `${school.name} (${schoolId})`}, ${academicYear}, judged on ${today}`,
      tables: [
        ...reports.map(stageTable),
        {
          name: 'totals',
          title: 'Totals per stage',
          columns: [
            { key: 'stage', label: 'stage' },
            { key: 'trainees', label: 'trainees' },
            { key: 'held', label: 'held' },
            { key: 'onTrack', label: 'on track' },
            { key: 'notOnTrack', label: 'not on track' },
            { key: 'missed', label: 'missed' },
            { key: 'overdue', label: 'overdue' },
            { key: 'targetsSet', label: 'targets set' },
            { key: 'qaForms', label: 'QA forms' },
            { key: 'jointObservations', label: 'joint observations' },
            { key: 'recoveryPlansOpened', label: 'IRPs opened' },
          ],
          rows: reports.map(({ stage, totals }) => {
            const { targetsReviewed: _reviewed, ...counts } = totals;
            return { stage, ...counts };
          }),
        },
        {
          name: 'entitlement',
          title: 'Placements against the weekly entitlement',
          columns: [
            { key: 'placement', label: 'placement' },
            { key: 'trainee', label: 'trainee' },
            { key: 'mentors', label: 'mentors' },
            { key: 'met', label: 'weeks met' },
            { key: 'short', label: 'weeks short' },
            { key: 'shortfall', label: 'shortfall (min)' },
            { key: 'flag', label: 'action flag' },
          ],
          rows: placements.map((p) => ({
            placement: p.placementId,
            trainee: p.traineeId,
            mentors: p.mentorIds.join(', '),
            met: p.weeksMet,
            short: p.weeksShort,
            shortfall: p.cumulativeShortfallMinutes,
            flag: p.flag === undefined ? undefined : `since ${p.flag.since}`,
          })),
        },
      ],
      summary: { stages: stages.length, placements: placements.length, for: REPORTS.schoolSummary.audience.map(words).join(', ') },
    };
  },
});
