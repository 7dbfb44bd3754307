import { addDays, weeksBetween, type LocalDate } from '../../calendar/localDate.js';
import type { ManualClock } from '../../kernel/clock.js';
import type { HandleOptions } from '../../kernel/commandHandler.js';
import type { Instant } from '../../kernel/instant.js';
import type { EventStore } from '../../kernel/store.js';
import type { StreamPlacementCommand } from '../../placement/placementCommands.js';
import { placementCommands } from '../../placement/placementCommands.js';
import type { RuleBook } from '../../rules/ruleBook.js';
import type { TermCalendar } from '../../school/calendar.js';

export { placementsDomainDefinitions as placementTermEventDefinitions } from '../../placement/domain.js';

const OAK_CALENDAR: TermCalendar = {
  terms: [
    { from: '2024-09-04', to: '2024-10-25' },
    { from: '2024-11-04', to: '2024-12-20' },
  ],
  closures: [{ from: '2024-11-04', to: '2024-11-04', reason: 'INSET day' }],
};
const ASH_CALENDAR: TermCalendar = {
  terms: [
    { from: '2024-09-03', to: '2024-10-18' },
    { from: '2024-10-28', to: '2024-12-19' },
  ],
  closures: [{ from: '2024-11-25', to: '2024-11-29', reason: 'heating failure' }],
};

/** Who is in the scenario; ids are fixed so that output is byte-identical run after run. */
export const PLACEMENT_TERM = Object.freeze({
  providerId: 'provider-northants',
  academicYear: '2024/25',
  /** The date the scenario is read on: a Wednesday in the second half of the autumn term. */
  today: '2024-12-04',
  schools: { oak: 'school-oak', ash: 'school-ash' },
  trainees: { ada: 'trainee-ada', ben: 'trainee-ben', cat: 'trainee-cat', dan: 'trainee-dan' },
  placements: { ada: 'placement-ada-oak', ben: 'placement-ben-oak', cat: 'placement-cat-ash', dan: 'placement-dan-ash' },
  mentors: { oak1: 'mentor-olu', oak2: 'mentor-priya', ash1: 'mentor-sam', ash2: 'mentor-tess' },
} as const);

export interface PlacementTermResult {
  readonly today: LocalDate;
  /** Commands refused on the way (the scenario tries one of each kind it shows), as `reason (field)`. */
  readonly refusals: readonly string[];
}

interface Step {
  readonly recordedAt: Instant;
  readonly occurredAt: Instant;
  readonly run: (options: HandleOptions) => Promise<unknown>;
}

const at = (day: LocalDate, time = '16:00'): Instant => `${day}T${time}:00.000Z`;

/**
 * A school term on any store whose registry knows `placementTermEventDefinitions`: two schools with their
 * calendars, four trainees (one part time at 0.6 FTE), their placements and a term of weekly mentor
 * meetings and coaching. Ada always gets her 90 minutes; Ben (54 a week, pro rata) is short now and then;
 * Cat's meetings run 60 minutes and she is flagged; Dan's mentor withdraws, he is absent for a fortnight,
 * one of his records is corrected and another withdrawn, and one is entered a week late. Each step runs at
 * its own recorded time on `clock` (the store's clock), in order, so both clocks tell a story.
 */
export const runPlacementTerm = async (deps: { readonly store: EventStore; readonly clock: ManualClock; readonly ruleBook?: RuleBook }): Promise<PlacementTermResult> => {
  const { store, clock } = deps;
  const service = placementCommands({ store, clock, ...(deps.ruleBook ? { ruleBook: deps.ruleBook } : {}) });
  const { providerId, academicYear, schools, trainees, placements: p, mentors } = PLACEMENT_TERM;
  const steps: Step[] = [];
  const step = (occurredOn: LocalDate, run: Step['run'], recordedOn = occurredOn) => steps.push({ occurredAt: at(occurredOn, '15:30'), recordedAt: at(recordedOn, '17:00'), run });
  const cmd = (command: StreamPlacementCommand) => (options: HandleOptions) => service.placement(command, options);

  step('2024-09-02', (o) => service.school({ type: 'RegisterSchool', schoolId: schools.oak, providerId, name: 'Oak Primary', phase: 'primary', region: 'rest_of_england', setting: 'urban' }, o));
  step('2024-09-02', (o) => service.school({ type: 'PublishSchoolCalendar', schoolId: schools.oak, academicYear, ...OAK_CALENDAR }, o));
  step('2024-09-02', (o) => service.school({ type: 'RegisterSchool', schoolId: schools.ash, providerId, name: 'Ash Academy', phase: 'secondary', region: 'outer_london' }, o));
  step('2024-09-02', (o) => service.school({ type: 'PublishSchoolCalendar', schoolId: schools.ash, academicYear, ...ASH_CALENDAR }, o));
  const route = { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } as const;
  const register = (traineeId: string, name: string, r: { phase: 'primary' | 'secondary'; mode: 'full_time' | 'part_time'; fte: number }) =>
    step('2024-09-02', (o) => service.trainee({ type: 'RegisterTrainee', traineeId, providerId, name, academicYear, route: { ...route, ...r } }, o));
  register(trainees.ada, 'Ada Okafor', { phase: 'primary', mode: 'full_time', fte: 1 });
  register(trainees.ben, 'Ben Hughes', { phase: 'primary', mode: 'part_time', fte: 0.6 });
  register(trainees.cat, 'Cat Nowak', { phase: 'secondary', mode: 'full_time', fte: 1 });
  register(trainees.dan, 'Dan Reid', { phase: 'secondary', mode: 'full_time', fte: 1 });
  const arrange = (placementId: string, traineeId: string, schoolId: string, mentorId: string) =>
    step('2024-09-03', (o) => service.arrange({ placementId, traineeId, schoolId, providerId, academicYear, mentorId, startDate: '2024-09-09', endDate: '2024-12-13' }, o));
  arrange(p.ada, trainees.ada, schools.oak, mentors.oak1);
  arrange(p.ben, trainees.ben, schools.oak, mentors.oak2);
  arrange(p.cat, trainees.cat, schools.ash, mentors.ash1);
  arrange(p.dan, trainees.dan, schools.ash, mentors.ash1);

  const meet = (placementId: string, recordId: string, mentorId: string, date: LocalDate, minutes: number, recordedOn = date) =>
    step(date, cmd({ type: 'RecordMentorMeeting', placementId, recordId, mentorId, date, minutes, present: [{ role: 'trainee' }, { role: 'mentor', personId: mentorId }], targetsDiscussed: ['behaviour routines'] }), recordedOn);
  const coach = (placementId: string, recordId: string, mentorId: string, date: LocalDate, minutes: number) =>
    step(date, cmd({ type: 'RecordMentoringContact', placementId, recordId, mentorId, date, minutes, kind: 'instructional_coaching' }));

  // Weekly meetings on Tuesdays and Thursdays in term time, up to today.
  const termWeeks = (halfTerm: LocalDate) => weeksBetween('2024-09-09', PLACEMENT_TERM.today).filter((week) => week !== halfTerm);
  const upToToday = (date: LocalDate) => date <= PLACEMENT_TERM.today;
  termWeeks('2024-10-28').forEach((week, i) => {
    const [tuesday, thursday] = [addDays(week, 1), addDays(week, 3)];
    if (upToToday(tuesday)) meet(p.ada, `ada-${i}`, mentors.oak1, tuesday, 90);
    if (upToToday(thursday)) meet(p.ben, `ben-${i}`, mentors.oak2, thursday, i % 4 === 3 ? 30 : 60);
  });
  termWeeks('2024-10-21').forEach((week, i) => {
    const [tuesday, thursday] = [addDays(week, 1), addDays(week, 3)];
    if (week !== '2024-11-25' && upToToday(tuesday)) meet(p.cat, `cat-${i}`, mentors.ash1, tuesday, 60);
    if (i < 3) coach(p.cat, `cat-coaching-${i}`, mentors.ash1, thursday, 30);
  });
  // Dan: his mentor withdraws at half term, he is absent for a fortnight, and one record is entered late.
  meet(p.dan, 'dan-0', mentors.ash1, '2024-09-10', 90);
  meet(p.dan, 'dan-1', mentors.ash1, '2024-09-17', 45);
  step('2024-09-20', cmd({ type: 'CorrectMentoringRecord', placementId: p.dan, recordId: 'dan-1', date: '2024-09-17', minutes: 90, reason: 'the meeting ran on; 45 was a typo' }));
  meet(p.dan, 'dan-2', mentors.ash1, '2024-09-24', 90);
  meet(p.dan, 'dan-3', mentors.ash1, '2024-10-01', 90, '2024-10-08');
  step('2024-09-30', cmd({ type: 'PausePlacement', placementId: p.dan, pausedFrom: '2024-10-07', reason: 'trainee_absence' }));
  step('2024-10-18', cmd({ type: 'ResumePlacement', placementId: p.dan, resumedOn: '2024-10-21' }));
  step('2024-10-18', cmd({ type: 'ChangePlacementMentor', placementId: p.dan, mentorId: mentors.ash2, previousMentorId: mentors.ash1, effectiveFrom: '2024-10-21', reason: 'mentor_withdrew' }));
  meet(p.dan, 'dan-4', mentors.ash2, '2024-10-29', 90);
  meet(p.dan, 'dan-5', mentors.ash2, '2024-11-05', 60);
  meet(p.dan, 'dan-6', mentors.ash2, '2024-11-06', 60);
  step('2024-11-08', cmd({ type: 'WithdrawMentoringRecord', placementId: p.dan, recordId: 'dan-6', reason: 'entered twice' }));
  meet(p.dan, 'dan-7', mentors.ash2, '2024-11-12', 90);
  meet(p.dan, 'dan-8', mentors.ash2, '2024-11-19', 90);
  meet(p.dan, 'dan-9', mentors.ash2, '2024-12-03', 90);

  // One of each refusal the scenario shows: a record after the placement, and an absurd length.
  const refusals: string[] = [];
  const refused = (occurredOn: LocalDate, command: StreamPlacementCommand) =>
    step(occurredOn, async (o) => {
      try {
        await service.placement(command, o);
      } catch (error) {
        const e = error as { reason?: string; field?: string };
        refusals.push(`${e.reason ?? String(error)} (${e.field ?? '-'})`);
      }
    });
  refused('2024-11-20', { type: 'RecordMentorMeeting', placementId: p.ada, recordId: 'ada-late', mentorId: mentors.oak1, date: '2024-12-16', minutes: 60, present: [{ role: 'trainee' }], targetsDiscussed: [] });
  refused('2024-11-20', { type: 'RecordMentoringContact', placementId: p.ben, recordId: 'ben-long', mentorId: mentors.oak2, date: '2024-11-20', minutes: 900, kind: 'joint_planning' });

  // Recorded order is the order the system learnt things in; sort is stable for steps of one instant.
  const ordered = [...steps].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  for (const s of ordered) {
    clock.set(s.recordedAt);
    await s.run({ occurredAt: s.occurredAt });
  }
  return { today: PLACEMENT_TERM.today, refusals };
};
