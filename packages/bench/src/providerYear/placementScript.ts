import { CONTACT_KINDS } from '@itt-ledger/core';
import type { Cast, Mentor, Placement } from './cast.js';
import { YEAR, dateOf, day, inTerm, mondayOf, type Day } from './dates.js';
import { byDay, eventOn, flat, type Generated } from './emit.js';
import { rng, seedFor, type Rng } from './random.js';

const TARGET_PHRASES = ['questioning', 'behaviour routines', 'adaptive teaching', 'modelling', 'checking for understanding', 'phonics', 'subject knowledge', 'pace'];
const REFLECTIONS = ['Questioning went better this week.', 'I need to plan transitions.', 'Used the feedback on modelling.', 'Behaviour routines are embedding.'];
const MEETING_MINUTES = [90, 90, 90, 90, 90, 90, 90, 120, 120, 60, 75];

/** The last day the trainee is on the placement. */
export const lastDayOf = (p: Placement): Day => p.endedEarly ?? p.extendedTo ?? p.end;

/** The mentor who holds the placement on a day (the replacement, after a mentor withdrew). */
export const mentorOn = (p: Placement, d: Day): Mentor => (p.change?.reason === 'mentor_withdrew' && d >= p.change.on ? p.change.mentor : p.mentor);

/** Weekdays of a week on which the trainee is in school: in the placement, in term, not a closure, not paused. */
export const openDays = (p: Placement, monday: Day): Day[] => {
  const days: Day[] = [];
  const last = lastDayOf(p);
  for (let d = Math.max(monday, p.start); d <= Math.min(monday + 4, last); d++) {
    if (!inTerm(d) || p.school.closures.has(d)) continue;
    if (p.pause !== undefined && d >= p.pause.from && d < p.pause.resumedOn) continue;
    days.push(d);
  }
  return days;
};

/**
 * One placement's stream: its arrangement and lifecycle, and a week at a time the trainee's weekly
 * meeting (most weeks, some short), other mentoring contacts, and the odd record corrected or withdrawn.
 */
export function* placementScript(cast: Cast, p: Placement, n: number): Generator<Generated> {
  const r = rng(seedFor(cast.seed, cast.provider, p.trainee.index * 4 + n, 5));
  const { streamId } = p;
  const traineeId = p.trainee.id;
  const lifecycle = cast.metadata;
  yield eventOn(p.arrangedOn, 600, streamId, lifecycle, 'PlacementArranged', {
    placementId: p.id,
    traineeId,
    schoolId: p.school.id,
    providerId: cast.providerId,
    academicYear: YEAR,
    mentorId: p.mentor.id,
    ...(p.jobShare ? { jobShareMentorId: p.jobShare.id } : {}),
    startDate: dateOf(p.start),
    endDate: dateOf(p.end),
  });
  let records = 0;
  const last = lastDayOf(p);
  for (let monday = mondayOf(p.start); monday <= last; monday += 7) {
    const week: Generated[] = [];
    if (p.change !== undefined && p.change.on === monday) {
      const { reason, on, mentor } = p.change;
      week.push(eventOn(on, 480, streamId, lifecycle, 'PlacementMentorChanged', { placementId: p.id, mentorId: mentor.id, previousMentorId: p.mentor.id, effectiveFrom: dateOf(on), reason }));
    }
    if (p.pause?.from === monday) week.push(eventOn(monday, 470, streamId, lifecycle, 'PlacementPaused', { placementId: p.id, pausedFrom: dateOf(monday), reason: 'trainee_absence' }));
    if (p.pause?.resumedOn === monday) week.push(eventOn(monday, 470, streamId, lifecycle, 'PlacementResumed', { placementId: p.id, resumedOn: dateOf(monday) }));
    if (p.extendedTo !== undefined && monday === mondayOf(day('2025-06-16'))) {
      week.push(eventOn(monday, 475, streamId, lifecycle, 'PlacementExtended', { placementId: p.id, previousEndDate: dateOf(p.end), endDate: dateOf(p.extendedTo), reason: 'time lost to absence' }));
    }
    const open = openDays(p, monday);
    if (open.length > 0) records = weekOfRecords(r, p, open, monday, records, week);
    yield* byDay(week);
  }
  if (p.endedEarly !== undefined) {
    yield eventOn(p.endedEarly, 1000, streamId, lifecycle, 'PlacementEndedEarly', { placementId: p.id, lastDay: dateOf(p.endedEarly), reason: 'trainee_withdrew' });
  } else {
    yield eventOn(last, 1020, streamId, lifecycle, 'PlacementCompleted', { placementId: p.id, completedOn: dateOf(last) });
  }
}

/** A week's mentoring records, with corrections and withdrawals in the same week; returns the record count. */
const weekOfRecords = (r: Rng, p: Placement, open: Day[], monday: Day, count: number, out: Generated[]): number => {
  const { streamId } = p;
  const traineeId = p.trainee.id;
  const held: { recordId: string; day: Day }[] = [];
  if (r.chance(0.95)) {
    const d = open[Math.min(open.length - 1, 2)]!;
    const mentor = mentorOn(p, d);
    const recordId = flat(`${p.id}-r${count++}`);
    const recordedOn = r.chance(0.1) ? Math.min(d + r.int(1, 3), monday + 6, lastDayOf(p)) : d;
    const reflection = r.chance(0.3) ? { reflection: r.pick(REFLECTIONS) } : {};
    out.push(
      eventOn(d, 930, streamId, p.trainee.metadata, 'MentorMeetingRecorded', {
        placementId: p.id,
        recordId,
        traineeId,
        mentorId: mentor.id,
        date: dateOf(d),
        minutes: r.pick(MEETING_MINUTES),
        present: [{ role: 'trainee', personId: traineeId }, { role: 'mentor', personId: mentor.id }],
        targetsDiscussed: r.chance(0.5) ? [r.pick(TARGET_PHRASES)] : [r.pick(TARGET_PHRASES), r.pick(TARGET_PHRASES)],
        ...reflection,
      }, recordedOn),
    );
    held.push({ recordId, day: recordedOn });
  }
  if (r.chance(0.2)) {
    const d = open[0]!;
    const mentor = mentorOn(p, d);
    const recordId = flat(`${p.id}-r${count++}`);
    out.push(
      eventOn(d, 810, streamId, mentor.metadata, 'MentoringContactRecorded', {
        placementId: p.id,
        recordId,
        traineeId,
        mentorId: mentor.id,
        date: dateOf(d),
        minutes: r.pick([30, 45, 60]),
        kind: r.pick(CONTACT_KINDS),
        ...(r.chance(0.2) ? { note: 'Co-planned the next sequence of lessons.' } : {}),
      }),
    );
    held.push({ recordId, day: d });
  }
  for (const { recordId, day: recordedOn } of held) {
    const x = r.next();
    if (x >= 0.04) continue;
    const on = Math.min(recordedOn + 1, monday + 6, lastDayOf(p));
    if (x < 0.03) {
      out.push(eventOn(on, 540, streamId, p.trainee.metadata, 'MentoringRecordCorrected', { placementId: p.id, recordId, traineeId, date: dateOf(open[0]!), minutes: r.pick([45, 60, 90]), reason: 'wrong length entered' }));
    } else {
      out.push(eventOn(on, 540, streamId, p.trainee.metadata, 'MentoringRecordWithdrawn', { placementId: p.id, recordId, traineeId, reason: 'logged twice' }));
    }
  }
  return count;
};
