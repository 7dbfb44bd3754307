import {
  behindThisWeek,
  endOfDay,
  entitlementAsOf,
  formatBehindTable,
  formatEntitlementTable,
  localDateOf,
  placementEntitlement,
  replayEntitlement,
  traineeEntitlement,
  weekStartOf,
  addDays,
  daysBetween,
  type LocalDate,
} from '@itt-ledger/core';
import type { Directory, YearEvent } from './directory.js';
import { indent } from './text.js';


/** Each trainee's weekly table across their placements, as the year stands on `today`. */
export const entitlementSection = (events: readonly YearEvent[], directory: Directory, today: LocalDate): string[] => {
  const model = replayEntitlement(events);
  const out: string[] = [];
  for (const trainee of directory.trainees) {
    const summary = traineeEntitlement(model, trainee.traineeId, { today });
    if (!summary) continue;
    const placements = summary.placementIds.map((id) => {
      const placement = placementEntitlement(model, id, { today });
      return `${id} at ${directory.schoolName(placement?.schoolId ?? '?')}, mentor ${placement?.mentorIds.join(' and ') ?? '?'}`;
    });
    const weekly = summary.weeks.find((week) => !week.exempt)?.entitledMinutes;
    out.push('', `${trainee.name} (${trainee.traineeId}), ${trainee.mode}: ${weekly ?? '-'} min a week; ${placements.join('; ')}`, ...indent(formatEntitlementTable(summary)));
  }
  return out;
};

/** Who was behind on `day`, by school, from what the provider had recorded by that evening. */
export const behindSection = (events: readonly YearEvent[], day: LocalDate): string[] => {
  const known = entitlementAsOf(events, { recordedAt: endOfDay(day) });
  return indent(formatBehindTable(behindThisWeek(known, { today: day, by: 'school' }), 'school'));
};

type RecordEvent = Extract<YearEvent, { readonly type: 'MentorMeetingRecorded' | 'MentoringContactRecorded' }>;
const isRecord = (event: YearEvent): event is RecordEvent => event.type === 'MentorMeetingRecorded' || event.type === 'MentoringContactRecorded';

/**
 * The two clocks at work: records entered a week or more after they were held, with their week as the
 * provider knew it the day before and as it stands; and records corrected or withdrawn (new events; the
 * originals stay).
 */
export const clocksSection = (events: readonly YearEvent[], directory: Directory): string[] => {
  const out: string[] = [];
  const now = replayEntitlement(events);
  for (const event of events.filter(isRecord)) {
    const entered = localDateOf(event.recordedAt);
    if (daysBetween(event.data.date, entered) < 7) continue;
    const dayBefore = addDays(entered, -1);
    const week = weekStartOf(event.data.date);
    const then = placementEntitlement(entitlementAsOf(events, { recordedAt: endOfDay(dayBefore) }), event.data.placementId, { today: dayBefore });
    const nowRow = placementEntitlement(now, event.data.placementId, { today: entered })?.weeks.find((row) => row.weekStart === week);
    const thenRow = then?.weeks.find((row) => row.weekStart === week);
    out.push(
      `  ${event.data.recordId}: held ${event.data.date} (${event.data.minutes} min), entered ${entered}.`,
      `    week of ${week}, as known on ${dayBefore}: received ${thenRow?.receivedMinutes ?? 0} of ${thenRow?.entitledMinutes ?? '-'} min, short ${thenRow?.shortfallMinutes ?? '-'};` +
        ` as known now: received ${nowRow?.receivedMinutes ?? 0}, short ${nowRow?.shortfallMinutes ?? '-'}`,
    );
  }
  const original = new Map(events.filter(isRecord).map((event) => [event.data.recordId, event.data.minutes]));
  for (const event of events) {
    if (event.type !== 'MentoringRecordCorrected' && event.type !== 'MentoringRecordWithdrawn') continue;
    const { data } = event;
    const what = 'minutes' in data ? `corrected from ${original.get(data.recordId) ?? '?'} to ${data.minutes} min` : 'withdrawn';
    out.push(`  ${data.recordId} (${directory.traineeName(data.traineeId)}): ${what} on ${localDateOf(event.recordedAt)}, "${data.reason}"; the original stays in stream ${event.streamId}`);
  }
  return out;
};
