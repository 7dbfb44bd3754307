/**
 * A plain-text table, one string per line: columns padded to their widest cell and two spaces apart, a
 * dashed rule under the header. `rightAligned` lists the column indexes of numbers. Every report's text
 * formatter prints through this one, so their tables look alike.
 */
export const textTable = (headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] => {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
};
