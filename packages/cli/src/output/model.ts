import type { Instant } from '@itt-ledger/core';

/** What a report cell may hold; `undefined` and `null` print as empty. */
export type Cell = string | number | bigint | boolean | null | undefined;

export interface Column {
  readonly key: string;
  readonly label: string;
  /** Defaults to right for columns of numbers, left otherwise. */
  readonly align?: 'left' | 'right';
}

export interface Table {
  /** A stable name for machines: the key in `--json`. */
  readonly name: string;
  /** A heading for people; none for a report's only table. */
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
}

/** One thing in a history; a correction is shown beside what it corrected, never instead of it. */
export interface TimelineEntry {
  /** When it happened (a date or an instant). */
  readonly date: string;
  /** When the system learnt it, if the report shows both clocks. */
  readonly recordedAt?: string;
  readonly kind: string;
  readonly text: string;
  /** What later corrected or withdrew this entry, and when; the entry itself stays as first recorded. */
  readonly correction?: string;
}

/** One week of a placement's mentoring entitlement, for the bar chart. */
export interface WeekEntitlement {
  /** The label under the bar group, e.g. `2024-09-02` or `2024-W36`. */
  readonly week: string;
  readonly entitledMinutes: number;
  readonly receivedMinutes: number;
  /** Why the week is short (half-term, closure, a pause); marked on the chart. */
  readonly exemptReason?: string;
}

/** A report is data: renderers turn it into a terminal table, JSON, CSV or an HTML page. */
export interface Report {
  readonly title: string;
  readonly timeline?: readonly TimelineEntry[];
  readonly weeks?: readonly WeekEntitlement[];
  readonly tables?: readonly Table[];
  /** Totals and counts shown after the tables, e.g. `{ events: 1204, problems: 0 }`. */
  readonly summary?: Readonly<Record<string, Cell>>;
}

/** What the CLI adds to every report: where it read and which clocks it used. */
export interface ReportMeta {
  readonly source?: string;
  /** What had happened by then (occurredAt). */
  readonly asOf?: Instant;
  /** What the system knew then (recordedAt). */
  readonly knownAt?: Instant;
  readonly generatedAt: Instant;
}

export const TIMELINE_COLUMNS: readonly Column[] = [
  { key: 'date', label: 'date' },
  { key: 'recordedAt', label: 'recorded' },
  { key: 'kind', label: 'kind' },
  { key: 'text', label: 'what' },
  { key: 'correction', label: 'corrected by' },
];

export const WEEK_COLUMNS: readonly Column[] = [
  { key: 'week', label: 'week' },
  { key: 'entitledMinutes', label: 'entitled (min)', align: 'right' },
  { key: 'receivedMinutes', label: 'received (min)', align: 'right' },
  { key: 'exemptReason', label: 'short week' },
];

/**
 * Every table of a report: its timeline and weeks as tables, then its own. `compact` (for people) leaves
 * out the optional columns nobody filled; machines get the same columns every time.
 */
export const reportTables = (report: Report, { compact }: { readonly compact: boolean }): Table[] => {
  const tables: Table[] = [];
  const used = (columns: readonly Column[], rows: readonly Readonly<Record<string, Cell>>[], optional: readonly string[]) =>
    compact ? columns.filter((column) => !optional.includes(column.key) || rows.some((row) => row[column.key] !== undefined)) : columns;
  if (report.timeline) {
    const rows = report.timeline.map((entry) => ({ ...entry }));
    tables.push({ name: 'timeline', title: 'Timeline', columns: used(TIMELINE_COLUMNS, rows, ['recordedAt', 'correction']), rows });
  }
  if (report.weeks) {
    const rows = report.weeks.map((week) => ({ ...week }));
    tables.push({ name: 'weeks', title: 'Weekly entitlement', columns: used(WEEK_COLUMNS, rows, ['exemptReason']), rows });
  }
  return [...tables, ...(report.tables ?? [])];
};
