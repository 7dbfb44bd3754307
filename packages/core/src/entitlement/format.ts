import type { EntitlementRow, EntitlementSummary } from './summary.js';
import type { BehindRow } from './queries.js';
import { textTable } from '../text/textTable.js';

const flagText = (row: EntitlementRow): string =>
  row.flag ? `ACTION: ${row.flag.streak} short in a row (${row.flag.rule} = ${row.flag.threshold.value})` : '';

const cells = (row: EntitlementRow): string[] => {
  const due = row.status !== 'upcoming';
  return [
    row.weekStart,
    row.status,
    String(row.entitledMinutes),
    String(row.receivedMinutes),
    due && !row.exempt ? String(row.shortfallMinutes) : '',
    row.exempt ?? '',
    row.status === 'complete' && !row.exempt ? String(row.streak) : '',
    flagText(row),
  ];
};

/**
 * The weekly entitlement table, one line per week, then the totals: deterministic text for a terminal,
 * a log or a test. Minutes throughout.
 */
export const formatEntitlementTable = (summary: EntitlementSummary): string => {
  const table = textTable(
    ['week of', 'status', 'entitled', 'received', 'shortfall', 'exempt', 'streak', 'flag'],
    summary.weeks.map(cells),
    [2, 3, 4, 6],
  );
  const totals =
    `weeks met ${summary.weeksMet}, short ${summary.weeksShort}, exempt ${summary.weeksExempt}; ` +
    `shortfall ${summary.cumulativeShortfallMinutes} min; current streak ${summary.currentStreak}` +
    (summary.flag ? `; flagged since ${summary.flag.since} (${summary.flag.threshold.source})` : '');
  return [...table, totals].join('\n') + '\n';
};

/** The "behind this week" rows, per school or mentor. */
export const formatBehindTable = (rows: readonly BehindRow[], by: 'school' | 'mentor'): string =>
  textTable(
    [by, 'trainees', 'behind', 'flagged', 'behind now'],
    rows.map((row) => [row.id, String(row.trainees), String(row.behind), String(row.flagged), row.behindTraineeIds.join(' ')]),
    [1, 2, 3],
  ).join('\n') + '\n';
