import { CHECK_IN_MODES, leadMentorStreamId } from '@itt-ledger/core';
import type { Cast, LeadMentor, Placement } from './cast.js';
import { dateOf, day, mondayOf, type Day } from './dates.js';
import { byDay, eventOn, flat, type Generated, type Script } from './emit.js';
import { lastDayOf, mentorOn, openDays } from './placementScript.js';
import { rng, seedFor } from './random.js';

/**
 * A lead mentor's year: appointed, assigned ten schools, then week by week a check-in with each trainee on
 * placement there about every five weeks and with each mentor about every eight, and a supervision of each
 * school's mentors about once a month.
 */
function* leadMentorYear(cast: Cast, lead: LeadMentor, index: number): Generator<Generated> {
  const r = rng(seedFor(cast.seed, cast.provider, index, 11));
  const leadMentorId = lead.mentor.id;
  const stream = flat(leadMentorStreamId(leadMentorId));
  const meta = lead.mentor.metadata;
  const appointed = day('2024-06-10');
  yield eventOn(appointed, 600, stream, cast.metadata, 'LeadMentorAppointed', { leadMentorId, providerId: cast.providerId, appointedOn: dateOf(appointed) });
  for (const school of lead.schools) yield eventOn(appointed + 1, 600, stream, cast.metadata, 'LeadMentorSchoolAssigned', { leadMentorId, schoolId: school.id, from: '2024-09-01' });
  const schoolIds = new Set(lead.schools.map((school) => school.id));
  const placements: Placement[] = cast.trainees.flatMap((t) => t.placements.filter((p) => schoolIds.has(p.school.id)));
  let checkIns = 0;
  let supervisions = 0;
  for (let monday = mondayOf(day('2024-09-16')), w = 0; monday <= day('2025-07-11'); monday += 7, w++) {
    const week: Generated[] = [];
    const mentorsBySchool = new Map<string, Set<string>>();
    for (const p of placements) {
      if (p.start > monday + 4 || lastDayOf(p) < monday) continue;
      const open = openDays(p, monday);
      if (open.length === 0) continue;
      const d = open[open.length - 1]!;
      const mentor = mentorOn(p, d);
      mentorsBySchool.set(p.school.id, (mentorsBySchool.get(p.school.id) ?? new Set()).add(mentor.id));
      const checkIn = (subject: 'mentor' | 'trainee', subjectId: string) => {
        const checkInId = flat(`${leadMentorId}-ci${checkIns++}`);
        week.push(
          eventOn(d, 780, stream, meta, 'LeadMentorCheckInRecorded', {
            checkInId,
            leadMentorId,
            schoolId: p.school.id,
            subject,
            subjectId,
            date: dateOf(d),
            mode: r.pick(CHECK_IN_MODES),
            ...(r.chance(0.2) ? { note: 'Settling in well; workload discussed.' } : {}),
          }),
        );
        if (r.chance(0.01)) week.push(eventOn(d + 1, 600, stream, meta, 'LeadMentorCheckInWithdrawn', { checkInId, leadMentorId, reason: 'recorded against the wrong person' }));
      };
      if ((w + p.trainee.index) % 5 === 0) checkIn('trainee', p.trainee.id);
      if ((w + mentor.index) % 8 === 0) checkIn('mentor', mentor.id);
    }
    lead.schools.forEach((school, k) => {
      const mentorIds = mentorsBySchool.get(school.id);
      if (mentorIds === undefined || (w + k) % 4 !== 0) return;
      const d: Day = monday + 3;
      week.push(
        eventOn(d, 960, stream, meta, 'LeadMentorSupervisionRecorded', {
          supervisionId: flat(`${leadMentorId}-sv${supervisions++}`),
          leadMentorId,
          kind: 'supervision',
          mentorIds: [...mentorIds],
          schoolId: school.id,
          date: dateOf(d),
          minutes: 60,
          focus: 'setting precise targets',
        }),
      );
    });
    yield* byDay(week);
  }
}

export const leadMentorScripts = (cast: Cast): Script[] =>
  cast.leadMentors.map((lead, index) => ({ start: day('2024-06-10'), run: () => leadMentorYear(cast, lead, index) }));
