import fc from 'fast-check';
import type { AcademicYear } from '../../calendar/academicYear.js';
import { addDays, dayNumber, fromDayNumber, maxDate, minDate, type LocalDate } from '../../calendar/localDate.js';
import { evolveWith, fold } from '../../kernel/decider.js';
import type { EventOf } from '../../kernel/eventDefinition.js';
import type { PlacementsDomainEvent } from '../../placement/domain.js';
import { CONTACT_KINDS, type PlacementArranged, type PlacementEvent } from '../../placement/events.js';
import { initialPlacementState, mentorsOn, placementHandlers, recordsOf, type PlacementState } from '../../placement/state.js';
import type { Closure, TermCalendar } from '../../school/calendar.js';
import type { Route } from '../../trainee/events.js';

/** The academic year the placement arbitraries live in. */
export const ARBITRARY_YEAR: AcademicYear = '2024/25';
const YEAR_START = '2024-09-02';

const day = (date: LocalDate): number => dayNumber(date) ?? 0;

/** A date from `from` to `to`, inclusive. */
export const localDateBetween = (from: LocalDate, to: LocalDate): fc.Arbitrary<LocalDate> =>
  fc.integer({ min: day(from), max: Math.max(day(from), day(to)) }).map(fromDayNumber);

/** Three terms with holidays between them, and a few closures inside terms: a valid 2024/25 calendar. */
export const termCalendarArbitrary: fc.Arbitrary<TermCalendar> = fc
  .record({
    firstDay: fc.integer({ min: 0, max: 3 }),
    lengths: fc.tuple(fc.integer({ min: 25, max: 55 }), fc.integer({ min: 25, max: 50 }), fc.integer({ min: 25, max: 60 })),
    gaps: fc.tuple(fc.integer({ min: 5, max: 16 }), fc.integer({ min: 5, max: 16 })),
    closures: fc.array(fc.record({ term: fc.nat(2), offset: fc.nat(60), days: fc.nat(1), reason: fc.constantFrom('INSET day', 'snow', 'polling day') }), {
      maxLength: 3,
    }),
  })
  .map(({ firstDay, lengths, gaps, closures }) => {
    const terms: { from: LocalDate; to: LocalDate }[] = [];
    let from = addDays(YEAR_START, firstDay);
    lengths.forEach((length, i) => {
      const to = addDays(from, length);
      terms.push({ from, to });
      from = addDays(to, (gaps[i] ?? 0) + 1);
    });
    const inTerms: Closure[] = closures.map(({ term, offset, days, reason }) => {
      const t = terms[term]!;
      const start = minDate(addDays(t.from, offset), t.to);
      return { from: start, to: minDate(addDays(start, days), t.to), reason };
    });
    return { terms, closures: inTerms };
  });

/** Full time (FTE 1) or part time at an FTE in tenths. */
export const routeArbitrary: fc.Arbitrary<Route> = fc.record({
  phase: fc.constantFrom('early_years', 'primary', 'secondary'),
  mode: fc.constantFrom('full_time', 'part_time'),
  fte: fc.integer({ min: 1, max: 9 }).map((tenths) => tenths / 10),
  programme: fc.constantFrom('postgraduate', 'undergraduate', 'undergraduate_four_year'),
}).map((route) => (route.mode === 'full_time' ? { ...route, fte: 1 } : route));

/** One placement's arrangement: dates within the year's first two terms, a mentor, maybe its own calendar. */
export const placementArrangedArbitrary = (ids: { placementId?: string; traineeId?: string; schoolId?: string } = {}): fc.Arbitrary<EventOf<typeof PlacementArranged>> =>
  fc
    .record({
      start: localDateBetween(YEAR_START, '2024-12-13'),
      length: fc.integer({ min: 4, max: 56 }),
      jobShare: fc.boolean(),
      calendar: fc.option(termCalendarArbitrary, { freq: 4 }),
    })
    .map(({ start, length, jobShare, calendar }) => ({
      type: 'PlacementArranged' as const,
      data: {
        placementId: ids.placementId ?? 'p1',
        traineeId: ids.traineeId ?? 't1',
        schoolId: ids.schoolId ?? 's1',
        providerId: 'provider-1',
        academicYear: ARBITRARY_YEAR,
        mentorId: 'mentor-a',
        ...(jobShare ? { jobShareMentorId: 'mentor-j' } : {}),
        startDate: start,
        endDate: addDays(start, length),
        ...(calendar ? { calendar } : {}),
      },
    }));

const evolve = evolveWith(placementHandlers);
export const placementStateOf = (events: readonly PlacementEvent[]): PlacementState => fold(evolve, initialPlacementState, events);

/** A new meeting or other contact on a date of the placement, by a mentor on the placement that day. */
export const mentoringRecordArbitrary = (state: PlacementState, recordId: string): fc.Arbitrary<PlacementEvent> => {
  const p = state.placement!;
  return fc
    .record({ date: localDateBetween(p.startDate, p.lastDay), minutes: fc.integer({ min: 1, max: 150 }), kind: fc.constantFrom('meeting' as const, ...CONTACT_KINDS) })
    .map(({ date, minutes, kind }): PlacementEvent => {
      const base = { placementId: p.placementId, recordId, traineeId: p.traineeId, mentorId: mentorsOn(p, date)[0]?.mentorId ?? 'mentor-a', date, minutes };
      return kind === 'meeting'
        ? { type: 'MentorMeetingRecorded', data: { ...base, present: [{ role: 'trainee' }, { role: 'mentor', personId: base.mentorId }], targetsDiscussed: ['behaviour routines'] } }
        : { type: 'MentoringContactRecorded', data: { ...base, kind } };
    });
};

/** A correction of a standing record to another date of the placement and another length. */
export const correctionArbitrary = (state: PlacementState, recordId: string): fc.Arbitrary<PlacementEvent> => {
  const p = state.placement!;
  const record = recordsOf(state).get(recordId)!;
  return fc.record({ date: localDateBetween(p.startDate, p.lastDay), minutes: fc.integer({ min: 1, max: 150 }) }).map(({ date, minutes }) => ({
    type: 'MentoringRecordCorrected' as const,
    data: {
      placementId: p.placementId,
      recordId,
      traineeId: p.traineeId,
      date,
      minutes: date === record.date && minutes === record.minutes ? (minutes % 150) + 1 : minutes,
      reason: 'wrong figure',
    },
  }));
};

export interface PlacementHistory {
  readonly calendar: TermCalendar;
  readonly route: Route;
  /** School, calendar and trainee first, then the placement stream. */
  readonly events: readonly PlacementsDomainEvent[];
  readonly placementEvents: readonly PlacementEvent[];
  /** A date to ask on, from a week before the placement to two weeks after it. */
  readonly today: LocalDate;
}

const lifecycleArbitrary = (state: PlacementState) => {
  const p = state.placement!;
  return fc.record({
    extendBy: fc.option(fc.integer({ min: 1, max: 21 }), { freq: 3 }),
    change: fc.option(localDateBetween(p.startDate, p.endDate), { freq: 3 }),
    pause: fc.option(fc.record({ from: localDateBetween(p.startDate, p.endDate), days: fc.option(fc.integer({ min: 1, max: 20 })), reason: fc.constantFrom('trainee_absence', 'school_closure', 'provider_decision') }), { freq: 3 }),
  });
};

/** Arrangement, a mentor change, an extension and a pause/resume, each maybe: all valid in this order. */
const arrangedHistory = (arranged: PlacementEvent): fc.Arbitrary<PlacementEvent[]> =>
  lifecycleArbitrary(placementStateOf([arranged])).map(({ extendBy, change, pause }) => {
    const events: PlacementEvent[] = [arranged];
    const p = () => placementStateOf(events).placement!;
    const placementId = p().placementId;
    if (extendBy !== null) events.push({ type: 'PlacementExtended', data: { placementId, previousEndDate: p().endDate, endDate: addDays(p().endDate, extendBy), reason: 'absence to make up' } });
    if (change !== null) events.push({ type: 'PlacementMentorChanged', data: { placementId, mentorId: 'mentor-b', previousMentorId: 'mentor-a', effectiveFrom: change, reason: 'reallocated' } });
    if (pause !== null) {
      events.push({ type: 'PlacementPaused', data: { placementId, pausedFrom: pause.from, reason: pause.reason } });
      const resumedOn = pause.days === null ? undefined : addDays(pause.from, pause.days);
      if (resumedOn !== undefined && resumedOn <= p().lastDay) events.push({ type: 'PlacementResumed', data: { placementId, resumedOn } });
    }
    return events;
  });

/** Appends `count` events, each drawn from the state so far. */
const growing = (start: PlacementEvent[], count: number, next: (state: PlacementState, i: number) => fc.Arbitrary<PlacementEvent> | undefined): fc.Arbitrary<PlacementEvent[]> => {
  let arb: fc.Arbitrary<PlacementEvent[]> = fc.constant(start);
  for (let i = 0; i < count; i++) {
    arb = arb.chain((events) => {
      const step = next(placementStateOf(events), i);
      return step ? step.map((event) => [...events, event]) : fc.constant(events);
    });
  }
  return arb;
};

const standing = (state: PlacementState) => [...recordsOf(state).values()].filter((record) => !record.withdrawn).map((record) => record.recordId);

/** Records, corrections and withdrawals on an arranged history, then maybe an early end or completion. */
const withRecords = (lifecycle: PlacementEvent[]): fc.Arbitrary<PlacementEvent[]> =>
  fc
    .record({ records: fc.integer({ min: 0, max: 10 }), corrections: fc.integer({ min: 0, max: 3 }), withdrawals: fc.integer({ min: 0, max: 2 }), picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), ending: fc.constantFrom('open', 'early', 'completed') })
    .chain(({ records, corrections, withdrawals, picks, ending }) =>
      growing(lifecycle, records, (state, i) => mentoringRecordArbitrary(state, `r${i + 1}`))
        .chain((events) =>
          growing(events, corrections, (state, i) => {
            const ids = standing(state);
            return ids.length === 0 ? undefined : correctionArbitrary(state, ids[(picks[i] ?? 0) % ids.length]!);
          }),
        )
        .map((events) => {
          for (let i = 0; i < withdrawals; i++) {
            const state = placementStateOf(events);
            const ids = standing(state);
            const recordId = ids[(picks[3 + i] ?? 0) % Math.max(1, ids.length)];
            if (recordId) events = [...events, { type: 'MentoringRecordWithdrawn', data: { placementId: state.placement!.placementId, recordId, traineeId: state.placement!.traineeId, reason: 'logged twice' } }];
          }
          return withEnding(events, ending);
        }),
    );

const withEnding = (events: PlacementEvent[], ending: 'open' | 'early' | 'completed'): PlacementEvent[] => {
  const state = placementStateOf(events);
  const p = state.placement!;
  if (ending === 'completed' && p.status !== 'paused') return [...events, { type: 'PlacementCompleted', data: { placementId: p.placementId, completedOn: p.endDate } }];
  if (ending !== 'early') return events;
  const lastRecord = [...recordsOf(state).values()].filter((r) => !r.withdrawn).reduce((last, r) => maxDate(last, r.date), p.startDate);
  const lastDay = maxDate(lastRecord, addDays(p.startDate, Math.floor((day(p.endDate) - day(p.startDate)) / 2)));
  return lastDay < p.endDate ? [...events, { type: 'PlacementEndedEarly', data: { placementId: p.placementId, lastDay, reason: 'trainee_deferred' } }] : events;
};

/** One placement of one trainee at one school, with a valid history the deciders would have written. */
export const placementHistoryArbitrary: fc.Arbitrary<PlacementHistory> = fc
  .record({ calendar: termCalendarArbitrary, route: routeArbitrary, arranged: placementArrangedArbitrary(), todayOffset: fc.integer({ min: -7, max: 90 }) })
  .chain(({ calendar, route, arranged, todayOffset }) =>
    arrangedHistory(arranged)
      .chain(withRecords)
      .map((placementEvents): PlacementHistory => {
        const events: PlacementsDomainEvent[] = [
          { type: 'SchoolRegistered', data: { schoolId: 's1', providerId: 'provider-1', name: 'Oak Primary', phase: 'primary', region: 'rest_of_england' } },
          { type: 'SchoolCalendarPublished', data: { schoolId: 's1', academicYear: ARBITRARY_YEAR, ...calendar } },
          { type: 'TraineeRegistered', data: { traineeId: 't1', providerId: 'provider-1', name: 'Ada Lovelace', academicYear: ARBITRARY_YEAR, route } },
          ...placementEvents,
        ];
        return { calendar, route, events, placementEvents, today: addDays(arranged.data.startDate, todayOffset) };
      }),
  );
