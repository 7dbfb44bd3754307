import { QA_ANSWERS, irpStreamId, leadMentorQaStreamId, reviewPointStreamId, standardRuleBook, targetStreamId, welfareStreamId, type QaAnswers, type TargetSpec } from '@itt-ledger/core';
import type { Cast, Mentor, Placement, Trainee } from './cast.js';
import { YEAR, dateOf, day, inTerm, type Day } from './dates.js';
import { byDay, eventOn, flat, type Generated, type Script } from './emit.js';
import { lastDayOf, mentorOn } from './placementScript.js';
import { rng, seedFor, type Rng } from './random.js';

const rules = standardRuleBook.ruleSetFor(YEAR);
const STAGES = rules.reviewPoints.defaultStages.value;
const FIRST_IRP_REVIEW = rules.recoveryPlans.firstReviewAfterDays.value;
/** Targets fall due well inside the rule set's longest term. */
const TARGET_DAYS = Math.min(28, rules.reviewPoints.targetLongestTermDays.value);

const AREAS = ['behaviour management', 'planning', 'subject knowledge', 'assessment', 'adaptive teaching', 'professional conduct'];
const FOCUSES = ['questioning in maths', 'phonics lesson', 'transitions', 'modelling in science', 'feedback to pupils'];
/** The Monday of the week each stage falls due in, for trainees with one placement and with two. */
const STAGE_WEEKS: readonly (readonly [Day, Day])[] = [
  [day('2024-11-11'), day('2024-11-11')],
  [day('2025-02-03'), day('2025-03-10')],
  [day('2025-06-09'), day('2025-06-09')],
];
/** How likely a trainee is found not on track, by stage. */
const NOT_ON_TRACK = [0.04, 0.08, 0.03];

const answers = (r: Rng): QaAnswers => ({
  assessmentsAccurate: r.chance(0.9) ? 'yes' : r.pick(QA_ANSWERS),
  instructionalCoachingQuality: r.chance(0.8) ? 'yes' : r.pick(QA_ANSWERS),
  entitlementReceived: r.chance(0.85) ? 'yes' : r.pick(QA_ANSWERS),
  meetingRecordsKept: r.chance(0.9) ? 'yes' : r.pick(QA_ANSWERS),
  targetsShortTermAndAchievable: r.chance(0.85) ? 'yes' : r.pick(QA_ANSWERS),
});

const placementOn = (t: Trainee, d: Day): Placement | undefined => t.placements.find((p) => p.start <= d && d <= lastDayOf(p));

/**
 * One trainee's review point at one stage, and what follows from it: the joint observation before it,
 * the meeting (or its being missed), the targets set there and their reviews, the lead mentor's QA form,
 * and for a trainee not on track, sometimes an Individual Recovery Plan. An episode runs about two months.
 */
export const reviewPointEpisode = (cast: Cast, t: Trainee, stage: number): Script | undefined => {
  const r = rng(seedFor(cast.seed, cast.provider, t.index * 4 + stage, 6));
  const monday = STAGE_WEEKS[stage]![t.placements.length > 1 ? 1 : 0];
  let due = monday + r.int(0, 4);
  while (!inTerm(due)) due++;
  const p = placementOn(t, due);
  if (p === undefined || p.school.closures.has(due)) return undefined;
  const last = lastDayOf(p);
  const start = due - 21;
  return { start, run: () => byDay(episode(cast, r, t, p, stage, due, last))[Symbol.iterator]() };
};

const episode = (cast: Cast, r: Rng, t: Trainee, p: Placement, stage: number, due: Day, last: Day): Generated[] => {
  const out: Generated[] = [];
  const reviewPointId = flat(`${t.id}-rp${stage}`);
  const rpStream = flat(reviewPointStreamId(reviewPointId));
  const lead = p.school.leadMentor!.mentor;
  const where = { traineeId: t.id, placementId: p.id, schoolId: p.school.id };
  const mentor = mentorOn(p, due);
  const provider = cast.metadata;
  out.push(
    eventOn(due - 21, 540, rpStream, provider, 'ReviewPointScheduled', {
      reviewPointId,
      ...where,
      providerId: cast.providerId,
      academicYear: YEAR,
      stage: STAGES[stage]!,
      dueDate: dateOf(due),
      mentorId: mentor.id,
      leadMentorId: lead.id,
      leadMentorRequired: true,
    }),
  );
  const qaStream = flat(leadMentorQaStreamId(p.id));
  if (r.chance(0.9) && due - 12 >= p.start) {
    const observed = due - r.int(5, 12);
    const observationId = flat(`${reviewPointId}-jo`);
    out.push(
      eventOn(observed, 660, qaStream, lead.metadata, 'JointObservationRecorded', {
        observationId,
        ...where,
        leadMentorId: lead.id,
        mentorId: mentorOn(p, observed).id,
        date: dateOf(observed),
        focus: r.pick(FOCUSES),
        feedbackForTrainee: 'Clear modelling; check understanding before moving on.',
        feedbackForMentor: 'Precise target set; follow up at the next meeting.',
        reviewPointId,
      }),
    );
    if (r.chance(0.02)) out.push(eventOn(observed + 1, 600, qaStream, lead.metadata, 'JointObservationWithdrawn', { observationId, ...where, reason: 'recorded against the wrong trainee' }));
  }
  if (r.chance(0.1)) {
    out.push(eventOn(due - 7, 600, rpStream, provider, 'ReviewPointRescheduled', { reviewPointId, traineeId: t.id, schoolId: p.school.id, previousDueDate: dateOf(due), dueDate: dateOf(due + 7), reason: 'mentor on a course' }));
    due += 7;
  }
  if (due > last || r.chance(0.02)) {
    out.push(eventOn(Math.min(due, last) + 14, 600, rpStream, provider, 'ReviewPointMissed', { reviewPointId, traineeId: t.id, schoolId: p.school.id, recordedOn: dateOf(Math.min(due, last) + 14), reason: due > last ? 'placement_ended' : 'trainee_absent' }));
    return out;
  }
  const held = due + (r.chance(0.1) ? r.int(1, 3) : 0);
  const heldBy = mentorOn(p, held);
  const notOnTrack = r.chance(NOT_ON_TRACK[stage]!);
  const concerns = notOnTrack ? [...new Set([r.pick(AREAS), r.pick(AREAS)])] : [];
  out.push(eventOn(held, 900, rpStream, heldBy.metadata, 'ReviewPointHeld', { reviewPointId, ...where, heldOn: dateOf(held), heldBy: heldBy.id, leadMentorId: lead.id, outcome: notOnTrack ? 'not_on_track' : 'on_track', areasOfConcern: concerns }));
  if (r.chance(0.02)) {
    out.push(eventOn(held + 7, 600, rpStream, provider, 'ReviewPointOutcomeCorrected', { reviewPointId, traineeId: t.id, schoolId: p.school.id, outcome: notOnTrack ? 'on_track' : 'not_on_track', areasOfConcern: notOnTrack ? [] : [r.pick(AREAS)], reason: 'outcome entered in error' }));
  }
  for (let k = 0; k < 2; k++) targetEpisode(r, out, flat(`${reviewPointId}-tg${k}`), where, held, heldBy, reviewPointId);
  const completed = held + r.int(1, 5);
  out.push(eventOn(completed, 960, qaStream, lead.metadata, 'LeadMentorQaFormCompleted', { reviewPointId, ...where, leadMentorId: lead.id, mentorId: heldBy.id, completedOn: dateOf(completed), answers: answers(r), ...(r.chance(0.3) ? { nextStepsForMentor: 'Keep targets to one step.' } : {}) }));
  if (r.chance(0.05)) {
    out.push(eventOn(completed + 7, 600, qaStream, lead.metadata, 'LeadMentorQaFormAmended', { reviewPointId, ...where, mentorId: heldBy.id, amendedOn: dateOf(completed + 7), answers: answers(r), reason: 'answered for the wrong review point' }));
  }
  if (notOnTrack && stage < 2 && r.chance(0.6)) recoveryPlan(cast, r, out, t, p, reviewPointId, held + r.int(3, 7), concerns);
  return out;
};

const targetEpisode = (r: Rng, out: Generated[], targetId: string, where: { traineeId: string; placementId: string; schoolId: string }, setOn: Day, mentor: Mentor, reviewPointId: string): void => {
  const stream = flat(targetStreamId(targetId));
  const meta = mentor.metadata;
  const setBy = mentor.id;
  out.push(eventOn(setOn, 920, stream, meta, 'TargetSet', { targetId, description: 'Check understanding before moving on', area: r.pick(AREAS), dueDate: dateOf(setOn + TARGET_DAYS), ...where, setOn: dateOf(setOn), setBy, reviewPointId }));
  if (r.chance(0.03)) {
    out.push(eventOn(setOn + 3, 600, stream, meta, 'TargetWithdrawn', { targetId, ...where, withdrawnOn: dateOf(setOn + 3), reason: 'set for the wrong trainee' }));
    return;
  }
  let reviewed = setOn + TARGET_DAYS;
  const comment = r.chance(0.3) ? { comment: 'Good progress.' } : {};
  const x = r.next();
  if (x < 0.2) {
    out.push(eventOn(reviewed, 930, stream, meta, 'TargetReviewed', { targetId, verdict: 'partly_met', nextDueDate: dateOf(reviewed + 21), ...where, reviewedOn: dateOf(reviewed), reviewedBy: setBy, ...comment }));
    reviewed += 21;
  }
  const verdict = x < 0.2 ? (r.chance(0.8) ? 'met' : 'not_met') : x < 0.9 ? 'met' : 'not_met';
  out.push(eventOn(reviewed, 930, stream, meta, 'TargetReviewed', { targetId, verdict, ...where, reviewedOn: dateOf(reviewed), reviewedBy: setBy }));
};

/** A plan agreed with the provider's leadership, reviewed after the rule set's days, sometimes extended, then closed. */
const recoveryPlan = (cast: Cast, r: Rng, out: Generated[], t: Trainee, p: Placement, reviewPointId: string, opened: Day, concerns: string[]): void => {
  const irpId = flat(`${reviewPointId}-irp`);
  const stream = flat(irpStreamId(t.id));
  const lead = p.school.leadMentor!.mentor;
  const meta = lead.metadata;
  const spec = (k: number): TargetSpec => ({ targetId: flat(`${irpId}-t${k}`), description: 'Plan each lesson with a clear check for understanding', area: concerns[k % concerns.length]!, dueDate: dateOf(opened + 2 * FIRST_IRP_REVIEW) });
  const first = opened + FIRST_IRP_REVIEW;
  const second = first + FIRST_IRP_REVIEW;
  out.push(
    eventOn(opened, 840, stream, meta, 'IndividualRecoveryPlanOpened', {
      irpId,
      traineeId: t.id,
      placementId: p.id,
      schoolId: p.school.id,
      providerId: cast.providerId,
      openedOn: dateOf(opened),
      leadMentorId: lead.id,
      agreedWith: flat(`${cast.providerId}-itt-lead`),
      ownerId: lead.id,
      reviewPointId,
      concerns,
      targets: [spec(0), spec(1)],
      supportActions: [{ description: 'Weekly coaching on planning with the lead mentor', providedBy: lead.id }],
      reviewDates: [dateOf(first), dateOf(second)],
    }),
  );
  out.push(eventOn(first, 840, stream, meta, 'IndividualRecoveryPlanReviewed', { irpId, traineeId: t.id, reviewedOn: dateOf(first), reviewedBy: lead.id, targetReviews: [{ targetId: spec(0).targetId, verdict: 'met' }], targetsAdded: [] }));
  let closing = second;
  if (r.chance(0.2)) {
    out.push(eventOn(second, 840, stream, meta, 'IndividualRecoveryPlanReviewed', { irpId, traineeId: t.id, reviewedOn: dateOf(second), reviewedBy: lead.id, targetReviews: [{ targetId: spec(1).targetId, verdict: 'partly_met', nextDueDate: dateOf(second + FIRST_IRP_REVIEW) }], targetsAdded: [] }));
    out.push(eventOn(second, 850, stream, meta, 'IndividualRecoveryPlanExtended', { irpId, traineeId: t.id, extendedOn: dateOf(second), reviewDates: [dateOf(second + FIRST_IRP_REVIEW)], reason: 'a further two weeks agreed' }));
    closing = second + FIRST_IRP_REVIEW;
  }
  const succeeded = r.chance(0.75);
  out.push(eventOn(closing, 840, stream, meta, 'IndividualRecoveryPlanReviewed', { irpId, traineeId: t.id, reviewedOn: dateOf(closing), reviewedBy: lead.id, targetReviews: [{ targetId: spec(1).targetId, verdict: succeeded ? 'met' : 'not_met' }], targetsAdded: [] }));
  out.push(eventOn(closing, 850, stream, meta, 'IndividualRecoveryPlanClosed', { irpId, traineeId: t.id, closedOn: dateOf(closing), closedBy: lead.id, outcome: succeeded ? 'succeeded' : 'escalated', ...(succeeded ? {} : { escalatedTo: r.pick(['resit', 'placement_failed'] as const) }) }));
};

/** A welfare concern noted and, some weeks later, closed: for a few trainees. */
export const welfareEpisode = (cast: Cast, t: Trainee): Script | undefined => {
  const r = rng(seedFor(cast.seed, cast.provider, t.index, 7));
  if (!r.chance(0.03)) return undefined;
  const p = t.placements[0]!;
  const noted = p.start + r.int(14, 60);
  const closed = noted + r.int(21, 42);
  const lead = p.school.leadMentor!.mentor;
  const stream = flat(welfareStreamId(t.id));
  const concernId = flat(`${t.id}-wc0`);
  const events = () => [
    eventOn(noted, 720, stream, lead.metadata, 'WelfareConcernRecorded', { concernId, traineeId: t.id, notedOn: dateOf(noted), notedBy: lead.id, note: 'Trainee reports a health condition affecting attendance.', supportOffered: 'Referred to the wellbeing service.' }),
    eventOn(closed, 720, stream, lead.metadata, 'WelfareConcernClosed', { concernId, traineeId: t.id, closedOn: dateOf(closed), closedBy: lead.id }),
  ];
  return { start: noted, run: () => events()[Symbol.iterator]() };
};
