import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import { createRuleBook, standardRuleBook } from '../rules/ruleBook.js';
import { standardRuleSets } from '../rules/standardRuleSets.js';
import type { TargetSpec } from '../target/events.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { CloseIndividualRecoveryPlan, IrpCommand, OpenIndividualRecoveryPlan, ReviewIndividualRecoveryPlan } from './commands.js';
import { createIrpDecider, irpDecider } from './decider.js';
import type { IrpEvent } from './events.js';
import { nextReviewDue, reviewOverdue } from './schedule.js';

const spec = deciderSpec(irpDecider);
const where = { traineeId: 't-1', placementId: 'p-1', schoolId: 's-1' };
const target = (j: number, dueDate = '2024-12-06'): TargetSpec => ({ targetId: `irp-1-t${j}`, description: `Step ${j}`, area: 'behaviour management', dueDate });
const facts = (over: Partial<ReviewPointFacts> = {}): ReviewPointFacts => ({
  reviewPointId: 'rp-2', ...where, stage: 'development', status: 'held', dueDate: '2024-11-22', heldOn: '2024-11-21', outcome: 'not_on_track', mentorId: 'm-1', ...over,
});

const open: OpenIndividualRecoveryPlan = {
  type: 'OpenIndividualRecoveryPlan', irpId: 'irp-1', ...where, providerId: 'prov', openedOn: '2024-11-25', leadMentorId: 'lm-1', agreedWith: 'itt-lead', ownerId: 'lm-1',
  concerns: ['behaviour management'], targets: [target(1), target(2)], supportActions: [{ description: 'Weekly coaching', providedBy: 'm-1' }],
};
type Opened = Extract<IrpEvent, { type: 'IndividualRecoveryPlanOpened' }>;
const opened = (over: Partial<Opened['data']> = {}): Opened => ({
  type: 'IndividualRecoveryPlanOpened',
  data: {
    irpId: 'irp-1', ...where, providerId: 'prov', openedOn: '2024-11-25', leadMentorId: 'lm-1', agreedWith: 'itt-lead', ownerId: 'lm-1',
    concerns: ['behaviour management'], targets: [target(1), target(2)], supportActions: [{ description: 'Weekly coaching', providedBy: 'm-1' }], reviewDates: ['2024-12-09'], ...over,
  },
});
const review: ReviewIndividualRecoveryPlan = { type: 'ReviewIndividualRecoveryPlan', irpId: 'irp-1', reviewedOn: '2024-12-09', reviewedBy: 'lm-1', targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }, { targetId: 'irp-1-t2', verdict: 'met' }] };
const reviewed = (over: Partial<Extract<IrpEvent, { type: 'IndividualRecoveryPlanReviewed' }>['data']> = {}): IrpEvent => ({
  type: 'IndividualRecoveryPlanReviewed',
  data: { irpId: 'irp-1', traineeId: 't-1', reviewedOn: '2024-12-09', reviewedBy: 'lm-1', targetReviews: review.targetReviews.map((r) => ({ ...r })), targetsAdded: [], ...over },
});
const partly = reviewed({ targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }, { targetId: 'irp-1-t2', verdict: 'partly_met', nextDueDate: '2024-12-20' }] });
const close: CloseIndividualRecoveryPlan = { type: 'CloseIndividualRecoveryPlan', irpId: 'irp-1', closedOn: '2024-12-10', closedBy: 'itt-lead', outcome: 'succeeded' };
const closed = (over: Partial<Extract<IrpEvent, { type: 'IndividualRecoveryPlanClosed' }>['data']> = {}): IrpEvent => ({
  type: 'IndividualRecoveryPlanClosed',
  data: { irpId: 'irp-1', traineeId: 't-1', closedOn: '2024-12-10', closedBy: 'itt-lead', outcome: 'succeeded', ...over },
});
const extended: IrpEvent = { type: 'IndividualRecoveryPlanExtended', data: { irpId: 'irp-1', traineeId: 't-1', extendedOn: '2024-12-09', reviewDates: ['2024-12-20'], reason: 'a further fortnight' } };

const refuses = (events: readonly IrpEvent[], command: IrpCommand, reason: string, field?: string) =>
  spec.given(events).when(command).thenThrows(CommandRejectedError, field === undefined ? { reason } : { reason, field });

describe('IRP: open', () => {
  it('opens a plan agreed with the leadership team; the first review is the rule set’s 14 days later by default', () => {
    expect(standardRuleBook.ruleSetFor('2024/25', '2024-11-25').recoveryPlans.firstReviewAfterDays.value).toBe(14);
    spec.given().when(open).then([opened()]);
    spec.given().when({ ...open, reviewDates: ['2024-12-02', '2024-12-16'], reviewPoint: facts() }).then([opened({ reviewDates: ['2024-12-02', '2024-12-16'], reviewPointId: 'rp-2' })]);
  });

  it('opens a new plan after the last one closed, unless it escalated to withdrawal', () => {
    const second = { ...open, irpId: 'irp-2', openedOn: '2025-01-06', targets: [{ ...target(1, '2025-01-20'), targetId: 'irp-2-t1' }] };
    spec.given([opened(), reviewed(), closed({ outcome: 'escalated', escalatedTo: 'change_of_placement' })]).when(second).then([
      opened({ irpId: 'irp-2', openedOn: '2025-01-06', targets: second.targets, reviewDates: ['2025-01-20'] }),
    ]);
    refuses([opened(), reviewed(), closed({ outcome: 'escalated', escalatedTo: 'withdrawal' })], second, 'irp.trainee-withdrawn', 'traineeId');
    refuses([opened(), reviewed(), closed()], { ...second, openedOn: '2024-12-09' }, 'irp.opened-before-last-closed', 'openedOn');
  });

  it('refuses a second open plan (at most one per trainee), a reused id, or another trainee in this stream', () => {
    refuses([opened()], { ...open, irpId: 'irp-2' }, 'irp.already-open', 'irpId');
    refuses([opened(), reviewed(), closed()], { ...open, openedOn: '2024-12-11' }, 'irp.id-used', 'irpId');
    refuses([opened()], { ...open, traineeId: 't-2' }, 'irp.wrong-trainee', 'traineeId');
  });

  it('refuses a plan the lead mentor agreed alone, or with no concerns, targets or support', () => {
    refuses([], { ...open, agreedWith: 'lm-1' }, 'irp.not-agreed-with-leadership', 'agreedWith');
    refuses([], { ...open, concerns: [] }, 'irp.concerns-required', 'concerns');
    refuses([], { ...open, concerns: [''] }, 'irp.text-required', 'concerns[0]');
    refuses([], { ...open, concerns: ['a', 'a'] }, 'irp.duplicate-concern', 'concerns');
    refuses([], { ...open, targets: [] }, 'irp.targets-required', 'targets');
    refuses([], { ...open, supportActions: [] }, 'irp.support-required', 'supportActions');
    refuses([], { ...open, supportActions: [{ description: ' ', providedBy: 'm-1' }] }, 'irp.text-required', 'supportActions[0].description');
  });

  it('refuses more targets than the rule set allows (at most 3), and bad or repeated targets', () => {
    refuses([], { ...open, targets: [1, 2, 3, 4].map((j) => target(j)) }, 'irp.too-many-targets', 'targets');
    const base = standardRuleBook.ruleSetFor('2024/25', '2024-11-25');
    const four = createRuleBook([...standardRuleSets, { ...base, recoveryPlans: { ...base.recoveryPlans, maximumTargets: { ...base.recoveryPlans.maximumTargets, value: 4 } } }]);
    const targets = [1, 2, 3, 4].map((j) => target(j));
    deciderSpec(createIrpDecider(four)).given().when({ ...open, targets }).then([opened({ targets })]);
    refuses([], { ...open, targets: [target(1), target(1)] }, 'irp.duplicate-target', 'targets');
    refuses([], { ...open, targets: [{ ...target(1), description: '' }] }, 'irp.text-required', 'targets[0].description');
    refuses([], { ...open, targets: [target(1, '2024-11-25')] }, 'irp.due-before-set', 'targets[0].dueDate');
    refuses([], { ...open, targets: [target(1, '2025-01-31')] }, 'irp.not-short-term', 'targets[0].dueDate');
  });

  it('refuses review dates that are missing, bad, not after opening or out of order, and a bad opening date', () => {
    refuses([], { ...open, reviewDates: [] }, 'irp.review-dates-required', 'reviewDates');
    refuses([], { ...open, reviewDates: ['2024-12-32'] }, 'irp.invalid-date', 'reviewDates[0]');
    refuses([], { ...open, reviewDates: ['2024-11-25'] }, 'irp.review-dates-out-of-order', 'reviewDates');
    refuses([], { ...open, reviewDates: ['2024-12-09', '2024-12-02'] }, 'irp.review-dates-out-of-order', 'reviewDates');
    refuses([], { ...open, openedOn: '25/11/2024' }, 'irp.invalid-date', 'openedOn');
  });

  it('refuses a review point that is another trainee’s, found them on track, or came after opening', () => {
    refuses([], { ...open, reviewPoint: facts({ traineeId: 't-2' }) }, 'irp.review-point-elsewhere', 'reviewPoint');
    refuses([], { ...open, reviewPoint: facts({ outcome: 'on_track' }) }, 'irp.trainee-on-track', 'reviewPoint');
    const { heldOn: _heldOn, outcome: _outcome, ...notHeld } = facts();
    refuses([], { ...open, reviewPoint: { ...notHeld, status: 'scheduled' } }, 'irp.trainee-on-track', 'reviewPoint');
    refuses([], { ...open, reviewPoint: facts({ heldOn: '2024-11-26' }) }, 'irp.before-review-point', 'openedOn');
  });
});

describe('IRP: review', () => {
  it('judges targets and may add one within the limit, and set the next review', () => {
    spec.given([opened()]).when(review).then([reviewed()]);
    const add = { ...review, targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' as const }], targetsAdded: [target(3, '2024-12-20')], nextReviewOn: '2024-12-16' };
    const state = spec.given([opened()]).when(add).then([reviewed({ targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }], targetsAdded: [target(3, '2024-12-20')], nextReviewOn: '2024-12-16' })]);
    expect([...state.plans.get('irp-1')!.targets.keys()]).toEqual(['irp-1-t1', 'irp-1-t2', 'irp-1-t3']);
  });

  it('refuses an unknown or closed plan', () => {
    refuses([], review, 'irp.unknown-plan', 'irpId');
    refuses([opened(), reviewed(), closed()], review, 'irp.closed', 'irpId');
  });

  it('refuses a review on or before the opening, before the last review, or badly dated', () => {
    refuses([opened()], { ...review, reviewedOn: '2024-11-25' }, 'irp.review-before-opening', 'reviewedOn');
    refuses([opened(), partly], { ...review, reviewedOn: '2024-12-08', targetReviews: [{ targetId: 'irp-1-t2', verdict: 'met' }] }, 'irp.review-out-of-order', 'reviewedOn');
    refuses([opened()], { ...review, reviewedOn: 'Monday' }, 'irp.invalid-date', 'reviewedOn');
  });

  it('refuses a review of nothing, of unknown or settled targets, or of one target twice', () => {
    refuses([opened()], { ...review, targetReviews: [] }, 'irp.nothing-reviewed', 'targetReviews');
    refuses([opened()], { ...review, targetReviews: [{ targetId: 'irp-9-t1', verdict: 'met' }] }, 'irp.unknown-target', 'targetReviews[0].targetId');
    refuses([opened(), partly], { ...review, reviewedOn: '2024-12-16', targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }] }, 'irp.target-settled', 'targetReviews[0].targetId');
    refuses([opened()], { ...review, targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }, { targetId: 'irp-1-t1', verdict: 'met' }] }, 'irp.duplicate-target-review', 'targetReviews');
  });

  it('refuses verdicts without the next due date they need, or with one they must not have', () => {
    refuses([opened()], { ...review, targetReviews: [{ targetId: 'irp-1-t1', verdict: 'partly_met' }] }, 'irp.next-due-date-required', 'targetReviews[0].nextDueDate');
    refuses([opened()], { ...review, targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met', nextDueDate: '2024-12-20' }] }, 'irp.next-due-date-unexpected', 'targetReviews[0].nextDueDate');
    refuses([opened()], { ...review, targetReviews: [{ targetId: 'irp-1-t1', verdict: 'carried_forward', nextDueDate: '2024-12-09' }] }, 'irp.next-due-before-review', 'targetReviews[0].nextDueDate');
  });

  it('refuses added targets over the limit or reusing an id, and a next review not after this one', () => {
    refuses([opened()], { ...review, targetReviews: [], targetsAdded: [target(3, '2024-12-20'), target(4, '2024-12-20')] }, 'irp.too-many-targets', 'targetsAdded');
    refuses([opened()], { ...review, targetsAdded: [target(1, '2024-12-20')] }, 'irp.duplicate-target', 'targetsAdded');
    refuses([opened()], { ...review, nextReviewOn: '2024-12-09' }, 'irp.next-review-before-review', 'nextReviewOn');
    refuses([opened()], { ...review, nextReviewOn: 'soon' }, 'irp.invalid-date', 'nextReviewOn');
  });
});

describe('IRP: extend', () => {
  const extend = { type: 'ExtendIndividualRecoveryPlan', irpId: 'irp-1', extendedOn: '2024-12-09', reviewDates: ['2024-12-20'], reason: 'a further fortnight' } as const;

  it('gives an open, reviewed plan a further period; it stays open', () => {
    const state = spec.given([opened(), partly]).when(extend).then([extended]);
    expect(state.openIrpId).toBe('irp-1');
    expect(state.plans.get('irp-1')).toMatchObject({ status: 'open', extensions: 1, schedule: { reviewDates: ['2024-12-20'], reviewsInPeriod: 0 } });
  });

  it('refuses a plan not open or not yet reviewed, a date before its last review, no reason, bad dates', () => {
    refuses([], extend, 'irp.unknown-plan', 'irpId');
    refuses([opened()], extend, 'irp.extend-before-review', 'irpId');
    refuses([opened(), reviewed(), closed()], extend, 'irp.closed', 'irpId');
    refuses([opened(), partly], { ...extend, extendedOn: '2024-12-08' }, 'irp.extended-before-last-review', 'extendedOn');
    refuses([opened(), partly], { ...extend, reason: '' }, 'irp.text-required', 'reason');
    refuses([opened(), partly], { ...extend, reviewDates: ['2024-12-09'] }, 'irp.review-dates-out-of-order', 'reviewDates');
    refuses([opened(), partly], { ...extend, extendedOn: '2024-12-99' }, 'irp.invalid-date', 'extendedOn');
  });
});

describe('IRP: close', () => {
  it('closes as succeeded when every target is met, or escalated with where it leads; the record stays whole', () => {
    const state = spec.given([opened(), reviewed()]).when(close).then([closed()]);
    expect(state.openIrpId).toBeUndefined();
    const escalate = { ...close, outcome: 'escalated', escalatedTo: 'withdrawal' } as const;
    const after = spec.given([opened(), partly]).when(escalate).then([closed({ outcome: 'escalated', escalatedTo: 'withdrawal' })]);
    const plan = after.plans.get('irp-1')!;
    expect(plan).toMatchObject({ status: 'escalated', escalatedTo: 'withdrawal', reviews: 1, closedOn: '2024-12-10' });
    expect([...plan.targets.values()].map((t) => [t.spec.targetId, t.lastVerdict])).toEqual([['irp-1-t1', 'met'], ['irp-1-t2', 'partly_met']]);
    expect(after.withdrawn).toBe(true);
  });

  it('refuses to close with a target never reviewed', () => {
    refuses([opened()], close, 'irp.unreviewed-target', 'targets');
    refuses([opened(), reviewed({ targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }], targetsAdded: [target(3, '2024-12-20')] })], { ...close, outcome: 'escalated', escalatedTo: 'resit' }, 'irp.unreviewed-target', 'targets');
  });

  it('refuses success with a target not met, and an escalation without, or a success with, a destination', () => {
    refuses([opened(), partly], close, 'irp.targets-not-met', 'outcome');
    refuses([opened(), reviewed()], { ...close, outcome: 'escalated' }, 'irp.escalation-required', 'escalatedTo');
    refuses([opened(), reviewed()], { ...close, escalatedTo: 'deferral' }, 'irp.escalation-unexpected', 'escalatedTo');
  });

  it('refuses a plan not open, a date before its last review, or a bad date', () => {
    refuses([], close, 'irp.unknown-plan', 'irpId');
    refuses([opened(), reviewed(), closed()], close, 'irp.closed', 'irpId');
    refuses([opened(), reviewed()], { ...close, closedOn: '2024-12-08' }, 'irp.closed-before-last-review', 'closedOn');
    refuses([opened(), reviewed()], { ...close, closedOn: '10 Dec' }, 'irp.invalid-date', 'closedOn');
  });
});

describe('IRP review schedule', () => {
  it('is due on the next planned date, or the date the last review set; overdue only after that day', () => {
    const plan = (events: readonly IrpEvent[]) => spec.given(events).state().plans.get('irp-1')!.schedule;
    expect(nextReviewDue(plan([opened()]))).toBe('2024-12-09');
    expect(reviewOverdue(plan([opened()]), '2024-12-09')).toBe(false);
    expect(reviewOverdue(plan([opened()]), '2024-12-10')).toBe(true);
    expect(nextReviewDue(plan([opened(), reviewed({ targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }] })]))).toBeUndefined();
    expect(nextReviewDue(plan([opened(), reviewed({ targetReviews: [{ targetId: 'irp-1-t1', verdict: 'met' }], nextReviewOn: '2024-12-16' })]))).toBe('2024-12-16');
    expect(nextReviewDue(plan([opened(), partly, extended]))).toBe('2024-12-20');
  });
});
