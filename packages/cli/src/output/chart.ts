import { escapeHtml } from './escape.js';
import type { WeekEntitlement } from './model.js';

// Layout in SVG user units; the page scales the drawing to its width.
const GROUP = 44;
const BAR = 16;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const PLOT = 220;
const BOTTOM = 84;
// Gridline steps in minutes: the smallest that needs at most five lines above zero.
const STEPS = [15, 30, 60, 120, 300, 600, 1200, 3000, 6000];
const CHAR = 6.5;

const scaleFor = (value: number) => {
  const step = STEPS.find((s) => value <= s * 5) ?? Math.ceil(value / 5);
  return { step, max: Math.max(step, Math.ceil(value / step) * step) };
};
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * An inline SVG bar chart: one group per week with the entitled and the received minutes side by side,
 * a received bar below its entitlement drawn as such, and short weeks hatched with their reason.
 */
export const renderWeeksChart = (weeks: readonly WeekEntitlement[]): string => {
  const { step, max } = scaleFor(Math.max(0, ...weeks.map((w) => Math.max(w.entitledMinutes, w.receivedMinutes))));
  const legendItems = [
    ['entitled', 'entitled'],
    ['received', 'received'],
    ['received below', 'received, below entitlement'],
    ['short-band', 'short week'],
  ] as const;
  const legendWidth = legendItems.reduce((sum, [, text]) => sum + 16 + text.length * CHAR + 20, 0);
  const plotRight = LEFT + Math.max(1, weeks.length) * GROUP;
  const width = Math.max(plotRight + RIGHT, LEFT + legendWidth);
  const height = TOP + PLOT + BOTTOM;
  const y = (minutes: number) => TOP + PLOT - (Math.max(0, minutes) / max) * PLOT;
  const ticks = Array.from({ length: max / step + 1 }, (_, i) => i * step);

  const grid = ticks
    .map((t) => `<line class="grid" x1="${LEFT}" x2="${plotRight}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/><text class="tick" x="${LEFT - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${t}</text>`)
    .join('');
  const groups = weeks
    .map((week, i) => {
      const x = LEFT + i * GROUP;
      const short = week.exemptReason !== undefined;
      const below = week.receivedMinutes < week.entitledMinutes;
      const label = escapeHtml(week.week);
      const bar = (kind: string, minutes: number, offset: number) =>
        `<rect class="bar ${kind}" x="${x + offset}" y="${fmt(y(minutes))}" width="${BAR}" height="${fmt(TOP + PLOT - y(minutes))}" data-minutes="${minutes}"><title>${label}: ${kind.split(' ')[0]} ${minutes} min</title></rect>`;
      const lx = x + GROUP / 2;
      const ly = TOP + PLOT + 14;
      return [
        `<g class="week${short ? ' short' : ''}" data-week="${label}" data-entitled="${week.entitledMinutes}" data-received="${week.receivedMinutes}">`,
        short ? `<rect class="short-band" x="${x + 2}" y="${TOP}" width="${GROUP - 4}" height="${PLOT}"><title>${label}: short week (${escapeHtml(week.exemptReason ?? '')})</title></rect>` : '',
        bar('entitled', week.entitledMinutes, 5),
        bar(`received${below ? ' below' : ''}`, week.receivedMinutes, 5 + BAR + 2),
        `<text class="week-label" x="${lx}" y="${ly}" text-anchor="end" transform="rotate(-45 ${lx} ${ly})">${label}</text>`,
        short ? `<text class="short-mark" x="${lx}" y="${TOP + 12}" text-anchor="middle">short</text>` : '',
        '</g>',
      ].join('');
    })
    .join('');
  let legendX = LEFT;
  const legend = legendItems
    .map(([kind, text]) => {
      const item = `<g transform="translate(${fmt(legendX)} ${height - 14})"><rect class="${kind}" width="12" height="12" y="-10"/><text x="16">${text}</text></g>`;
      legendX += 16 + text.length * CHAR + 20;
      return item;
    })
    .join('');
  // Drawn at its natural size (user units are pixels), shrunk only to fit a narrow page.
  return [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${height}" viewBox="0 0 ${fmt(width)} ${height}" role="img" aria-label="Weekly mentoring: entitled and received minutes for ${weeks.length} week${weeks.length === 1 ? '' : 's'}">`,
    '<defs><pattern id="short-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fdf3d8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e0b84c" stroke-width="2"/></pattern></defs>',
    `<text class="axis-title" x="12" y="${TOP + PLOT / 2}" transform="rotate(-90 12 ${TOP + PLOT / 2})" text-anchor="middle">minutes</text>`,
    grid,
    groups,
    legend,
    '</svg>',
  ].join('');
};
