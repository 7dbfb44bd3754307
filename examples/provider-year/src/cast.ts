import type { LocalDate, Region, Route, SchoolPhase, TermCalendar } from '@itt-ledger/core';

/** A placement school: who it is, where (the region sets the funding rate), and its 2024/25 term dates. */
export interface SchoolCast {
  readonly schoolId: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly region: Region;
  readonly calendar: TermCalendar;
}

/** A trainee with the one placement of the autumn term and its school-based mentor. */
export interface TraineeCast {
  readonly traineeId: string;
  readonly name: string;
  readonly route: Route;
  readonly schoolId: string;
  readonly placementId: string;
  readonly mentorId: string;
}

const calendar = (autumn1: [LocalDate, LocalDate], autumn2: [LocalDate, LocalDate], closures: TermCalendar['closures'] = []): TermCalendar => ({
  terms: [
    { from: autumn1[0], to: autumn1[1] },
    { from: autumn2[0], to: autumn2[1] },
    { from: '2025-01-06', to: '2025-02-14' },
    { from: '2025-02-24', to: '2025-04-04' },
    { from: '2025-04-22', to: '2025-05-23' },
    { from: '2025-06-02', to: '2025-07-18' },
  ],
  closures,
});

const OAKFIELD: SchoolCast = {
  schoolId: 'school-oakfield',
  name: 'Oakfield Primary',
  phase: 'primary',
  region: 'rest_of_england',
  calendar: calendar(['2024-09-04', '2024-10-25'], ['2024-11-04', '2024-12-20'], [{ from: '2024-11-04', to: '2024-11-04', reason: 'INSET day' }]),
};
const RIVERSIDE: SchoolCast = {
  schoolId: 'school-riverside',
  name: 'Riverside Academy',
  phase: 'secondary',
  region: 'outer_london',
  calendar: calendar(['2024-09-03', '2024-10-18'], ['2024-10-28', '2024-12-19']),
};
const HAZEL: SchoolCast = {
  schoolId: 'school-hazel',
  name: 'Hazel Lane Primary',
  phase: 'primary',
  region: 'fringe',
  calendar: calendar(['2024-09-04', '2024-10-25'], ['2024-11-04', '2024-12-20']),
};

const fullTime = (phase: Route['phase']): Route => ({ phase, mode: 'full_time', fte: 1, programme: 'postgraduate' });

const trainee = (key: string, name: string, route: Route, school: SchoolCast, mentorId: string): TraineeCast => ({
  traineeId: `trainee-${key}`,
  name,
  route,
  schoolId: school.schoolId,
  placementId: `placement-${key}-${school.schoolId.replace('school-', '')}`,
  mentorId,
});

/**
 * Everyone in the provider's year, with fixed ids so that every run writes the same bytes. The mentors
 * funded are the mentors of the placements: Amara (Ada's) and Tom (Ben's), both at Oakfield.
 */
export const PROVIDER_YEAR = Object.freeze({
  providerId: 'provider-nene-valley',
  academicYear: '2024/25',
  /** The event store's id generator is `seededIds(seed)`. */
  seed: 20240902,
  /** Where the clock starts; each step then sets it to the instant the step was recorded. */
  clockStart: '2024-07-01T08:00:00.000Z',
  /** The autumn placement, the same dates for every trainee. */
  placement: { startDate: '2024-09-09', endDate: '2024-12-13' },
  /** The day the year is reported on: the end of the summer term, after the claim is paid. */
  today: '2025-07-18',
  /** The instant the export is written, that evening: the export's header names it. */
  exportedAt: '2025-07-18T17:00:00.000Z',
  /** A Wednesday of the autumn term: "who is behind this week", as the provider knew it that evening. */
  weekInView: '2024-11-27',
  schools: { oakfield: OAKFIELD, riverside: RIVERSIDE, hazel: HAZEL },
  mentors: {
    amara: { mentorId: 'mentor-amara', name: 'Amara Okafor', schoolId: OAKFIELD.schoolId },
    tom: { mentorId: 'mentor-tom', name: 'Tom Hughes', schoolId: OAKFIELD.schoolId },
    sam: { mentorId: 'mentor-sam', name: 'Sam Reid', schoolId: RIVERSIDE.schoolId },
    priya: { mentorId: 'mentor-priya', name: 'Priya Shah', schoolId: RIVERSIDE.schoolId },
    olu: { mentorId: 'mentor-olu', name: 'Olu Adeyemi', schoolId: HAZEL.schoolId },
    natalie: { mentorId: 'mentor-natalie', name: 'Natalie Blott', schoolId: OAKFIELD.schoolId },
  },
  /** The lead mentor (a role a mentor holds) who joins the review points and owns the plan. */
  leadMentorId: 'mentor-natalie',
  /** The member of the provider's ITT leadership team a recovery plan is agreed with. */
  leadershipId: 'itt-lead-jo',
  trainees: {
    ada: trainee('ada', 'Ada Lovell', fullTime('primary'), OAKFIELD, 'mentor-amara'),
    ben: trainee('ben', 'Ben Carter', { phase: 'primary', mode: 'part_time', fte: 0.6, programme: 'postgraduate' }, OAKFIELD, 'mentor-tom'),
    cat: trainee('cat', 'Cat Nowak', fullTime('secondary'), RIVERSIDE, 'mentor-sam'),
    dan: trainee('dan', 'Dan Mensah', fullTime('secondary'), RIVERSIDE, 'mentor-priya'),
    eve: trainee('eve', 'Eve Turner', fullTime('primary'), HAZEL, 'mentor-olu'),
    fin: trainee('fin', 'Fin Walsh', fullTime('primary'), HAZEL, 'mentor-olu'),
  },
  /** Dan is found not on track at the development review point; his recovery plan opens, is reviewed and closes. */
  irpTraineeKey: 'dan',
  irpId: 'irp-dan-1',
  claimId: 'claim-oakfield-2024-25',
} as const);

export type TraineeKey = keyof typeof PROVIDER_YEAR.trainees;
export const TRAINEE_KEYS = Object.keys(PROVIDER_YEAR.trainees) as readonly TraineeKey[];
