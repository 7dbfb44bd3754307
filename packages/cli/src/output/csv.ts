import { reportTables, type Report, type Table } from './model.js';
import { cellText } from './text.js';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, and its quotes doubled. */
export const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One table: a header of column keys, then the rows, each line ending CRLF. */
export const renderCsvTable = (table: Table): string =>
  [table.columns.map((column) => column.key), ...table.rows.map((row) => table.columns.map((column) => cellText(row[column.key])))]
    .map((fields) => fields.map(csvField).join(',') + '\r\n')
    .join('');

/**
 * A report's tables as CSV. Values are written as they are, never altered: a spreadsheet that treats a
 * leading `=` as a formula should be told to import text. A report of several tables (a timeline and its
 * weeks) gives one block per table, separated by an empty line.
 */
export const renderCsv = (report: Report): string => reportTables(report, { compact: false }).map(renderCsvTable).join('\r\n');
