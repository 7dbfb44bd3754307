import { renderWeeksChart } from './chart.js';
import { escapeHtml } from './escape.js';
import { WEEK_COLUMNS, type Report, type ReportMeta, type Table, type TimelineEntry } from './model.js';
import { cellText } from './text.js';

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --entitled: #9aa5b8; --received: #2b6cb0; --below: #c05621; --short: #e0b84c; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1100px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.summary dt { color: var(--muted); } dl.summary dd { margin: 0; font-variant-numeric: tabular-nums; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 8px 0; border-bottom: 1px solid var(--line); }
.entry time { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 8px; }
.entry .kind { font-weight: 600; margin-right: 8px; }
.entry .recorded { display: block; color: var(--muted); font-size: 0.85em; }
.correction { background: #fff8e6; border-left: 3px solid var(--short); padding: 2px 8px; }
.correction:empty { background: none; border: 0; }
li.corrected .entry .text { text-decoration: line-through; text-decoration-color: var(--below); }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg .grid { stroke: var(--line); } svg .tick, svg .axis-title { fill: var(--muted); }
svg .entitled { fill: var(--entitled); } svg .received { fill: var(--received); } svg .received.below { fill: var(--below); }
svg .short-band { fill: url(#short-hatch); } svg .short-mark { fill: #8a6d1d; font-size: 10px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f3f5f8; } td.num, th.num { text-align: right; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; }
`;

const NUMERIC = /^-?\d[\d,]*(\.\d+)?$/;

const renderTable = (table: Table, heading: boolean): string => {
  const numeric = table.columns.map(
    (column) => column.align === 'right' || (column.align === undefined && table.rows.length > 0 && table.rows.every((row) => NUMERIC.test(cellText(row[column.key])) || cellText(row[column.key]) === '')),
  );
  const head = table.columns.map((column, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('');
  const body =
    table.rows.length === 0
      ? `<tr><td colspan="${table.columns.length}">(none)</td></tr>`
      : table.rows.map((row) => `<tr>${table.columns.map((column, i) => `<td${numeric[i] ? ' class="num"' : ''}>${escapeHtml(cellText(row[column.key]))}</td>`).join('')}</tr>`).join('\n');
  const title = heading && table.title !== undefined ? `<h2>${escapeHtml(table.title)}</h2>` : '';
  return `<section class="table" data-table="${escapeHtml(table.name)}">${title}<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
};

const renderEntry = (entry: TimelineEntry): string => {
  const recorded = entry.recordedAt === undefined ? '' : `<span class="recorded">recorded ${escapeHtml(entry.recordedAt)}</span>`;
  const correction = entry.correction === undefined ? '' : escapeHtml(entry.correction);
  return `<li class="${entry.correction === undefined ? '' : 'corrected'}"><div class="entry"><time>${escapeHtml(entry.date)}</time><span class="kind">${escapeHtml(entry.kind)}</span><span class="text">${escapeHtml(entry.text)}</span>${recorded}</div><div class="correction">${correction}</div></li>`;
};

/**
 * A self-contained page a person would rather read: inline CSS, an inline SVG chart, no script and nothing
 * fetched (the Content-Security-Policy forbids both). Every value from the data is escaped.
 */
export const renderHtml = (report: Report, meta: ReportMeta): string => {
  const clocks = [
    meta.source === undefined ? undefined : `Source: ${meta.source}`,
    meta.asOf === undefined ? undefined : `As of ${meta.asOf} (what had happened)`,
    meta.knownAt === undefined ? undefined : `Known at ${meta.knownAt} (what was recorded)`,
  ].filter((part) => part !== undefined);
  const summary = Object.entries(report.summary ?? {});
  const tables = report.tables ?? [];
  const sections = [
    summary.length === 0 ? '' : `<section id="summary"><dl class="summary">${summary.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(cellText(v))}</dd>`).join('')}</dl></section>`,
    report.timeline === undefined
      ? ''
      : `<section id="timeline"><h2>Timeline</h2><ol class="timeline">\n${report.timeline.map(renderEntry).join('\n')}\n</ol></section>`,
    report.weeks === undefined
      ? ''
      : `<section id="entitlement"><h2>Weekly entitlement</h2>${renderWeeksChart(report.weeks)}<details><summary>The weeks as a table</summary>${renderTable({ name: 'weeks', columns: WEEK_COLUMNS, rows: report.weeks.map((w) => ({ ...w })) }, false)}</details></section>`,
    ...tables.map((table) => renderTable(table, true)),
  ];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(report.title)}</h1>${clocks.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('')}</header>
${sections.filter((section) => section !== '').join('\n')}
<footer>Generated by itt-ledger at ${escapeHtml(meta.generatedAt)}. Corrections are shown beside what they corrected; nothing is edited or deleted.</footer>
</body>
</html>
`;
};
