import { addDays, weeksBetween, type LocalDate, type PlacementCommands, type StreamPlacementCommand } from '@itt-ledger/core';
import { PROVIDER_YEAR, TRAINEE_KEYS, type SchoolCast, type TraineeKey } from './cast.js';
import type { Schedule } from './schedule.js';

/** A trainee's weekly meeting: days after Monday, minutes; and the weeks that went otherwise. */
interface MeetingPattern {
  readonly dayAfterMonday: number;
  readonly minutes: number;
  readonly weeks?: Readonly<Record<LocalDate, { readonly dayAfterMonday?: number; readonly minutes?: number; readonly enteredOn?: LocalDate }>>;
}

// Ada and Eve always get their 90 minutes; Ben (part time, 54 a week) is short once; Cat is short two
// weeks in a row in November, which raises the action flag; Fin's records hold a correction and a
// withdrawal; one of Eve's meetings is entered a week after it was held.
const MEETINGS: Readonly<Record<TraineeKey, MeetingPattern>> = {
  ada: { dayAfterMonday: 1, minutes: 90 },
  ben: { dayAfterMonday: 3, minutes: 60, weeks: { '2024-10-14': { minutes: 30 } } },
  cat: { dayAfterMonday: 1, minutes: 90, weeks: { '2024-11-11': { minutes: 60 }, '2024-11-18': { minutes: 45 }, '2024-11-25': { dayAfterMonday: 3 } } },
  dan: { dayAfterMonday: 1, minutes: 90 },
  eve: { dayAfterMonday: 2, minutes: 90, weeks: { '2024-09-30': { enteredOn: '2024-10-09' } } },
  fin: { dayAfterMonday: 3, minutes: 90, weeks: { '2024-09-23': { minutes: 45 } } },
};

/** The placement's weeks with at least one term day at its school: no meeting in a half-term week. */
const termWeeks = (school: SchoolCast): LocalDate[] => {
  const { startDate, endDate } = PROVIDER_YEAR.placement;
  return weeksBetween(startDate, endDate).filter((monday) => school.calendar.terms.some((term) => term.from <= addDays(monday, 4) && term.to >= monday));
};

/**
 * Schools and their calendars, trainees, one autumn placement each, and a term of weekly mentor meetings,
 * sent through `placementCommands` (so every check of the placement rules applies).
 */
export const schedulePlacements = (schedule: Schedule, places: PlacementCommands): void => {
  const { providerId, academicYear, schools, trainees, placement } = PROVIDER_YEAR;
  const send = (command: StreamPlacementCommand) => (options: Parameters<PlacementCommands['placement']>[1]) => places.placement(command, options);

  for (const school of Object.values(schools)) {
    const { schoolId, name, phase, region, calendar } = school;
    schedule.on('2024-07-15', (o) => places.school({ type: 'RegisterSchool', schoolId, providerId, name, phase, region }, o));
    schedule.on('2024-07-15', (o) => places.school({ type: 'PublishSchoolCalendar', schoolId, academicYear, ...calendar }, o));
  }
  for (const key of TRAINEE_KEYS) {
    const { traineeId, name, route, schoolId, placementId, mentorId } = trainees[key];
    schedule.on('2024-09-02', (o) => places.trainee({ type: 'RegisterTrainee', traineeId, providerId, name, academicYear, route }, o));
    schedule.on('2024-09-03', (o) => places.arrange({ placementId, traineeId, schoolId, providerId, academicYear, mentorId, ...placement }, o));

    const pattern = MEETINGS[key];
    const school = Object.values(schools).find((s) => s.schoolId === schoolId)!;
    for (const monday of termWeeks(school)) {
      const week = pattern.weeks?.[monday] ?? {};
      const date = addDays(monday, week.dayAfterMonday ?? pattern.dayAfterMonday);
      const meeting = { type: 'RecordMentorMeeting', placementId, recordId: `${key}-${date}`, mentorId, date, minutes: week.minutes ?? pattern.minutes } as const;
      const present = [{ role: 'trainee' as const, personId: traineeId }, { role: 'mentor' as const, personId: mentorId }];
      schedule.on(date, send({ ...meeting, present, targetsDiscussed: ['the week’s focus from the last lesson observed'] }), week.enteredOn);
    }
    schedule.on(placement.endDate, send({ type: 'CompletePlacement', placementId, completedOn: placement.endDate }));
  }

  // Dan's recovery plan adds weekly instructional coaching from his mentor.
  const dan = trainees.dan;
  for (const date of ['2024-11-28', '2024-12-05', '2024-12-12']) {
    schedule.on(date, send({ type: 'RecordMentoringContact', placementId: dan.placementId, recordId: `dan-coaching-${date}`, mentorId: dan.mentorId, date, minutes: 30, kind: 'instructional_coaching' }));
  }
  // Fin's meeting of 26 September was entered as 45 minutes; the mentor's notes say 90. A meeting of
  // 10 October was entered twice; the copy is withdrawn. Neither original is edited or deleted.
  const fin = trainees.fin;
  schedule.on('2024-09-27', send({ type: 'CorrectMentoringRecord', placementId: fin.placementId, recordId: 'fin-2024-09-26', date: '2024-09-26', minutes: 90, reason: 'the mentor’s notes say 90 minutes' }));
  const copy = { type: 'RecordMentorMeeting', placementId: fin.placementId, recordId: 'fin-2024-10-10-copy', mentorId: fin.mentorId, date: '2024-10-10', minutes: 90 } as const;
  schedule.on('2024-10-10', send({ ...copy, present: [{ role: 'trainee' }, { role: 'mentor' }], targetsDiscussed: [] }));
  schedule.on('2024-10-11', send({ type: 'WithdrawMentoringRecord', placementId: fin.placementId, recordId: copy.recordId, reason: 'entered twice' }));

  const { ada, eve } = trainees;
  schedule.refused('2024-10-16', `a coaching record of 600 minutes for ${eve.traineeId}`, send({ type: 'RecordMentoringContact', placementId: eve.placementId, recordId: 'eve-typo', mentorId: eve.mentorId, date: '2024-10-16', minutes: 600, kind: 'instructional_coaching' }));
  schedule.refused('2024-12-16', `a meeting for ${ada.traineeId} after her placement was completed`, send({ type: 'RecordMentorMeeting', placementId: ada.placementId, recordId: 'ada-2024-12-16', mentorId: ada.mentorId, date: '2024-12-16', minutes: 60, present: [{ role: 'trainee' }], targetsDiscussed: [] }));
};
