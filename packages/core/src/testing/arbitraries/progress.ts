import fc from 'fast-check';
import { addDays, type LocalDate } from '../../calendar/localDate.js';
import { QA_ANSWERS, type QaAnswers } from '../../leadMentorQa/events.js';
import { MISSED_REASONS, REVIEW_OUTCOMES } from '../../reviewPoint/events.js';
import { irpTemplateArbitrary, verdictArbitrary } from './irpCommands.js';
import {
  PROGRESS_WORLD,
  REVIEW_POINT_SLOTS,
  WORLD_POLICY,
  choose,
  mostly,
  optional,
  pick,
  reviewPointIdOf,
  type DatedTemplate,
  type StepTemplate,
  type WorldTrainee,
  type WorldView,
} from './progressWorld.js';

const AREAS = PROGRESS_WORLD.areas;
const n = fc.nat();
const areasFor = (outcome: 'on_track' | 'not_on_track') => (outcome === 'on_track' ? fc.constant<string[]>([]) : fc.subarray([...AREAS], { minLength: 1, maxLength: 3 }));
const answers: fc.Arbitrary<QaAnswers> = fc.record({
  assessmentsAccurate: pick(QA_ANSWERS),
  instructionalCoachingQuality: pick(QA_ANSWERS),
  entitlementReceived: pick(QA_ANSWERS),
  meetingRecordsKept: pick(QA_ANSWERS),
  targetsShortTermAndAchievable: pick(QA_ANSWERS),
});

/** The trainee's review points whose state passes `keep`, by id. */
const reviewPointsOf = (t: WorldTrainee, view: WorldView, keep: (state: ReturnType<WorldView['reviewPoint']>) => boolean): string[] =>
  REVIEW_POINT_SLOTS.map((k) => reviewPointIdOf(t, k)).filter((id) => keep(view.reviewPoint(id)));
const heldBy = (day: LocalDate) => (state: ReturnType<WorldView['reviewPoint']>) => state.status === 'held' && state.held !== undefined && state.held.heldOn <= day;

const reviewPointTemplates = (t: WorldTrainee): fc.Arbitrary<StepTemplate> => {
  const at = (id: string | undefined, slot: number) => id ?? reviewPointIdOf(t, slot % 3);
  const schedule = fc.record({ n, due: fc.integer({ min: 10, max: 50 }), lead: fc.boolean(), slip: mostly(fc.constant(false), fc.constant(true)) }).map(({ n: i, due, lead, slip }) => (day: LocalDate, view: WorldView) => {
    const id = slip ? reviewPointIdOf(t, i % 3) : at(choose(reviewPointsOf(t, view, (s) => s.status === 'unscheduled'), i), i);
    const stage = slip && i % 2 === 0 ? 'final' : PROGRESS_WORLD.stages[Number(id.slice(-1))]!;
    return {
      kind: 'reviewPoint' as const, id,
      command: {
        type: 'ScheduleReviewPoint' as const, reviewPointId: id, traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, providerId: t.providerId, academicYear: PROGRESS_WORLD.academicYear,
        stage, dueDate: addDays(day, due), mentorId: t.mentorId, ...optional('leadMentorId', lead ? PROGRESS_WORLD.leadMentorId : undefined), policy: WORLD_POLICY,
      },
    };
  });
  const hold = fc.record({ n, outcome: pick(REVIEW_OUTCOMES) }).chain(({ n: i, outcome }) => fc.record({ i: fc.constant(i), outcome: fc.constant(outcome), areas: mostly(areasFor(outcome), fc.constant<string[]>([])), lead: mostly(fc.constant(true), fc.constant(false)) }));
  const held = hold.map(({ i, outcome, areas, lead }) => (day: LocalDate, view: WorldView) => ({
    kind: 'reviewPoint' as const, id: at(choose(reviewPointsOf(t, view, (s) => s.status === 'scheduled'), i), i),
    command: { type: 'HoldReviewPoint' as const, heldOn: day, heldBy: t.mentorId, ...optional('leadMentorId', lead ? PROGRESS_WORLD.leadMentorId : undefined), outcome, areasOfConcern: areas },
  }));
  const reschedule = fc.record({ n, due: fc.integer({ min: 1, max: 30 }) }).map(({ n: i, due }) => (day: LocalDate, view: WorldView) => ({
    kind: 'reviewPoint' as const, id: at(choose(reviewPointsOf(t, view, (s) => s.status === 'scheduled'), i), i), command: { type: 'RescheduleReviewPoint' as const, dueDate: addDays(day, due), reason: 'school trip' },
  }));
  const miss = fc.record({ n, reason: pick(MISSED_REASONS) }).map(({ n: i, reason }) => (day: LocalDate, view: WorldView) => ({
    kind: 'reviewPoint' as const, id: at(choose(reviewPointsOf(t, view, (s) => s.status === 'scheduled'), i), i), command: { type: 'RecordReviewPointMissed' as const, recordedOn: day, reason },
  }));
  const correct = hold.map(({ i, outcome, areas }) => (_day: LocalDate, view: WorldView) => ({
    kind: 'reviewPoint' as const, id: at(choose(reviewPointsOf(t, view, (s) => s.status === 'held'), i), i), command: { type: 'CorrectReviewPointOutcome' as const, outcome, areasOfConcern: areas, reason: 'wrong box ticked' },
  }));
  return fc.oneof({ weight: 4, arbitrary: schedule }, { weight: 4, arbitrary: held }, { weight: 1, arbitrary: reschedule }, { weight: 1, arbitrary: miss }, { weight: 1, arbitrary: correct });
};

const targetTemplates = (t: WorldTrainee): fc.Arbitrary<StepTemplate> => {
  const ids = [0, 1, 2, 3, 4, 5].map((k) => `${t.traineeId}-target-${k}`);
  const set = fc.record({ n, r: n, area: pick(AREAS), due: mostly(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 0, max: 60 })), atRp: mostly(fc.constant(true), fc.constant(false)) }).map(
    ({ n: i, r, area, due, atRp }) => (day: LocalDate, view: WorldView) => {
      const id = choose(ids.filter((x) => view.target(x).status === 'unset'), i) ?? ids[i % ids.length]!;
      const rp = atRp ? choose(reviewPointsOf(t, view, heldBy(day)), r) : undefined;
      return {
        kind: 'target' as const, id,
        command: { type: 'SetTarget' as const, targetId: id, traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, description: `A small step in ${area}`, area, setOn: day, dueDate: addDays(day, due), setBy: t.mentorId, ...optional('reviewPointId', rp) },
      };
    },
  );
  const review = fc.record({ n, r: n, verdict: verdictArbitrary, next: fc.integer({ min: 5, max: 35 }), slip: mostly(fc.constant(false), fc.constant(true)), atRp: fc.boolean() }).map(
    ({ n: i, r, verdict, next, slip, atRp }) => (day: LocalDate, view: WorldView) => {
      const id = choose(ids.filter((x) => view.target(x).status === 'open'), i) ?? ids[i % ids.length]!;
      const setAt = view.target(id).set?.reviewPointId;
      const rp = atRp ? choose(reviewPointsOf(t, view, (s) => heldBy(day)(s) && s.scheduled?.reviewPointId !== setAt), r) : undefined;
      const settled = verdict === 'met' || verdict === 'not_met';
      return { kind: 'target' as const, id, command: { type: 'ReviewTarget' as const, reviewedOn: day, reviewedBy: t.mentorId, verdict, ...optional('nextDueDate', settled !== slip ? undefined : addDays(day, next)), ...optional('reviewPointId', rp) } };
    },
  );
  const withdraw = n.map((i) => (day: LocalDate, view: WorldView) => ({
    kind: 'target' as const, id: choose(ids.filter((x) => view.target(x).status !== 'unset'), i) ?? ids[0]!, command: { type: 'WithdrawTarget' as const, withdrawnOn: day, reason: 'set for the wrong trainee' },
  }));
  return fc.oneof({ weight: 4, arbitrary: set }, { weight: 4, arbitrary: review }, { weight: 1, arbitrary: withdraw });
};

const qaTemplates = (t: WorldTrainee): fc.Arbitrary<StepTemplate> => {
  const step = (command: Extract<ReturnType<StepTemplate>, { kind: 'leadMentorQa' }>['command']) => ({ kind: 'leadMentorQa' as const, id: t.placementId, command });
  const observe = fc.record({ r: n, atRp: fc.boolean() }).map(({ r, atRp }) => (day: LocalDate, view: WorldView) => {
    const k = view.leadMentorQa(t.placementId).observations.size;
    const rp = atRp ? choose(reviewPointsOf(t, view, (s) => s.status === 'scheduled' || s.status === 'held'), r) : undefined;
    return step({
      type: 'RecordJointObservation', observationId: `${t.traineeId}-obs-${k}`, traineeId: t.traineeId, placementId: t.placementId, schoolId: t.schoolId, leadMentorId: PROGRESS_WORLD.leadMentorId, mentorId: t.mentorId,
      date: day, focus: 'transitions', feedbackForTrainee: `Feedback ${k} for ${t.traineeId}`, feedbackForMentor: `Coaching note ${k}`, ...optional('reviewPointId', rp),
    });
  });
  const withdraw = n.map((i) => (_day: LocalDate, view: WorldView) => step({ type: 'WithdrawJointObservation', observationId: choose([...view.leadMentorQa(t.placementId).observations.keys()], i) ?? `${t.traineeId}-obs-0`, reason: 'wrong lesson' }));
  const complete = fc.record({ n, answers }).map(({ n: i, answers: a }) => (day: LocalDate, view: WorldView) => {
    const forms = view.leadMentorQa(t.placementId).forms;
    const rp = choose(reviewPointsOf(t, view, (s) => s.status === 'held' && !forms.has(s.scheduled!.reviewPointId)), i) ?? reviewPointIdOf(t, i % 3);
    return step({ type: 'CompleteLeadMentorQaForm', reviewPointId: rp, leadMentorId: PROGRESS_WORLD.leadMentorId, completedOn: day, answers: a });
  });
  const amend = fc.record({ n, answers }).map(({ n: i, answers: a }) => (day: LocalDate, view: WorldView) =>
    step({ type: 'AmendLeadMentorQaForm', reviewPointId: choose([...view.leadMentorQa(t.placementId).forms.keys()], i) ?? reviewPointIdOf(t, 0), amendedOn: day, answers: a, reason: 'second look' }),
  );
  return fc.oneof({ weight: 3, arbitrary: observe }, { weight: 1, arbitrary: withdraw }, { weight: 3, arbitrary: complete }, { weight: 1, arbitrary: amend });
};

const irpTemplates = (t: WorldTrainee): fc.Arbitrary<StepTemplate> =>
  fc.record({ template: irpTemplateArbitrary(t), r: n }).map(({ template, r }) => (day: LocalDate, view: WorldView) => {
    const command = template(day, view.irp(t.traineeId));
    if (command.type !== 'OpenIndividualRecoveryPlan' || command.reviewPointId === undefined) return { kind: 'irp' as const, id: t.traineeId, command };
    // Name a review point that found the trainee not on track, when there is one.
    const { reviewPointId: _any, ...rest } = command;
    const found = choose(reviewPointsOf(t, view, (s) => heldBy(day)(s) && s.held?.outcome === 'not_on_track'), r);
    return { kind: 'irp' as const, id: t.traineeId, command: { ...rest, ...optional('reviewPointId', found) } };
  });

const welfareTemplates = (t: WorldTrainee): fc.Arbitrary<StepTemplate> =>
  fc.oneof(
    fc.boolean().map((support) => (day: LocalDate, view: WorldView) => {
      const k = view.welfare(t.traineeId).concerns.size;
      return {
        kind: 'welfare' as const, id: t.traineeId,
        command: {
          type: 'RecordWelfareConcern' as const, concernId: `${t.traineeId}-concern-${k}`, traineeId: t.traineeId, notedOn: day, notedBy: PROGRESS_WORLD.leadMentorId,
          note: `${PROGRESS_WORLD.welfareMark} ${t.traineeId} ${k}: unwell`, ...optional('supportOffered', support ? `${PROGRESS_WORLD.welfareMark} counselling offered` : undefined),
        },
      };
    }),
    n.map((i) => (day: LocalDate, view: WorldView) => {
      const open = [...view.welfare(t.traineeId).concerns].filter(([, c]) => !c.closed).map(([id]) => id);
      return { kind: 'welfare' as const, id: t.traineeId, command: { type: 'CloseWelfareConcern' as const, concernId: choose(open, i) ?? `${t.traineeId}-concern-0`, closedOn: day, closedBy: PROGRESS_WORLD.leadMentorId, note: `${PROGRESS_WORLD.welfareMark} resolved` } };
    }),
  );

const stepTemplate: fc.Arbitrary<StepTemplate> = fc.constantFrom(...PROGRESS_WORLD.trainees).chain((t) =>
  fc.oneof(
    { weight: 5, arbitrary: reviewPointTemplates(t) },
    { weight: 4, arbitrary: targetTemplates(t) },
    { weight: 3, arbitrary: qaTemplates(t) },
    { weight: 4, arbitrary: irpTemplates(t) },
    { weight: 1, arbitrary: welfareTemplates(t) },
  ),
);

/**
 * Commands on days that move forward (0–4 days apart), a few recorded late, each made from the world as it
 * stands when its turn comes (`applyProgressSteps` makes them): mostly aimed at what exists, sometimes not.
 */
export const progressStepsArbitrary = (options: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<DatedTemplate[]> =>
  fc
    .array(fc.record({ gap: fc.nat(4), late: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) }), next: stepTemplate }), { minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 80, size: 'max' })
    .map((raw) => {
      let day: LocalDate = PROGRESS_WORLD.firstDay;
      return raw.map(({ gap, late, next }) => {
        day = addDays(day, gap);
        return { day, recordedLate: late, next };
      });
    });
