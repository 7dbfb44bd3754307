import { describe, expect, it } from 'vitest';
import type { Report, ReportMeta } from './model.js';
import { ansiStyle, renderTable } from './table.js';
import { renderTerminal } from './terminal.js';
import { displayWidth, terminalSafe } from './text.js';

const table = {
  name: 'mentors',
  columns: [
    { key: 'name', label: 'mentor' },
    { key: 'minutes', label: 'minutes' },
    { key: 'trained', label: 'trained' },
  ],
  rows: [
    { name: 'Ada', minutes: 60, trained: true },
    { name: 'Grace Hopper', minutes: 1_230, trained: false },
    { name: 'Zoë', minutes: undefined, trained: null },
  ],
};

describe('terminal tables', () => {
  it('aligns columns, numbers to the right, and prints empty cells as nothing', () => {
    expect(renderTable(table)).toBe(
      ['mentor        minutes  trained', '────────────  ───────  ───────', 'Ada                60  yes', 'Grace Hopper     1230  no', 'Zoë'].join('\n') + '\n',
    );
  });

  it('counts wide characters as two columns', () => {
    const out = renderTable({ name: 't', columns: [{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }], rows: [{ a: '日本', b: 1 }, { a: '🙂', b: 2 }, { a: 'abcd', b: 3 }] });
    expect(out.split('\n').slice(2, 5)).toEqual(['日本  1', '🙂    2', 'abcd  3']);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('says (none) for a table without rows, and honours an explicit alignment', () => {
    expect(renderTable({ name: 't', columns: [{ key: 'a', label: 'id', align: 'right' }], rows: [] })).toBe('id\n──\n(none)\n');
    expect(renderTable({ name: 't', columns: [{ key: 'a', label: 'code', align: 'right' }], rows: [{ a: 'x' }] })).toBe('code\n────\n   x\n');
  });

  it('never lets data drive the terminal: escapes, line breaks and bidi overrides are neutralised', () => {
    expect(terminalSafe('a\u001b[2Jb\nc\td\u202ee')).toBe('a\ufffd[2Jb c d\ufffde');
    const out = renderTable({ name: 't', columns: [{ key: 'a', label: 'x\u001b[31m' }], rows: [{ a: 'line one\r\nline two' }] });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('line one  line two');
  });

  it('puts colour on after padding, so the columns stay aligned', () => {
    // eslint-disable-next-line no-control-regex -- stripping the colour codes is the point
    const plain = renderTable(table, ansiStyle).replace(/\u001b\[\d+m/g, '');
    expect(plain).toBe(renderTable(table));
  });
});

describe('terminal reports', () => {
  const meta: ReportMeta = { source: 'file x.jsonl', asOf: '2024-09-13T23:59:59.999Z', knownAt: '2024-09-20T23:59:59.999Z', generatedAt: '2025-01-01T00:00:00.000Z' };

  it('prints the title, the clocks, one heading per table when there are several, and the summary', () => {
    const report: Report = {
      title: 'Trainee t-1',
      timeline: [{ date: '2024-09-02', kind: 'meeting', text: '60 min', correction: 'corrected to 45 min on 2024-09-20' }],
      weeks: [{ week: '2024-09-02', entitledMinutes: 60, receivedMinutes: 45 }],
      summary: { weeks: 1 },
    };
    expect(renderTerminal(report, meta)).toBe(
      [
        'Trainee t-1',
        'file x.jsonl · as of 2024-09-13T23:59:59.999Z (what had happened) · known at 2024-09-20T23:59:59.999Z (what was recorded)',
        '',
        'Timeline',
        'date        kind     what    corrected by',
        '──────────  ───────  ──────  ─────────────────────────────────',
        '2024-09-02  meeting  60 min  corrected to 45 min on 2024-09-20',
        '',
        'Weekly entitlement',
        'week        entitled (min)  received (min)',
        '──────────  ──────────────  ──────────────',
        '2024-09-02              60              45',
        '',
        'weeks: 1',
        '',
      ].join('\n'),
    );
  });
});
