import { schoolStreamId, traineeStreamId } from '@itt-ledger/core';
import type { Cast, School, Trainee } from './cast.js';
import { YEAR } from './dates.js';
import { eventOn, flat, type Generated, type Script } from './emit.js';

function* schoolRecord(cast: Cast, school: School): Generator<Generated> {
  const stream = flat(schoolStreamId(school.id));
  yield eventOn(school.registeredOn, 540, stream, cast.metadata, 'SchoolRegistered', {
    schoolId: school.id,
    providerId: cast.providerId,
    name: school.name,
    phase: school.phase,
    region: school.region,
  });
  yield eventOn(school.registeredOn + 20, 540, stream, cast.metadata, 'SchoolCalendarPublished', { schoolId: school.id, academicYear: YEAR, ...school.calendar });
}

/** Each school's registration and calendar, and each trainee's registration. */
export const registrationScripts = (cast: Cast): Script[] => [
  ...cast.schools.map((school): Script => ({ start: school.registeredOn, run: () => schoolRecord(cast, school) })),
  ...cast.trainees.map(
    (t: Trainee): Script => ({
      start: t.registeredOn,
      run: () =>
        [
          eventOn(t.registeredOn, 545, flat(traineeStreamId(t.id)), cast.metadata, 'TraineeRegistered', {
            traineeId: t.id,
            providerId: cast.providerId,
            name: t.name,
            academicYear: YEAR,
            route: t.route,
          }),
        ][Symbol.iterator](),
    }),
  ),
];
