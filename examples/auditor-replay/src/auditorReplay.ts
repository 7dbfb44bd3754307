import { endOfDay, eventsAsOf, localDateOf, textTable, type AsOf, type LocalDate, type StoredEvent } from '@itt-ledger/core';
import { about, clocksOf, enteredLate, eventLabel, isCorrection, mentorOfLateRecord, mentorOfTrainee, planDays, traineeWithPlan } from './subjects.js';
import { mentorView, traineeView, type View } from './views.js';

export interface ReplayOptions {
  /** What the events came from, for the heading (a file name). */
  readonly source: string;
  /** Default: the trainee with an Individual Recovery Plan. */
  readonly traineeId?: string;
  /** Default: the mentor of the first mentoring record entered late, else the trainee's mentor. */
  readonly mentorId?: string;
  /** Default: for each of them, the first day something happened that was entered later; the plan's first and last days. */
  readonly dates?: readonly LocalDate[];
}

export interface ReplayPlan {
  readonly traineeId: string;
  readonly mentorId: string;
  readonly dates: readonly LocalDate[];
}

/** Who and when, from the options or, where they say nothing, from the events themselves. */
export const planReplay = (events: readonly StoredEvent[], options: Omit<ReplayOptions, 'source'> = {}): ReplayPlan => {
  const traineeId = options.traineeId ?? traineeWithPlan(events);
  if (traineeId === undefined) throw new Error('no trainee in the export has a recovery plan: name one with --trainee');
  const mentorId = options.mentorId ?? mentorOfLateRecord(events) ?? mentorOfTrainee(events, traineeId);
  if (mentorId === undefined) throw new Error(`no mentor found for ${traineeId}: name one with --mentor`);
  if (options.dates !== undefined) return { traineeId, mentorId, dates: options.dates };
  const firstLate = (personId: string) => {
    const concerned = about(events, personId);
    return events.filter((event) => concerned(event) && enteredLate(event)).slice(0, 1).map((event) => localDateOf(event.occurredAt));
  };
  const days = [...firstLate(traineeId), ...firstLate(mentorId), ...planDays(events, traineeId)];
  return { traineeId, mentorId, dates: [...new Set(days)].sort() };
};

const lines = (events: readonly StoredEvent[]) => events.map((event) => `${eventLabel(event)} (${clocksOf(event)})`);

/** One subject on one date: both views side by side ("same" where they agree), then what differs. */
const onDate = (events: readonly StoredEvent[], concerned: (event: StoredEvent) => boolean, view: (asOf: AsOf) => View, date: LocalDate): string[] => {
  const happened: AsOf = { occurredAt: endOfDay(date) };
  const known: AsOf = { recordedAt: endOfDay(date) };
  const inHappened = eventsAsOf(events, happened).filter(concerned);
  const inKnown = eventsAsOf(events, known).filter(concerned);
  const right = view(known);
  const rows = view(happened).map(([aspect, text], i) => [aspect, text, right[i]![1] === text ? 'same' : right[i]![1]]);
  const ids = (kept: readonly StoredEvent[]) => new Set(kept.map((event) => event.eventId));
  const knownIds = ids(inKnown);
  const happenedIds = ids(inHappened);
  const notYetKnown = inHappened.filter((event) => !knownIds.has(event.eventId));
  const notYetHappened = inKnown.filter((event) => !happenedIds.has(event.eventId));
  return [
    ...textTable([date, `happened by ${date}`, `known at ${date}`], rows),
    ...inHappened.filter(isCorrection).map((event) => `  correction: ${eventLabel(event)} (${clocksOf(event)})`),
    ...(notYetKnown.length + notYetHappened.length === 0 ? ['  both clocks count the same events'] : []),
    ...lines(notYetKnown).map((line) => `  happened, not yet known: ${line}`),
    ...lines(notYetHappened).map((line) => `  known, dated later: ${line}`),
    '',
  ];
};

const heading = (text: string) => [text, '='.repeat(text.length), ''];

/**
 * An auditor's replay of an export: for a trainee and a mentor, on each date, what had happened by the end
 * of that day (occurredAt, as known now) beside what the provider knew then (recordedAt), and the events
 * the two disagree about. Every figure comes from the domain's as-of reads; the same events give the same text.
 */
export const auditorReplay = (events: readonly StoredEvent[], options: ReplayOptions): string => {
  const plan = planReplay(events, options);
  const { traineeId, mentorId, dates } = plan;
  const first = events[0];
  const last = events.at(-1);
  const span = first && last ? `, recorded ${localDateOf(first.recordedAt)} to ${localDateOf(last.recordedAt)}` : '';
  const trainee = about(events, traineeId);
  const mentor = about(events, mentorId);
  return [
    ...heading(`Auditor's replay of ${options.source}: ${events.length} events${span}`),
    `"happened by D" is what had happened by the end of D (occurredAt), as the export knows it now;`,
    `"known at D" is what the provider's system had recorded by the end of D (recordedAt).`,
    `Dates: ${dates.join(', ')}. A date is the end of that day, UTC.`,
    '',
    ...heading(`Trainee ${traineeId}${traineeWithPlan(events) === traineeId ? ' (Individual Recovery Plan)' : ''}`),
    ...dates.flatMap((date) => onDate(events, trainee, (asOf) => traineeView(events, traineeId, asOf, date), date)),
    ...heading(`Mentor ${mentorId}`),
    ...dates.flatMap((date) => onDate(events, mentor, (asOf) => mentorView(events, mentorId, asOf, date), date)),
  ].join('\n');
};
