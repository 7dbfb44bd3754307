import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, renderCsv, renderCsvTable } from './csv.js';

/** A strict RFC 4180 reader, to check that what we write reads back as the same fields. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    if (text[i] === '"') {
      // Skip doubled quotes: the field ends at the first quote that is not followed by another.
      let end = i + 1;
      for (;;) {
        const next = text.indexOf('"', end);
        if (text[next + 1] === '"') end = next + 2;
        else {
          end = next;
          break;
        }
      }
      field += text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
    } else if (text[i] === ',') {
      endField();
      i++;
    } else if (text.startsWith('\r\n', i)) {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else {
      field += text[i++];
    }
  }
  return rows;
};

describe('CSV (RFC 4180)', () => {
  it('quotes a field with a comma, a quote or a line break, doubling its quotes, and leaves others alone', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('=1+1')).toBe('=1+1');
  });

  it('writes a header of column keys and CRLF line ends; empty cells stay empty', () => {
    const table = { name: 't', columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], rows: [{ a: 'x', b: 1 }, { a: undefined, b: true }] };
    expect(renderCsvTable(table)).toBe('a,b\r\nx,1\r\n,yes\r\n');
    expect(renderCsv({ title: 'T', tables: [table, table] })).toBe('a,b\r\nx,1\r\n,yes\r\n\r\na,b\r\nx,1\r\n,yes\r\n');
  });

  it('reads back as the same fields, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const table = { name: 't', columns: [{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }], rows: rows.map(([a, b]) => ({ a, b })) };
        expect(parseCsv(renderCsvTable(table))).toEqual([['a', 'b'], ...rows]);
      }),
      { numRuns: 300, seed: 20240902 },
    );
  });
});
