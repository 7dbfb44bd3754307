import type { EventMetadata, Region, Route, SchoolPhase, TermCalendar, TrainingMode } from '@itt-ledger/core';
import { TERMS, dateOf, day, inTerm, mondayOf, type Day } from './dates.js';
import { flat } from './emit.js';
import { rng, seedFor, type Rng } from './random.js';

/**
 * Who is in one provider's year and what will happen to them: the plan the scripts turn into events. Built
 * up front and small (a few hundred bytes per person); the events themselves are made as the year runs.
 */
export interface School {
  readonly id: string;
  readonly streamId: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly region: Region;
  readonly calendar: TermCalendar;
  readonly closures: ReadonlySet<Day>;
  readonly registeredOn: Day;
  readonly mentors: Mentor[];
  leadMentor?: LeadMentor;
}

export interface Session {
  readonly id: string;
  readonly day: Day;
  readonly minutes: number;
  readonly mode: TrainingMode;
  /** The minutes it is corrected to a week later. */
  readonly correctedMinutes?: number;
  readonly withdrawn: boolean;
}

export interface Mentor {
  readonly index: number;
  readonly id: string;
  readonly school: School;
  readonly name: string;
  readonly registeredOn: Day;
  readonly refresher: boolean;
  readonly sessions: Session[];
  readonly placements: Placement[];
  readonly metadata: EventMetadata;
}

export interface LeadMentor {
  readonly mentor: Mentor;
  readonly schools: School[];
}

export interface Placement {
  readonly id: string;
  readonly streamId: string;
  readonly trainee: Trainee;
  readonly school: School;
  readonly mentor: Mentor;
  readonly jobShare?: Mentor;
  readonly arrangedOn: Day;
  readonly start: Day;
  readonly end: Day;
  /** A mentor change: a job-share mentor joins, or the mentor withdraws and `mentor` takes over. */
  change?: { readonly reason: 'job_share_added' | 'mentor_withdrew'; readonly on: Day; readonly mentor: Mentor };
  pause?: { readonly from: Day; readonly resumedOn: Day };
  extendedTo?: Day;
  /** The trainee withdrew: the placement's last day. */
  endedEarly?: Day;
}

export interface Trainee {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly route: Route;
  readonly registeredOn: Day;
  readonly placements: Placement[];
  readonly metadata: EventMetadata;
}

export interface Cast {
  readonly provider: number;
  readonly providerId: string;
  readonly seed: number;
  readonly metadata: EventMetadata;
  readonly schools: School[];
  readonly mentors: Mentor[];
  readonly leadMentors: LeadMentor[];
  readonly trainees: Trainee[];
}

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kiran', 'Lily', 'Mo', 'Nia', 'Owen', 'Priya', 'Rosa', 'Sam', 'Tariq', 'Zoe'];
const SURNAMES = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Moore', 'Nowak', 'Okafor', 'Patel', 'Smith', 'Taylor', 'Walker'];
const PLACES = ['Oakfield', 'Riverside', 'St Mary’s', 'Hillcrest', 'Brookside', 'Meadow', 'Kingsway', 'Elm Grove', 'Northgate', 'Fairfield'];
const CLOSURE_REASONS = ['INSET day', 'polling station', 'staff training', 'heating failure'];

const personName = (r: Rng) => flat(`${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const schoolPhase = (r: Rng): SchoolPhase => {
  const x = r.next();
  return x < 0.08 ? 'early_years' : x < 0.55 ? 'primary' : x < 0.92 ? 'secondary' : 'all_through';
};
const region = (r: Rng): Region => {
  const x = r.next();
  return x < 0.1 ? 'inner_london' : x < 0.22 ? 'outer_london' : x < 0.3 ? 'fringe' : 'rest_of_england';
};

const termDays = TERMS.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)).filter(inTerm);

const buildSchool = (providerId: string, p: number, i: number, seed: number): School => {
  const r = rng(seedFor(seed, p, i, 1));
  const closureDays = [...new Set(Array.from({ length: r.int(0, 2) }, () => r.pick(termDays)))].sort((a, b) => a - b);
  const closures = closureDays.map((d) => ({ from: dateOf(d), to: dateOf(d), reason: r.pick(CLOSURE_REASONS) }));
  const id = flat(`${providerId}-s${pad(i, 4)}`);
  return {
    id,
    streamId: flat(`school-${id}`),
    name: flat(`${r.pick(PLACES)} ${r.pick(['Primary', 'Academy', 'School', 'Nursery', 'College'])}`),
    phase: schoolPhase(r),
    region: region(r),
    calendar: { terms: TERMS.map(([from, to]) => ({ from: dateOf(from), to: dateOf(to) })), closures },
    closures: new Set(closureDays),
    registeredOn: day('2024-05-01') + r.int(0, 40),
    mentors: [],
  };
};

/** The size of a provider's year: trainees, and a school per ten of them. */
export const TRAINEES_PER_PROVIDER = 2_000;

export const buildCast = (provider: number, seed: number, trainees = TRAINEES_PER_PROVIDER): Cast => {
  const providerId = flat(`prov${pad(provider, 3)}`);
  const schools = Array.from({ length: Math.max(1, Math.round(trainees / 10)) }, (_, i) => buildSchool(providerId, provider, i, seed));
  const mentors: Mentor[] = [];
  const newMentor = (school: School, registeredOn: Day, refresher: boolean): Mentor => {
    const index = mentors.length;
    const r = rng(seedFor(seed, provider, index, 2));
    const id = flat(`${providerId}-m${pad(index, 5)}`);
    const mentor: Mentor = { index, id, school, name: personName(r), registeredOn, refresher, sessions: [], placements: [], metadata: { actor: flat(`mentor:${id}`) } };
    mentors.push(mentor);
    school.mentors.push(mentor);
    return mentor;
  };
  const leadMentors = Array.from({ length: Math.ceil(schools.length / 10) }, (_, g): LeadMentor => {
    const group = schools.slice(g * 10, g * 10 + 10);
    const lead = { mentor: newMentor(group[0]!, day('2024-06-03'), true), schools: group };
    for (const school of group) school.leadMentor = lead;
    return lead;
  });
  const cast: Cast = { provider, providerId, seed, metadata: { actor: flat(`provider:${providerId}`) }, schools, mentors, leadMentors, trainees: [] };
  for (let i = 0; i < trainees; i++) cast.trainees.push(buildTrainee(cast, i, newMentor));
  for (const mentor of mentors) planTraining(cast, mentor);
  return cast;
};

const traineePhase = (phase: SchoolPhase) => (phase === 'all_through' ? 'secondary' : phase);

const buildTrainee = (cast: Cast, i: number, newMentor: (school: School, on: Day, refresher: boolean) => Mentor): Trainee => {
  const r = rng(seedFor(cast.seed, cast.provider, i, 3));
  const { schools, providerId } = cast;
  const first = schools[i % schools.length]!;
  const partTime = r.chance(0.08);
  const route: Route = {
    phase: traineePhase(first.phase),
    mode: partTime ? 'part_time' : 'full_time',
    fte: partTime ? r.pick([0.5, 0.6, 0.8]) : 1,
    programme: r.chance(0.85) ? 'postgraduate' : r.pick(['undergraduate', 'undergraduate_four_year'] as const),
  };
  const id = flat(`${providerId}-t${pad(i, 5)}`);
  const trainee: Trainee = { index: i, id, name: personName(r), route, registeredOn: day('2024-08-01') + r.int(0, 20), placements: [], metadata: { actor: flat(`trainee:${id}`) } };
  const jitter = r.int(0, 2);
  const place = (school: School, suffix: string, arrangedOn: Day, start: Day, end: Day, mentor: Mentor): Placement => {
    const placementId = flat(`${id}-${suffix}`);
    const placement: Placement = {
      id: placementId,
      streamId: flat(`placement-${placementId}`),
      trainee,
      school,
      mentor,
      ...(r.chance(0.04) ? { jobShare: newMentor(school, mentor.registeredOn, r.chance(0.3)) } : {}),
      arrangedOn,
      start,
      end,
    };
    trainee.placements.push(placement);
    return placement;
  };
  const autumnMentor = newMentor(first, day('2024-07-01') + r.int(0, 18), r.chance(0.3));
  const single = r.chance(0.5);
  const a = place(first, 'a', day('2024-09-02') + jitter, day('2024-09-16') + jitter, single ? day('2025-06-27') : day('2025-01-31'), autumnMentor);
  if (r.chance(0.015)) a.endedEarly = mondayOf(day('2024-10-07') + r.int(0, 60)) + 2;
  else if (!single) {
    const samePhase = schools.filter((s) => s !== first && traineePhase(s.phase) === route.phase);
    const second = samePhase.length > 0 ? r.pick(samePhase) : first;
    const free = second.mentors.filter((m) => m.placements.every((p) => p.end < day('2025-02-24')) && m !== second.leadMentor?.mentor);
    const mentor = free.length > 0 && r.chance(0.7) ? r.pick(free) : newMentor(second, day('2025-01-06') + r.int(0, 14), r.chance(0.3));
    place(second, 'b', day('2025-01-13') + jitter, day('2025-02-24') + jitter, day('2025-06-27'), mentor);
  }
  for (const placement of trainee.placements) {
    placement.mentor.placements.push(placement);
    placement.jobShare?.placements.push(placement);
    planChanges(r, placement, newMentor);
  }
  return trainee;
};

/** Mentor changes, pauses and extensions, each for a few placements; all before February, so training fits before claims. */
const planChanges = (r: Rng, placement: Placement, newMentor: (school: School, on: Day, refresher: boolean) => Mentor): void => {
  const last = placement.endedEarly ?? placement.end;
  const x = r.next();
  if (x < 0.05 && placement.jobShare === undefined) {
    const on = mondayOf(placement.start + r.int(21, 60));
    if (on < Math.min(last, day('2025-01-31'))) {
      const mentor = newMentor(placement.school, on - 7, r.chance(0.3));
      mentor.placements.push(placement);
      placement.change = { reason: x < 0.03 ? 'job_share_added' : 'mentor_withdrew', on, mentor };
    }
  }
  if (placement.endedEarly === undefined && r.chance(0.02)) {
    const from = mondayOf(placement.start + r.int(28, 70));
    if (from + 21 < last) placement.pause = { from, resumedOn: from + 14 };
  }
  if (placement.endedEarly === undefined && placement.end === day('2025-06-27') && r.chance(0.03)) placement.extendedTo = day('2025-07-11');
};

const SESSION_SHAPES: readonly (readonly [TrainingMode, number])[] = [
  ['full_day_conference', 360],
  ['synchronous_online_twilight', 120],
  ['asynchronous_self_paced', 90],
  ['placement_specific_support', 60],
];

/** Twenty hours of initial training, or six of refresher, between registration and the end of February. */
const planTraining = (cast: Cast, mentor: Mentor): void => {
  if (mentor.placements.length === 0) return;
  const r = rng(seedFor(cast.seed, cast.provider, mentor.index, 4));
  const target = mentor.refresher ? 360 : 1200;
  const from = mentor.registeredOn + 3;
  const to = day('2025-02-28');
  const days: Day[] = [];
  let minutes = 0;
  const shapes: (readonly [TrainingMode, number])[] = [];
  while (minutes < target) {
    const shape = mentor.refresher ? SESSION_SHAPES[1]! : r.pick(SESSION_SHAPES);
    shapes.push(shape);
    minutes += shape[1];
  }
  for (let k = 0; k < shapes.length; k++) days.push(from + r.int(0, Math.max(0, to - from)));
  days.sort((a, b) => a - b);
  shapes.forEach(([mode, length], k) => {
    const corrected = r.chance(0.03);
    mentor.sessions.push({
      id: flat(`${mentor.id}-ts${k}`),
      day: days[k]!,
      minutes: length,
      mode,
      ...(corrected ? { correctedMinutes: length - 30 } : {}),
      withdrawn: !corrected && r.chance(0.02),
    });
  });
};
