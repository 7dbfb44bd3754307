import type { Report, ReportMeta } from './model.js';

/** A trainee's replay as the domain will give it: a timeline with a correction, and weeks with two short ones. */
export const replayReport: Report = {
  title: 'Trainee tr-7 (Ada Lovelace): placement history',
  summary: { placements: 1, 'weeks below entitlement': 2 },
  timeline: [
    { date: '2024-09-02', recordedAt: '2024-09-02T16:00:00.000Z', kind: 'placement arranged', text: 'Hill Primary, mentor Grace Hopper' },
    { date: '2024-09-05', recordedAt: '2024-09-05T17:10:00.000Z', kind: 'mentor meeting', text: '60 minutes', correction: 'corrected to 45 minutes on 2024-09-20: "the clock was wrong"' },
    { date: '2024-09-12', recordedAt: '2024-09-20T08:00:00.000Z', kind: 'mentor meeting', text: '60 minutes (recorded late)' },
    { date: '2024-10-03', kind: 'review point', text: 'on track <all targets met>' },
  ],
  weeks: [
    { week: '2024-09-02', entitledMinutes: 60, receivedMinutes: 45 },
    { week: '2024-09-09', entitledMinutes: 60, receivedMinutes: 60 },
    { week: '2024-09-16', entitledMinutes: 60, receivedMinutes: 90 },
    { week: '2024-09-23', entitledMinutes: 36, receivedMinutes: 36, exemptReason: 'INSET days (2 of 5)' },
    { week: '2024-09-30', entitledMinutes: 60, receivedMinutes: 0 },
    { week: '2024-10-28', entitledMinutes: 0, receivedMinutes: 0, exemptReason: 'half-term' },
  ],
  tables: [
    {
      name: 'targets',
      title: 'Targets',
      columns: [
        { key: 'target', label: 'target' },
        { key: 'due', label: 'due' },
        { key: 'met', label: 'met' },
      ],
      rows: [{ target: 'Behaviour routines', due: '2024-10-18', met: true }],
    },
  ],
};

export const replayMeta: ReportMeta = {
  source: 'file tr-7.jsonl',
  asOf: '2024-11-01T23:59:59.999Z',
  knownAt: '2024-11-01T23:59:59.999Z',
  generatedAt: '2025-01-15T12:00:00.000Z',
};
