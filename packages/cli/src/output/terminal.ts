import { reportTables, type Report, type ReportMeta } from './model.js';
import { plainStyle, renderTable, type Style } from './table.js';
import { cellText, terminalSafe } from './text.js';

/** `file export.jsonl · as of 2024-09-13T23:59:59.999Z · known at …`: which data and which clocks. */
export const describeMeta = (meta: ReportMeta): string =>
  [
    meta.source,
    meta.asOf === undefined ? undefined : `as of ${meta.asOf} (what had happened)`,
    meta.knownAt === undefined ? undefined : `known at ${meta.knownAt} (what was recorded)`,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');

/** A report for a person at a terminal: title, clocks, each table aligned, then the summary. */
export const renderTerminal = (report: Report, meta: ReportMeta, style: Style = plainStyle): string => {
  const out = [style.header(terminalSafe(report.title))];
  const described = describeMeta(meta);
  if (described !== '') out.push(style.dim(terminalSafe(described)));
  const tables = reportTables(report, { compact: true });
  for (const table of tables) {
    out.push('');
    if (table.title !== undefined && tables.length > 1) out.push(style.header(terminalSafe(table.title)));
    out.push(renderTable(table, style).trimEnd());
  }
  const summary = Object.entries(report.summary ?? {});
  if (summary.length > 0) out.push('', ...summary.map(([key, value]) => terminalSafe(`${key}: ${cellText(value)}`)));
  return out.join('\n') + '\n';
};
