import type { Column, Table } from './model.js';
import { cellText, displayWidth, terminalSafe } from './text.js';

export interface Style {
  readonly header: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const plainStyle: Style = { header: (text) => text, dim: (text) => text };
/** Bold headers and dim rules, only on a terminal that wants colour. */
export const ansiStyle: Style = { header: (text) => `\u001b[1m${text}\u001b[22m`, dim: (text) => `\u001b[2m${text}\u001b[22m` };

const NUMERIC = /^-?\d[\d,]*(\.\d+)?$/;

const alignOf = (column: Column, cells: readonly string[]): 'left' | 'right' =>
  column.align ?? (cells.some((cell) => cell !== '') && cells.every((cell) => cell === '' || NUMERIC.test(cell)) ? 'right' : 'left');

const pad = (text: string, width: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
};

/** A table with aligned columns (numbers to the right), a rule under the header, and `(none)` when empty. */
export const renderTable = (table: Table, style: Style = plainStyle): string => {
  const cells = table.rows.map((row) => table.columns.map((column) => terminalSafe(cellText(row[column.key]))));
  const labels = table.columns.map((column) => terminalSafe(column.label));
  const widths = table.columns.map((_, i) => Math.max(displayWidth(labels[i]!), ...cells.map((row) => displayWidth(row[i]!))));
  const aligns = table.columns.map((column, i) => alignOf(column, cells.map((row) => row[i]!)));
  const line = (parts: readonly string[]) =>
    parts
      .map((part, i) => pad(part, widths[i]!, aligns[i]!))
      .join('  ')
      .trimEnd();
  // Colour goes on after padding, so escape codes never count towards a width.
  const out = [style.header(line(labels)), style.dim(widths.map((width) => '─'.repeat(width)).join('  '))];
  if (cells.length === 0) out.push(style.dim('(none)'));
  for (const row of cells) out.push(line(row));
  return out.join('\n') + '\n';
};
