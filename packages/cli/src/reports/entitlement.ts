import { behindThisWeek, entitlementAsOf, placementEntitlement, traineeEntitlement, type EntitlementQuery, type EntitlementReadModel, type PlacementEntitlement } from '@itt-ledger/core';
import type { Table } from '../output/model.js';
import type { ReportCommand } from '../report.js';
import { chartWeeks } from './entitlementRows.js';
import { ledgerEvents } from './events.js';
import { PROVIDER_OPTION, SCHOOL_OPTION, STANDARD_RULES, TODAY_OPTION, stringOption, todayOf, words, type ReportRules } from './options.js';

interface Scope {
  readonly provider?: string | undefined;
  readonly school?: string | undefined;
  readonly trainee?: string | undefined;
}

const inScope = (model: EntitlementReadModel, scope: Scope, query: EntitlementQuery): PlacementEntitlement[] =>
  [...model.placements.keys()]
    .sort()
    .flatMap((id) => placementEntitlement(model, id, query) ?? [])
    .filter((p) => {
      const placement = model.placements.get(p.placementId)?.placement;
      return (
        (scope.provider === undefined || placement?.providerId === scope.provider) &&
        (scope.school === undefined || p.schoolId === scope.school) &&
        (scope.trainee === undefined || p.traineeId === scope.trainee)
      );
    });

const placementsTable = (rows: readonly PlacementEntitlement[]): Table => ({
  name: 'placements',
  title: 'Weekly mentoring entitlement per placement (complete weeks)',
  columns: [
    { key: 'placement', label: 'placement' },
    { key: 'trainee', label: 'trainee' },
    { key: 'school', label: 'school' },
    { key: 'mentors', label: 'mentors' },
    { key: 'status', label: 'status' },
    { key: 'calendar', label: 'calendar' },
    { key: 'met', label: 'met' },
    { key: 'short', label: 'short' },
    { key: 'exempt', label: 'exempt' },
    { key: 'shortfall', label: 'shortfall (min)' },
    { key: 'streak', label: 'short in a row' },
    { key: 'flag', label: 'action flag' },
    { key: 'thisWeek', label: 'this week (so far)' },
  ],
  rows: rows.map((p) => ({
    placement: p.placementId,
    trainee: p.traineeId,
    school: p.schoolId,
    mentors: p.mentorIds.join(', '),
    status: words(p.status),
    calendar: p.calendar,
    met: p.weeksMet,
    short: p.weeksShort,
    exempt: p.weeksExempt,
    shortfall: p.cumulativeShortfallMinutes,
    streak: p.currentStreak,
    flag: p.flag === undefined ? undefined : `since ${p.flag.since}`,
    thisWeek: p.thisWeek === undefined ? undefined : p.thisWeek.exempt === undefined ? `${p.thisWeek.receivedMinutes} of ${p.thisWeek.entitledMinutes} min` : words(p.thisWeek.exempt),
  })),
});

/** `itt-ledger entitlement`: each placement's weeks met and short as of a date, and who is behind this week. */
export const entitlementReport = ({ ruleBook }: ReportRules = STANDARD_RULES): ReportCommand => ({
  name: 'entitlement',
  summary: 'weekly mentoring entitlement against what was received, per placement; who is behind this week',
  access: { audience: ['school', 'provider_leadership', 'lead_mentor'], personalFields: [] },
  options: {
    ...PROVIDER_OPTION,
    ...SCHOOL_OPTION,
    trainee: { type: 'string', valueName: 'ID', description: "only this trainee's placements; adds the trainee's weeks (the chart in --html)" },
    ...TODAY_OPTION,
  },
  run: async (context) => {
    const today = todayOf(context);
    const scope: Scope = { provider: stringOption(context, 'provider'), school: stringOption(context, 'school'), trainee: stringOption(context, 'trainee') };
    const model = entitlementAsOf(await ledgerEvents(context), context.asOf);
    const placements = inScope(model, scope, { today, ruleBook });
    const schools = new Set(placements.map((p) => p.schoolId));
    const behind = behindThisWeek(model, { today, ruleBook, by: 'school' }).filter((row) => schools.has(row.id));
    const trainee = scope.trainee === undefined ? undefined : traineeEntitlement(model, scope.trainee, { today, ruleBook });
    const where = [scope.provider, scope.school, scope.trainee].filter((part) => part !== undefined).join(', ');
    return {
      title: `Weekly mentoring entitlement${where === '' ? '' : `: ${where}`}, judged on ${today}`,
      ...(trainee === undefined ? {} : { weeks: chartWeeks(trainee) }),
      tables: [
        placementsTable(placements),
        {
          name: 'behindThisWeek',
          title: `Behind this week (the week of ${today}), by school`,
          columns: [
            { key: 'school', label: 'school' },
            { key: 'trainees', label: 'trainees' },
            { key: 'behind', label: 'behind so far' },
            { key: 'flagged', label: 'flagged' },
            { key: 'who', label: 'behind' },
          ],
          rows: behind.map((row) => ({ school: row.id, trainees: row.trainees, behind: row.behind, flagged: row.flagged, who: row.behindTraineeIds.join(', ') })),
        },
      ],
      summary: {
        placements: placements.length,
        flagged: placements.filter((p) => p.flag !== undefined).length,
        'shortfall (min)': placements.reduce((sum, p) => sum + p.cumulativeShortfallMinutes, 0),
      },
    };
  },
});
