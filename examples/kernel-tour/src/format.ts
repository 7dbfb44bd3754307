import { revealOr, type Instant, type StoredEvent } from '@itt-ledger/core';
import type { MeetingEvent } from './events.js';
import type { TraineeWeeks } from './projection.js';

export type Align = 'left' | 'right';

/** A plain-text table: columns padded to their widest cell, a dashed rule under the header. */
export const table = (headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string[] => {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

export const heading = (title: string): string[] => ['', title, '-'.repeat(title.length)];

export const indent = (lines: readonly string[], by = '  '): string[] => lines.map((line) => (line === '' ? line : by + line));

/** `2024-09-10 15:30` (UTC): the demo's instants are whole minutes. */
export const shortInstant = (instant: Instant): string => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;

/** A one-line summary of an event's data for the stream table. */
export const describeEvent = (event: StoredEvent<MeetingEvent>): string => {
  switch (event.type) {
    case 'MentorMeetingRecorded':
      return `#${event.data.meetingNo} ${event.data.kind}, ${event.data.minutes} min`;
    case 'MentorMeetingCorrected':
      return `#${event.data.meetingNo} now ${event.data.minutes} min: ${event.data.reason}`;
    case 'MentorMeetingWithdrawn':
      return `#${event.data.meetingNo}: ${event.data.reason}`;
  }
};

/** The projection as rows, trainees and weeks in order; names that were erased show as such. */
export const weeklyTable = (state: ReadonlyMap<string, TraineeWeeks>): string[] => {
  const rows: string[][] = [];
  const trainees = [...state.values()].map((weeks) => ({ name: revealOr(weeks.traineeName ?? '?', '(erased)'), weeks }));
  trainees.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, weeks } of trainees) {
    for (const week of Object.keys(weeks.weeks).sort()) {
      const total = weeks.weeks[week];
      if (total === undefined) continue;
      rows.push([name, week, String(total.meetings), String(total.minutes)]);
    }
  }
  return table(['trainee', 'ISO week', 'meetings', 'minutes'], rows, ['left', 'left', 'right', 'right']);
};
