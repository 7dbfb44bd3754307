import { match } from 'ts-pattern';
import { academicYearOf } from '../calendar/academicYear.js';
import { addDays, type LocalDate } from '../calendar/localDate.js';
import type { Decider } from '../kernel/decider.js';
import { reject, requireDate, requireDistinct, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { TargetSpec } from '../target/events.js';
import { checkTargetReview, checkTargetSpec, longestTermDays } from '../target/rules.js';
import type { IrpCommand, OpenIndividualRecoveryPlan } from './commands.js';
import type { IrpEvent } from './events.js';
import { evolveIrp, initialIrpState, type IrpState, type IrpPlan } from './state.js';
import { irpCommandSchema } from './commandSchema.js';

const P = 'irp';

const openPlan = (state: IrpState, irpId: string): IrpPlan => {
  const plan = state.plans.get(irpId);
  if (plan === undefined) return reject(`${P}.unknown-plan`, `the trainee has no plan ${irpId}`, 'irpId');
  if (plan.status !== 'open') return reject(`${P}.closed`, `plan ${irpId} closed on ${plan.closedOn ?? '?'} (${plan.status})`, 'irpId');
  return plan;
};

/** Review dates strictly after `from` and in order. */
const checkReviewDates = (dates: readonly LocalDate[], from: LocalDate): void => {
  if (dates.length === 0 || dates.length > LIMITS.reviewDates) reject(`${P}.review-dates-required`, `a plan needs 1–${LIMITS.reviewDates} review dates`, 'reviewDates');
  dates.forEach((date, i) => requireDate(date, `reviewDates[${i}]`, P));
  if (dates.some((date, i) => date <= (i === 0 ? from : dates[i - 1]!))) {
    reject(`${P}.review-dates-out-of-order`, `review dates must come after ${from} and each after the one before`, 'reviewDates');
  }
};

const checkTargets = (specs: readonly TargetSpec[], setOn: LocalDate, longest: number, field: string, taken: ReadonlyMap<string, unknown>): void => {
  specs.forEach((spec, i) => checkTargetSpec(spec, setOn, longest, P, `${field}[${i}]`));
  requireDistinct(specs.map((spec) => spec.targetId), field, `${P}.duplicate-target`);
  if (specs.some((spec) => taken.has(spec.targetId))) reject(`${P}.duplicate-target`, 'a target id is already used in this plan', field);
};

const checkOpen = (c: OpenIndividualRecoveryPlan, state: IrpState, ruleBook: RuleBook): LocalDate[] => {
  if (state.traineeId !== undefined && state.traineeId !== c.traineeId) reject(`${P}.wrong-trainee`, `these plans are trainee ${state.traineeId}'s`, 'traineeId');
  if (state.withdrawn) reject(`${P}.trainee-withdrawn`, 'an earlier plan was escalated to withdrawal', 'traineeId');
  if (state.openIrpId !== undefined) reject(`${P}.already-open`, `plan ${state.openIrpId} is open: a trainee has at most one open plan`, 'irpId');
  if (state.plans.has(c.irpId)) reject(`${P}.id-used`, `plan ${c.irpId} already exists`, 'irpId');
  requireDate(c.openedOn, 'openedOn', P);
  if (state.lastClosedOn !== undefined && c.openedOn < state.lastClosedOn) reject(`${P}.opened-before-last-closed`, `the last plan closed on ${state.lastClosedOn}`, 'openedOn');
  if (c.agreedWith === c.leadMentorId) reject(`${P}.not-agreed-with-leadership`, 'the lead mentor agrees a plan with the provider\'s ITT leadership team, not alone', 'agreedWith');
  if (c.concerns.length === 0 || c.concerns.length > LIMITS.areas) reject(`${P}.concerns-required`, `name 1–${LIMITS.areas} areas of concern`, 'concerns');
  c.concerns.forEach((concern, i) => requireText(concern, `concerns[${i}]`, P, LIMITS.area));
  requireDistinct(c.concerns, 'concerns', `${P}.duplicate-concern`);
  const rules = ruleBook.ruleSetFor(academicYearOf(c.openedOn), c.openedOn).recoveryPlans;
  if (c.targets.length === 0) reject(`${P}.targets-required`, 'a plan needs at least one target', 'targets');
  if (c.targets.length > rules.maximumTargets.value) reject(`${P}.too-many-targets`, `at most ${rules.maximumTargets.value} targets (${rules.maximumTargets.quote})`, 'targets');
  checkTargets(c.targets, c.openedOn, longestTermDays(ruleBook, c.openedOn), 'targets', new Map());
  if (c.supportActions.length === 0 || c.supportActions.length > LIMITS.supportActions) reject(`${P}.support-required`, `a plan needs 1–${LIMITS.supportActions} support actions`, 'supportActions');
  c.supportActions.forEach((action, i) => requireText(action.description, `supportActions[${i}].description`, P, LIMITS.description));
  const reviewDates = c.reviewDates ?? [addDays(c.openedOn, rules.firstReviewAfterDays.value)];
  checkReviewDates(reviewDates, c.openedOn);
  const facts = c.reviewPoint;
  if (facts !== undefined) {
    if (facts.traineeId !== c.traineeId || facts.placementId !== c.placementId) reject(`${P}.review-point-elsewhere`, `review point ${facts.reviewPointId} is another trainee's or placement's`, 'reviewPoint');
    if (facts.outcome !== 'not_on_track' || facts.heldOn === undefined) return reject(`${P}.trainee-on-track`, `review point ${facts.reviewPointId} did not find the trainee not on track`, 'reviewPoint');
    if (c.openedOn < facts.heldOn) reject(`${P}.before-review-point`, `the review point was held on ${facts.heldOn}`, 'openedOn');
  }
  return [...reviewDates];
};

/** Individual Recovery Plans of one trainee; the rule book gives the most targets and the first review's timing. */
export const createIrpDecider = (ruleBook: RuleBook = standardRuleBook): Decider<IrpCommand, IrpEvent, IrpState> => ({
  initialState: initialIrpState,
  commandSchema: irpCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'OpenIndividualRecoveryPlan' }, (c): IrpEvent[] => {
        const reviewDates = checkOpen(c, state, ruleBook);
        const { irpId, traineeId, placementId, schoolId, providerId, openedOn, leadMentorId, agreedWith, ownerId, reviewPoint } = c;
        const at = reviewPoint === undefined ? {} : { reviewPointId: reviewPoint.reviewPointId };
        const targets = c.targets.map(({ targetId, description, area, dueDate }) => ({ targetId, description, area, dueDate }));
        const supportActions = c.supportActions.map(({ description, providedBy }) => ({ description, providedBy }));
        return [
          {
            type: 'IndividualRecoveryPlanOpened',
            data: { irpId, traineeId, placementId, schoolId, providerId, openedOn, leadMentorId, agreedWith, ownerId, ...at, concerns: [...c.concerns], targets, supportActions, reviewDates },
          },
        ];
      })
      .with({ type: 'ReviewIndividualRecoveryPlan' }, (c): IrpEvent[] => {
        const plan = openPlan(state, c.irpId);
        requireDate(c.reviewedOn, 'reviewedOn', P);
        if (c.reviewedOn <= plan.openedOn) reject(`${P}.review-before-opening`, `the plan opened on ${plan.openedOn}; a review comes after`, 'reviewedOn');
        if (c.reviewedOn < plan.lastActivityOn) reject(`${P}.review-out-of-order`, `the plan was last changed on ${plan.lastActivityOn}`, 'reviewedOn');
        const added = c.targetsAdded ?? [];
        if (c.targetReviews.length === 0 && added.length === 0) reject(`${P}.nothing-reviewed`, 'a review judges at least one target or adds one', 'targetReviews');
        const longest = longestTermDays(ruleBook, c.reviewedOn);
        c.targetReviews.forEach((review, i) => {
          const target = plan.targets.get(review.targetId);
          if (target === undefined) reject(`${P}.unknown-target`, `plan ${plan.irpId} has no target ${review.targetId}`, `targetReviews[${i}].targetId`);
          else if (!target.open) reject(`${P}.target-settled`, `target ${review.targetId} was judged ${target.lastVerdict ?? '?'}`, `targetReviews[${i}].targetId`);
          checkTargetReview(review, c.reviewedOn, longest, P, `targetReviews[${i}]`);
        });
        requireDistinct(c.targetReviews.map((review) => review.targetId), 'targetReviews', `${P}.duplicate-target-review`);
        checkTargets(added, c.reviewedOn, longest, 'targetsAdded', plan.targets);
        const maximum = ruleBook.ruleSetFor(academicYearOf(plan.openedOn), plan.openedOn).recoveryPlans.maximumTargets;
        const settledNow = c.targetReviews.filter((review) => review.verdict === 'met' || review.verdict === 'not_met').length;
        const stillOpen = [...plan.targets.values()].filter((target) => target.open).length - settledNow + added.length;
        if (stillOpen > maximum.value) reject(`${P}.too-many-targets`, `at most ${maximum.value} open targets (${maximum.quote})`, 'targetsAdded');
        if (c.nextReviewOn !== undefined) {
          requireDate(c.nextReviewOn, 'nextReviewOn', P);
          if (c.nextReviewOn <= c.reviewedOn) reject(`${P}.next-review-before-review`, `the next review comes after ${c.reviewedOn}`, 'nextReviewOn');
        }
        const { irpId, reviewedOn, reviewedBy, nextReviewOn } = c;
        const targetReviews = c.targetReviews.map(({ targetId, verdict, nextDueDate }) => ({ targetId, verdict, ...(nextDueDate === undefined ? {} : { nextDueDate }) }));
        const targetsAdded = added.map(({ targetId, description, area, dueDate }) => ({ targetId, description, area, dueDate }));
        const next = nextReviewOn === undefined ? {} : { nextReviewOn };
        return [{ type: 'IndividualRecoveryPlanReviewed', data: { irpId, traineeId: state.traineeId!, reviewedOn, reviewedBy, targetReviews, targetsAdded, ...next } }];
      })
      .with({ type: 'ExtendIndividualRecoveryPlan' }, (c): IrpEvent[] => {
        const plan = openPlan(state, c.irpId);
        if (plan.reviews === 0) reject(`${P}.extend-before-review`, 'a plan is extended after a review, not before its first', 'irpId');
        requireDate(c.extendedOn, 'extendedOn', P);
        if (c.extendedOn < plan.lastActivityOn) reject(`${P}.extended-before-last-review`, `the plan was last changed on ${plan.lastActivityOn}`, 'extendedOn');
        requireText(c.reason, 'reason', P, LIMITS.reason);
        checkReviewDates(c.reviewDates, c.extendedOn);
        const { irpId, extendedOn, reason } = c;
        return [{ type: 'IndividualRecoveryPlanExtended', data: { irpId, traineeId: state.traineeId!, extendedOn, reviewDates: [...c.reviewDates], reason } }];
      })
      .with({ type: 'CloseIndividualRecoveryPlan' }, (c): IrpEvent[] => {
        const plan = openPlan(state, c.irpId);
        requireDate(c.closedOn, 'closedOn', P);
        if (c.closedOn < plan.lastActivityOn) reject(`${P}.closed-before-last-review`, `the plan was last changed on ${plan.lastActivityOn}`, 'closedOn');
        const unreviewed = [...plan.targets.values()].filter((target) => target.reviews === 0).map((target) => target.spec.targetId);
        if (unreviewed.length > 0) reject(`${P}.unreviewed-target`, `targets never reviewed: ${unreviewed.join(', ')}`, 'targets');
        if (c.outcome === 'escalated' && c.escalatedTo === undefined) reject(`${P}.escalation-required`, 'an escalated plan says where it leads', 'escalatedTo');
        if (c.outcome === 'succeeded' && c.escalatedTo !== undefined) reject(`${P}.escalation-unexpected`, 'a plan that succeeded is not escalated', 'escalatedTo');
        const unmet = [...plan.targets.values()].filter((target) => target.lastVerdict !== 'met').map((target) => target.spec.targetId);
        if (c.outcome === 'succeeded' && unmet.length > 0) reject(`${P}.targets-not-met`, `a plan succeeds when its targets are met; not met: ${unmet.join(', ')}`, 'outcome');
        const { irpId, closedOn, closedBy, outcome, escalatedTo } = c;
        const escalation = escalatedTo === undefined ? {} : { escalatedTo };
        return [{ type: 'IndividualRecoveryPlanClosed', data: { irpId, traineeId: state.traineeId!, closedOn, closedBy, outcome, ...escalation } }];
      })
      .exhaustive(),
  evolve: evolveIrp,
});

export const irpDecider = createIrpDecider();
