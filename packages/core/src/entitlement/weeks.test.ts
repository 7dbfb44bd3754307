import { describe, expect, it } from 'vitest';
import type { PlacementEvent } from '../placement/events.js';
import { recordsOf } from '../placement/state.js';
import { standardRuleBook } from '../rules/ruleBook.js';
import { placementStateOf } from '../testing/arbitraries/placements.js';
import { summarise } from './summary.js';
import { entitledMinutes, placementWeeks, type EntitlementWeek } from './weeks.js';

const calendar = {
  terms: [
    { from: '2024-09-04', to: '2024-10-25' },
    { from: '2024-11-04', to: '2024-12-20' },
  ],
  closures: [{ from: '2024-11-11', to: '2024-11-15', reason: 'flood' }],
};
const p = { placementId: 'p1', traineeId: 't1' };
const arranged: PlacementEvent = {
  type: 'PlacementArranged',
  data: { ...p, schoolId: 's1', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-09', endDate: '2024-11-20' },
};
const meeting = (recordId: string, date: string, minutes: number): PlacementEvent => ({
  type: 'MentoringContactRecorded',
  data: { ...p, recordId, mentorId: 'm1', date, minutes, kind: 'joint_planning' },
});
const history: PlacementEvent[] = [
  arranged,
  meeting('r1', '2024-09-10', 90),
  meeting('r2', '2024-09-17', 60),
  meeting('r3', '2024-09-24', 45),
  { type: 'PlacementPaused', data: { placementId: 'p1', pausedFrom: '2024-09-30', reason: 'trainee_absence' } },
  { type: 'PlacementResumed', data: { placementId: 'p1', resumedOn: '2024-10-07' } },
  meeting('r4', '2024-10-08', 50),
  meeting('r5', '2024-10-10', 40),
  meeting('r6', '2024-10-16', 90),
  { type: 'MentoringRecordWithdrawn', data: { ...p, recordId: 'r6', reason: 'logged twice' } },
  meeting('r7', '2024-10-29', 30),
];

const weeks = (today: string, events = history, route?: { mode: 'full_time' | 'part_time'; fte: number }) => {
  const state = placementStateOf(events);
  return placementWeeks({ placement: state.placement!, records: recordsOf(state).values(), calendar, ruleBook: standardRuleBook, today, ...(route ? { route } : {}) });
};
const brief = (week: EntitlementWeek) => [week.weekStart, week.status, week.entitledMinutes, week.receivedMinutes, week.shortfallMinutes, week.exempt ?? ''].join(' ');

describe('placement weeks', () => {
  it('gives each week its entitlement, minutes received, shortfall and exemption', () => {
    expect(weeks('2024-12-01').map(brief)).toEqual([
      '2024-09-09 complete 90 90 0 ',
      '2024-09-16 complete 90 60 30 ',
      '2024-09-23 complete 90 45 45 ',
      '2024-09-30 complete 0 0 0 absence',
      '2024-10-07 complete 90 90 0 ',
      '2024-10-14 complete 90 0 90 ',
      '2024-10-21 complete 90 0 90 ',
      '2024-10-28 complete 0 30 0 holiday',
      '2024-11-04 complete 90 0 90 ',
      '2024-11-11 complete 0 0 0 school_closure',
      '2024-11-18 complete 90 0 90 ',
    ]);
  });

  it('does not count weeks after today, and counts the week under way so far', () => {
    const rows = weeks('2024-10-09');
    expect(rows.filter((w) => w.status === 'complete')).toHaveLength(4);
    expect(brief(rows[4]!)).toBe('2024-10-07 current 90 90 0 ');
    expect(brief(rows[5]!)).toBe('2024-10-14 upcoming 90 0 0 ');
  });

  it('treats the week of the last day as complete once that day has passed', () => {
    expect(weeks('2024-11-21').at(-1)?.status).toBe('complete');
    expect(weeks('2024-11-20').at(-1)?.status).toBe('current');
  });

  it('scales a part-time trainee’s entitlement by FTE, rounding up to the minute', () => {
    expect(weeks('2024-12-01', history, { mode: 'part_time', fte: 0.6 })[1]).toMatchObject({ entitledMinutes: 54, shortfallMinutes: 0 });
    const rules = standardRuleBook.ruleSetFor('2024/25');
    expect([0.1, 0.3, 0.5, 0.7, 0.9, 1].map((fte) => entitledMinutes(rules, { mode: 'part_time', fte }))).toEqual([9, 27, 45, 63, 81, 90]);
    expect(entitledMinutes(rules, { mode: 'part_time', fte: 0.55 })).toBe(50);
    expect(entitledMinutes(rules, { mode: 'full_time', fte: 1 })).toBe(90);
    const notProRata = { ...rules, mentoring: { ...rules.mentoring, partTimeProRata: { ...rules.mentoring.partTimeProRata, value: false } } };
    expect(entitledMinutes(notProRata, { mode: 'part_time', fte: 0.5 })).toBe(90);
  });

  it('without a calendar counts every weekday of the placement as a term day', () => {
    const state = placementStateOf(history);
    const rows = placementWeeks({ placement: state.placement!, records: recordsOf(state).values(), ruleBook: standardRuleBook, today: '2024-12-01' });
    expect(rows.find((w) => w.weekStart === '2024-10-28')?.exempt).toBeUndefined();
  });

  it('marks a week with no weekday in the placement as outside it, and an open pause as a pause', () => {
    const saturday: PlacementEvent = { ...arranged, data: { ...arranged.data, startDate: '2024-09-07', endDate: '2024-09-20' } };
    expect(weeks('2024-12-01', [saturday]).map((w) => w.exempt ?? '')).toEqual(['outside_placement', '', '']);
    const paused: PlacementEvent = { type: 'PlacementPaused', data: { placementId: 'p1', pausedFrom: '2024-09-11', reason: 'provider_decision' } };
    expect(weeks('2024-12-01', [arranged, paused]).slice(0, 3).map((w) => w.exempt ?? '')).toEqual(['', 'paused', 'paused']);
  });
});

describe('summary', () => {
  const rulesOn = (week: string) => standardRuleBook.ruleSetFor('2024/25', week);

  it('counts met, short and exempt weeks, the shortfall, and the run of short weeks', () => {
    const summary = summarise(weeks('2024-12-01'), rulesOn);
    expect(summary).toMatchObject({ weeksMet: 2, weeksShort: 6, weeksExempt: 3, cumulativeShortfallMinutes: 435, currentStreak: 4 });
    expect(summary.weeks.map((w) => w.streak)).toEqual([0, 1, 2, 2, 0, 1, 2, 2, 3, 3, 4]);
    expect(summary.flag).toMatchObject({ rule: 'mentoring.shortWeeksInARowForAction', streak: 4, since: '2024-10-14' });
    expect(summary.flag?.threshold.value).toBe(2);
    expect(summary.weeks.filter((w) => w.flag).map((w) => w.weekStart)).toEqual(['2024-09-23', '2024-09-30', '2024-10-21', '2024-10-28', '2024-11-04', '2024-11-11', '2024-11-18']);
  });

  it('reports the week under way without counting it', () => {
    const summary = summarise(weeks('2024-10-16'), rulesOn);
    expect(summary.thisWeek).toMatchObject({ weekStart: '2024-10-14', receivedMinutes: 0, shortfallMinutes: 90, streak: 0 });
    expect(summary).toMatchObject({ weeksMet: 2, weeksShort: 2, currentStreak: 0 });
    expect(summary.flag).toBeUndefined();
  });
});
