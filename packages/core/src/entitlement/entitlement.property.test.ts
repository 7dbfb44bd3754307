import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '../calendar/localDate.js';
import type { PlacementEvent } from '../placement/events.js';
import { recordsOf } from '../placement/state.js';
import { standardRuleBook } from '../rules/ruleBook.js';
import { dayKind } from '../school/calendar.js';
import { correctionArbitrary, mentoringRecordArbitrary, placementHistoryArbitrary, placementStateOf, type PlacementHistory } from '../testing/arbitraries/placements.js';
import { summarise } from './summary.js';
import { placementWeeks } from './weeks.js';

const settings = (seed: number) => ({ numRuns: 1000, seed });

const table = (history: PlacementHistory, events: readonly PlacementEvent[] = history.placementEvents) => {
  const state = placementStateOf(events);
  const placement = state.placement!;
  const weeks = placementWeeks({ placement, records: recordsOf(state).values(), calendar: placement.calendar ?? history.calendar, route: history.route, ruleBook: standardRuleBook, today: history.today });
  return summarise(weeks, (week) => standardRuleBook.ruleSetFor(placement.academicYear, week));
};

const isRecord = (event: PlacementEvent) => event.type === 'MentorMeetingRecorded' || event.type === 'MentoringContactRecorded';
const isEnding = (event: PlacementEvent) => event.type === 'PlacementEndedEarly' || event.type === 'PlacementCompleted';

/** Inserts events where a live placement would take them: before its ending, if it has ended. */
const beforeEnding = (events: readonly PlacementEvent[], added: readonly PlacementEvent[]): PlacementEvent[] => {
  const end = events.findIndex(isEnding);
  return end < 0 ? [...events, ...added] : [...events.slice(0, end), ...added, ...events.slice(end)];
};

/** The history, and the state of its placement just before it ended. */
const withOpenState = (history: PlacementHistory) => {
  const open = history.placementEvents.filter((event) => !isEnding(event));
  return { history, state: placementStateOf(open), ended: placementStateOf(history.placementEvents) };
};

const standingIds = (state: ReturnType<typeof placementStateOf>) => [...recordsOf(state).values()].filter((r) => !r.withdrawn).map((r) => r.recordId);

describe('the weekly entitlement (properties)', () => {
  it('does not depend on the order of the records within a week', () => {
    const arb = placementHistoryArbitrary.chain((history) => fc.tuple(fc.constant(history), fc.array(fc.double({ noNaN: true }), { minLength: history.placementEvents.length, maxLength: history.placementEvents.length })));
    fc.assert(
      fc.property(arb, ([history, keys]) => {
        const events = history.placementEvents;
        const week = (event: PlacementEvent) => (isRecord(event) ? weekStartOf((event.data as { date: string }).date) : undefined);
        const shuffled = [...events];
        for (const w of new Set(events.map(week))) {
          if (w === undefined) continue;
          const slots = events.flatMap((event, i) => (week(event) === w ? [i] : []));
          const moved = [...slots].sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0)).map((i) => events[i]!);
          slots.forEach((slot, k) => (shuffled[slot] = moved[k]!));
        }
        expect(table(history, shuffled)).toEqual(table(history));
      }),
      settings(20240901),
    );
  });

  it('never raises a shortfall when a meeting is added', () => {
    const arb = placementHistoryArbitrary.map(withOpenState).chain(({ history, ended }) =>
      fc.tuple(fc.constant(history), mentoringRecordArbitrary(ended, 'added')),
    );
    fc.assert(
      fc.property(arb, ([history, added]) => {
        const before = table(history);
        const after = table(history, beforeEnding(history.placementEvents, [added]));
        after.weeks.forEach((week, i) => expect(week.shortfallMinutes).toBeLessThanOrEqual(before.weeks[i]!.shortfallMinutes));
        expect(after.cumulativeShortfallMinutes).toBeLessThanOrEqual(before.cumulativeShortfallMinutes);
        expect(after.weeksShort).toBeLessThanOrEqual(before.weeksShort);
      }),
      settings(20240902),
    );
  });

  it('never lowers a shortfall when a record is withdrawn', () => {
    const arb = placementHistoryArbitrary
      .map(withOpenState)
      .filter(({ state }) => standingIds(state).length > 0)
      .chain(({ history, state }) => fc.tuple(fc.constant(history), fc.constantFrom(...standingIds(state)), fc.constant(state)));
    fc.assert(
      fc.property(arb, ([history, recordId, state]) => {
        const withdrawal: PlacementEvent = { type: 'MentoringRecordWithdrawn', data: { placementId: state.placement!.placementId, recordId, traineeId: 't1', reason: 'duplicate' } };
        const before = table(history);
        const after = table(history, beforeEnding(history.placementEvents, [withdrawal]));
        after.weeks.forEach((week, i) => expect(week.shortfallMinutes).toBeGreaterThanOrEqual(before.weeks[i]!.shortfallMinutes));
        expect(after.cumulativeShortfallMinutes).toBeGreaterThanOrEqual(before.cumulativeShortfallMinutes);
      }),
      settings(20240903),
    );
  });

  it('is restored when a correction is followed by its reversal', () => {
    const arb = placementHistoryArbitrary
      .map(withOpenState)
      .filter(({ state, ended }) => standingIds(state).length > 0 && ended.placement!.status !== 'ended_early')
      .chain(({ history, state }) => fc.constantFrom(...standingIds(state)).chain((recordId) => fc.tuple(fc.constant(history), correctionArbitrary(state, recordId), fc.constant(state))));
    fc.assert(
      fc.property(arb, ([history, correction, state]) => {
        if (correction.type !== 'MentoringRecordCorrected') throw new Error('expected a correction');
        const original = recordsOf(state).get(correction.data.recordId)!;
        const reversal: PlacementEvent = { type: 'MentoringRecordCorrected', data: { ...correction.data, date: original.date, minutes: original.minutes, reason: 'corrected in error' } };
        const corrected = beforeEnding(history.placementEvents, [correction]);
        expect(table(history, beforeEnding(history.placementEvents, [correction, reversal]))).toEqual(table(history));
        // The correction did change something: the reversal is not a no-op on the record.
        expect(recordsOf(placementStateOf(corrected)).get(correction.data.recordId)).not.toEqual(original);
      }),
      settings(20240904),
    );
  });

  it('gives exempt weeks no entitlement and no shortfall, and exempts every week without an open school day', () => {
    fc.assert(
      fc.property(placementHistoryArbitrary, (history) => {
        const state = placementStateOf(history.placementEvents);
        const p = state.placement!;
        const calendar = p.calendar ?? history.calendar;
        const threshold = standardRuleBook.ruleSetFor(p.academicYear).mentoring.shortWeeksInARowForAction.value;
        for (const week of table(history).weeks) {
          if (week.exempt) {
            expect(week.entitledMinutes).toBe(0);
            expect(week.shortfallMinutes).toBe(0);
          }
          const days = [0, 1, 2, 3, 4].map((i) => addDays(week.weekStart, i)).filter((d) => d >= p.startDate && d <= p.lastDay);
          if (days.every((d) => dayKind(calendar, d) === 'holiday')) expect(week.exempt).toBeDefined();
          if (week.status === 'complete') expect(week.flag !== undefined).toBe(week.streak >= threshold);
          expect(week.shortfallMinutes).toBe(week.status === 'upcoming' || week.exempt ? 0 : Math.max(0, week.entitledMinutes - week.receivedMinutes));
        }
      }),
      settings(20240905),
    );
  });

  it('counts the minutes of the records that stand, in their (corrected) week', () => {
    fc.assert(
      fc.property(placementHistoryArbitrary, (history) => {
        const state = placementStateOf(history.placementEvents);
        const total = [...recordsOf(state).values()].filter((r) => !r.withdrawn).reduce((sum, r) => sum + r.minutes, 0);
        expect(table(history).weeks.reduce((sum, w) => sum + w.receivedMinutes, 0)).toBe(total);
      }),
      settings(20240906),
    );
  });
});
