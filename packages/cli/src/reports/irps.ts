import { irpRegister, progressReadModels, type OutcomeCounts, type StoredEvent } from '@itt-ledger/core';
import { UsageError } from '../io.js';
import type { Column } from '../output/model.js';
import type { ReportCommand } from '../report.js';
import { ledgerEvents } from './events.js';
import { PROVIDER_OPTION, SCHOOL_OPTION, TODAY_OPTION, stringOption, todayOf, words } from './options.js';

const OUTCOME_COLUMNS: readonly Column[] = [
  { key: 'opened', label: 'opened' },
  { key: 'open', label: 'open' },
  { key: 'succeeded', label: 'succeeded' },
  { key: 'extended', label: 'extended' },
  { key: 'escalated', label: 'escalated' },
];

const counts = (c: OutcomeCounts) => ({ opened: c.opened, open: c.open, succeeded: c.succeeded, extended: c.extended, escalated: c.escalated });

/** `itt-ledger irps`: the domain's IRP register (`irpRegister`) for a provider, or one of its schools, as of a date. */
export const irpsReport = (): ReportCommand => ({
  name: 'irps',
  summary: "Individual Recovery Plans: a provider's open plans, overdue reviews, outcomes by school and phase",
  access: { audience: ['provider_leadership'], personalFields: [] },
  options: { ...PROVIDER_OPTION, ...SCHOOL_OPTION, ...TODAY_OPTION },
  run: async (context) => {
    const today = todayOf(context);
    const models = progressReadModels((await ledgerEvents(context)) as readonly StoredEvent[], context.asOf);
    const school = stringOption(context, 'school');
    const providerId = stringOption(context, 'provider') ?? (school === undefined ? undefined : models.schools.get(school)?.providerId);
    if (providerId === undefined) throw new UsageError(school === undefined ? 'irps needs --provider ID or --school ID' : `no school '${school}' is known as of then: give --provider ID`);
    const register = irpRegister(models.irpRecords, models.schools, providerId, today);
    const open = register.open.filter((row) => school === undefined || row.schoolId === school);
    return {
      title: `IRP register: ${providerId}${school === undefined ? '' : `, ${school}`}, judged on ${today}`,
      tables: [
        {
          name: 'open',
          title: 'Open plans',
          columns: [
            { key: 'traineeId', label: 'trainee' },
            { key: 'irpId', label: 'plan' },
            { key: 'schoolId', label: 'school' },
            { key: 'phase', label: 'phase' },
            { key: 'openedOn', label: 'opened' },
            { key: 'ownerId', label: 'owner' },
            { key: 'nextReviewDue', label: 'next review' },
            { key: 'reviewOverdue', label: 'overdue' },
            { key: 'openTargets', label: 'open targets' },
            { key: 'reviews', label: 'reviews' },
            { key: 'extensions', label: 'extensions' },
          ],
          rows: open.map((row) => ({ ...row })),
        },
        {
          name: 'bySchool',
          title: 'Outcomes by school',
          columns: [{ key: 'schoolId', label: 'school' }, ...OUTCOME_COLUMNS],
          rows: register.outcomesBySchool.filter((row) => school === undefined || row.schoolId === school).map((row) => ({ schoolId: row.schoolId, ...counts(row) })),
        },
        ...(school === undefined
          ? [{ name: 'byPhase', title: 'Outcomes by school phase', columns: [{ key: 'phase', label: 'phase' }, ...OUTCOME_COLUMNS], rows: register.outcomesByPhase.map((row) => ({ phase: row.phase, ...counts(row) })) }]
          : []),
      ],
      summary: { 'open plans': open.length, 'reviews overdue': open.filter((row) => row.reviewOverdue).length, for: register.report.audience.map(words).join(', ') },
    };
  },
});
