import { describe, expect, it } from 'vitest';
import { renderWeeksChart } from './chart.js';
import { escapeHtml } from './escape.js';
import { renderHtml } from './html.js';
import { replayMeta, replayReport } from './html.fixtures.js';
import type { Report } from './model.js';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\'&';

describe('the HTML report', () => {
  it('is one self-contained page: inline style and SVG, no script, nothing fetched', () => {
    const html = renderHtml(replayReport, replayMeta);
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import/i);
    expect(html.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain('<section id="timeline">');
    expect(html).toContain('<section id="entitlement">');
    expect(renderHtml(replayReport, replayMeta)).toBe(html);
  });

  it('escapes every value from the data: titles, entries, weeks, reasons, tables and meta', () => {
    const report: Report = {
      title: HOSTILE,
      summary: { [HOSTILE]: HOSTILE },
      timeline: [{ date: HOSTILE, recordedAt: HOSTILE, kind: HOSTILE, text: HOSTILE, correction: HOSTILE }],
      weeks: [{ week: HOSTILE, entitledMinutes: 60, receivedMinutes: 30, exemptReason: HOSTILE }],
      tables: [{ name: HOSTILE, title: HOSTILE, columns: [{ key: 'x', label: HOSTILE }], rows: [{ x: HOSTILE }] }],
    };
    const html = renderHtml(report, { ...replayMeta, source: HOSTILE });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html.split(escapeHtml(HOSTILE)).length - 1).toBeGreaterThanOrEqual(14);
  });

  it('draws one bar group per week, short weeks hatched and marked, bars scaled to the largest value', () => {
    const svg = renderWeeksChart(replayReport.weeks!);
    expect([...svg.matchAll(/<g class="week( short)?" data-week="([^"]+)"/g)].map((m) => [m[2], m[1] === ' short'])).toEqual([
      ['2024-09-02', false],
      ['2024-09-09', false],
      ['2024-09-16', false],
      ['2024-09-23', true],
      ['2024-09-30', false],
      ['2024-10-28', true],
    ]);
    expect(svg).toContain('<title>2024-10-28: short week (half-term)</title>');
    // 90 minutes is the largest: the scale tops out there, so 45 received is half the plot (220 units).
    expect(svg).toMatch(/class="bar received below" x="[\d.]+" y="[\d.]+" width="16" height="110" data-minutes="45"/);
    expect(svg).toMatch(/class="bar received" x="[\d.]+" y="16" width="16" height="220" data-minutes="90"/);
    expect(renderWeeksChart([])).toContain('for 0 weeks');
  });
});
